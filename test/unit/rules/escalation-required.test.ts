import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../server/src/core/types';
import { applyFix, check, goodMemo, only, textAt, type Fixture } from '../../helpers/memoWorkspace';

const RULE = 'escalation-required';
const FILE = 'decisions/0001-cache.md';
const MATRIX = [
  '- type: api-design',
  '  title: API design for team features',
  '  decides: owner',
  '  escalate-to: architecture-review',
  '  triggers: [cross-team, one-way]',
  '- type: vendor-contract',
  '  decides: owner',
  '  escalate-to: finance',
  '  triggers: [spend-over:50000]',
  '- type: data-retention',
  '  decides: owner',
  '  escalate-to: carol',
  '  triggers: [customer-data, costly, legal-hold]',
  '- type: no-escalation',
  '  decides: owner',
  '',
].join('\n');
const PEOPLE = [
  '- id: alice',
  '  role: team-lead',
  '- id: bob',
  '- id: carol',
  '  name: Carol Jones',
  '  role: [principal, Architecture Review]',
  '- id: dan',
  '  role: architecture-review',
  '  left: 2026-03-01',
  '- id: erin',
  '  role: architecture-review',
  '  left: 2026-12-31',
  '- id: fay',
  '  role: Finance',
  '- id: gus',
  '  role: architecture-review',
  '  status: left',
  '',
].join('\n');
const FILES = { 'authority.yaml': MATRIX, 'people.yaml': PEOPLE };

function escalations(overrides: Record<string, string | undefined>, files: Record<string, string> = FILES) {
  const f = check({ ...files, [FILE]: goodMemo(overrides) });
  return { f, ds: only(f, RULE) };
}

const rest = (f: Fixture) => f.diagnostics.filter((d: Diagnostic) => d.rule !== RULE).map((d) => `${d.file} ${d.rule} ${d.message}`);
const errors = (f: Fixture) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.message}`);

describe(RULE, () => {
  it('fires at the decision type when a trigger applies and no approver holds the `escalate-to` authority', () => {
    const { f, ds } = escalations({ 'decision-type': 'api-design', impact: '[cross-team]' });
    const [d, ...more] = ds;
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('api-design');
    expect(d!.message).toBe('Trigger `cross-team` of `api-design` applies, so `architecture-review` must approve; no approver holds that authority.');
    expect(d!.related!.map((r) => [r.file, r.message])).toEqual([
      ['authority.yaml', '`api-design` escalates to `architecture-review`'],
      ['authority.yaml', 'trigger `cross-team`'],
    ]);
    expect(d!.related![0]!.range).toEqual({ start: { line: 3, character: 15 }, end: { line: 3, character: 34 } });
  });

  it('names every trigger that applies, and the approvers who do not hold the authority', () => {
    const { ds } = escalations({ 'decision-type': 'api-design', impact: '[cross-team]', reversibility: 'one-way', approver: '[alice, bob]' });
    expect(ds.map((d) => d.message)).toEqual(['Triggers `cross-team`, `one-way` of `api-design` apply, so `architecture-review` must approve; no approver (`alice`, `bob`) holds that authority.']);
  });

  it('stays quiet when an approver holds the authority (by role, any case, or as the person named), or is it', () => {
    for (const approver of ['carol', 'Carol Jones', '[bob, carol]', 'erin', 'architecture-review']) {
      expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]', approver }).ds, approver).toEqual([]);
    }
    expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]', approvers: '[carol]' }).ds).toEqual([]);
    expect(escalations({ 'decision-type': 'data-retention', impact: '[customer-data]', approver: 'carol' }).ds).toEqual([]);
  });

  it('stays quiet when an owner holds the authority: nobody above them to ask', () => {
    expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]', owners: '[alice, carol]' }).ds).toEqual([]);
  });

  it('a `left:` date in the future still holds the authority; an approval recorded by someone who has since left counts once accepted, not while proposed', () => {
    expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]', approver: 'erin' }).ds).toEqual([]);
    expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]', approver: 'dan' }).ds).toHaveLength(1);
    expect(escalations({ status: 'accepted', 'decision-type': 'api-design', impact: '[cross-team]', approver: 'dan' }).ds).toEqual([]);
  });

  it('checks proposed and accepted memos only', () => {
    for (const status of ['proposed', 'accepted']) {
      expect(escalations({ status, approver: 'bob', 'decision-type': 'api-design', impact: '[cross-team]' }).ds, status).toHaveLength(1);
    }
    for (const status of ['draft', 'rejected', 'deprecated', 'superseded']) {
      expect(escalations({ status, 'decision-type': 'api-design', impact: '[cross-team]' }).ds, status).toEqual([]);
    }
  });

  it('stays quiet when no trigger applies, for a type without `escalate-to`, for an unknown type, and without a matrix', () => {
    expect(escalations({ 'decision-type': 'api-design' }).ds).toEqual([]);
    expect(escalations({ 'decision-type': 'api-design', impact: '[precedent]' }).ds).toEqual([]);
    expect(escalations({ 'decision-type': 'no-escalation', impact: '[cross-team]' }).ds).toEqual([]);
    expect(escalations({ 'decision-type': 'api-desing', impact: '[cross-team]' }).ds).toEqual([]);
    expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]' }, { 'people.yaml': PEOPLE }).ds).toEqual([]);
  });

  it('stays quiet without a people directory: who holds a role cannot be judged', () => {
    expect(escalations({ 'decision-type': 'api-design', impact: '[cross-team]' }, { 'authority.yaml': MATRIX }).ds).toEqual([]);
  });

  describe('which triggers apply', () => {
    const applies = (overrides: Record<string, string | undefined>) => escalations({ approver: 'bob', ...overrides }).ds.length === 1;

    it('`impact` lists a trigger of the type (case and spaces aside), as a list or a single value', () => {
      expect(applies({ 'decision-type': 'api-design', impact: '[Cross-Team]' })).toBe(true);
      expect(applies({ 'decision-type': 'api-design', impact: 'cross-team' })).toBe(true);
      expect(applies({ 'decision-type': 'api-design', impact: '\n  - precedent\n  - cross-team' })).toBe(true);
      expect(applies({ 'decision-type': 'api-design', impact: '[customer-data]' })).toBe(false);
      expect(applies({ 'decision-type': 'data-retention', impact: '[customer-data]' })).toBe(true);
    });

    it('a trigger of the matrix\'s own applies when `impact` lists it', () => {
      expect(applies({ 'decision-type': 'data-retention', impact: '[legal-hold]' })).toBe(true);
      expect(applies({ 'decision-type': 'api-design', impact: '[legal-hold]' })).toBe(false);
    });

    it('`one-way` and `costly` follow the memo\'s reversibility; a one-way decision is costly too', () => {
      expect(applies({ 'decision-type': 'api-design', reversibility: 'one-way' })).toBe(true);
      expect(applies({ 'decision-type': 'api-design', reversibility: 'One-Way' })).toBe(true);
      expect(applies({ 'decision-type': 'api-design', reversibility: 'costly' })).toBe(false);
      expect(applies({ 'decision-type': 'api-design', reversibility: 'two-way' })).toBe(false);
      expect(applies({ 'decision-type': 'data-retention', reversibility: 'costly' })).toBe(true);
      expect(applies({ 'decision-type': 'data-retention', reversibility: 'one-way' })).toBe(true);
      expect(applies({ 'decision-type': 'data-retention', reversibility: 'two-way' })).toBe(false);
    });

    it('`spend-over:<n>` applies to a `spend` above n, however the amount is written', () => {
      for (const spend of ['60000', '"$60,000"', '60k', '60K', '60_000', '"60000 EUR"', '0.06m', '50001', '1e6']) {
        expect(applies({ 'decision-type': 'vendor-contract', spend }), spend).toBe(true);
      }
      for (const spend of ['40000', '"$40,000"', '40k', '50000', '50k', '0']) {
        expect(applies({ 'decision-type': 'vendor-contract', spend }), spend).toBe(false);
      }
      expect(applies({ 'decision-type': 'vendor-contract' })).toBe(false);
    });

    it('`spend-over` amounts in the matrix may be written like spends', () => {
      const matrix = '- type: buy\n  escalate-to: finance\n  triggers: [spend-over:50k, "spend-over: $1,000,000"]\n';
      const files = { ...FILES, 'authority.yaml': matrix };
      expect(escalations({ 'decision-type': 'buy', spend: '60000', approver: 'bob' }, files).ds.map((d) => d.message)).toEqual([
        'Trigger `spend-over:50k` of `buy` applies, so `finance` must approve; no approver (`bob`) holds that authority.',
      ]);
      expect(escalations({ 'decision-type': 'buy', spend: '2m', approver: 'bob' }, files).ds[0]!.message).toContain('Triggers `spend-over:50k`, `spend-over:$1,000,000` of `buy` apply');
      expect(escalations({ 'decision-type': 'buy', spend: '40000', approver: 'bob' }, files).ds).toEqual([]);
    });

    it('the decision type matches case-insensitively', () => {
      expect(applies({ 'decision-type': 'API-Design', impact: '[cross-team]' })).toBe(true);
    });
  });

  describe('fix: add an approver who holds the authority', () => {
    it('offers each holder who has not left by today, in directory order, and adds them after the front matter', () => {
      const original = goodMemo({ 'decision-type': 'api-design', impact: '[cross-team]' });
      const f = check({ ...FILES, [FILE]: original });
      const [d] = only(f, RULE);
      expect(d!.fixes!.map((x) => x.title)).toEqual([
        'Add `carol` (Carol Jones) as approver (holds `architecture-review`)',
        'Add `erin` as approver (holds `architecture-review`)',
      ]);
      expect(d!.fixes!.some((x) => x.isPreferred)).toBe(false);
      const { text, after } = applyFix(f, d!);
      expect(text).toBe(original.replace('\n---\n# ', '\napprover:\n  - carol\n---\n# '));
      expect(only(after, RULE)).toEqual([]);
      expect(rest(after)).toEqual(rest(f));
      expect(applyFix(f, d!, 1).text).toBe(original.replace('\n---\n# ', '\napprover:\n  - erin\n---\n# '));
    });

    it('joins an existing approver or approvers list, and fills an empty one in place', () => {
      const cases: Array<[string, string, string]> = [
        ['approver', 'bob', 'approver: [bob, carol]'],
        ['approver', '[bob]', 'approver: [bob, carol]'],
        ['approvers', '[bob]', 'approvers: [bob, carol]'],
        ['approver', '""', 'approver: carol'],
        ['approver', '[]', 'approver: [carol]'],
      ];
      for (const [key, value, fixed] of cases) {
        const original = goodMemo({ 'decision-type': 'api-design', impact: '[cross-team]', [key]: value });
        const f = check({ ...FILES, [FILE]: original });
        const [d] = only(f, RULE);
        const { text, after } = applyFix(f, d!);
        expect(text, `${key}: ${value}`).toBe(original.replace(`${key}: ${value}`, fixed));
        expect(only(after, RULE)).toEqual([]);
        expect(errors(after)).toEqual(errors(f));
      }
    });

    it('names the person alone, preferred, when `escalate-to` names a person', () => {
      const original = goodMemo({ 'decision-type': 'data-retention', impact: '[legal-hold]', approver: 'bob' });
      const f = check({ ...FILES, [FILE]: original });
      const [d] = only(f, RULE);
      expect(d!.fixes!.map((x) => [x.title, x.isPreferred])).toEqual([['Add `carol` (Carol Jones) as approver', true]]);
      const { text, after } = applyFix(f, d!);
      expect(text).toBe(original.replace('approver: bob', 'approver: [bob, carol]'));
      expect(only(after, RULE)).toEqual([]);
    });

    it('offers nobody when every holder has left', () => {
      const people = PEOPLE.replace("- id: carol\n  name: Carol Jones\n  role: [principal, Architecture Review]\n", '').replace('  left: 2026-12-31\n', '  left: 2026-05-31\n');
      const { ds } = escalations({ 'decision-type': 'api-design', impact: '[cross-team]' }, { ...FILES, 'people.yaml': people });
      expect(ds).toHaveLength(1);
      expect(ds[0]!.fixes ?? []).toEqual([]);
    });

    it('writes a CODEOWNERS handle quoted, so the YAML reads it back', () => {
      const matrix = '- type: api-design\n  escalate-to: "@acme/architects"\n  triggers: [cross-team]\n';
      const files = { '.decisions.yaml': 'people: CODEOWNERS\n', 'authority.yaml': matrix, CODEOWNERS: '* @acme/architects @bob\n' };
      const original = goodMemo({ owners: '["@bob"]', 'decision-type': 'api-design', impact: '[cross-team]' });
      const f = check({ ...files, [FILE]: original });
      const [d] = only(f, RULE);
      expect(d!.fixes!.map((x) => x.title)).toEqual(['Add `@acme/architects` as approver']);
      const { text, after } = applyFix(f, d!);
      expect(text).toBe(original.replace('\n---\n# ', '\napprover:\n  - "@acme/architects"\n---\n# '));
      expect(only(after, RULE)).toEqual([]);
      expect(only(after, 'owner-unknown')).toEqual([]);
    });
  });

  describe('impact and spend it cannot read', () => {
    it('reports an `impact` item that is no trigger, at the item, and offers the closest', () => {
      const original = goodMemo({ 'decision-type': 'api-design', impact: '[cross-team, custmer-data]', approver: 'carol' });
      const f = check({ ...FILES, [FILE]: original });
      const [d, ...more] = only(f, RULE);
      expect(more).toEqual([]);
      expect(textAt(f, d!)).toBe('custmer-data');
      expect(d!.message).toBe('`custmer-data` is not a trigger: neither built in nor named in authority.yaml; did you mean `customer-data`?');
      expect(d!.fixes!.map((x) => [x.title, x.isPreferred])).toEqual([['Change to `customer-data`', true]]);
      const { text, after } = applyFix(f, d!);
      expect(text).toBe(original.replace('custmer-data', 'customer-data'));
      expect(only(after, RULE)).toEqual([]);
      expect(rest(after)).toEqual(rest(f));
    });

    it('knows the matrix\'s own triggers, and checks impact whatever the status or type', () => {
      const f = check({ ...FILES, [FILE]: goodMemo({ status: 'draft', impact: '[legal-hod]' }) });
      expect(only(f, RULE).map((d) => d.message)).toEqual(['`legal-hod` is not a trigger: neither built in nor named in authority.yaml; did you mean `legal-hold`?']);
      expect(only(check({ ...FILES, [FILE]: goodMemo({ impact: '[legal-hold, Precedent, one-way, "spend-over: 10"]' }) }), RULE)).toEqual([]);
    });

    it('offers no fix when nothing is close', () => {
      const { ds } = escalations({ impact: '[zebra]' });
      expect(ds.map((d) => d.message)).toEqual(['`zebra` is not a trigger: neither built in nor named in authority.yaml.']);
      expect(ds[0]!.fixes ?? []).toEqual([]);
    });

    it('reports a `spend` that is not an amount, at the value', () => {
      for (const spend of ['lots', 'tbd', '-5', '"$"', '"12 34"']) {
        const { f, ds } = escalations({ 'decision-type': 'vendor-contract', spend });
        expect(ds.map((d) => textAt(f, d)), spend).toEqual([spend]);
        expect(ds[0]!.message).toBe(`\`spend\` is \`${spend.replace(/"/g, '')}\`, not an amount: write a number (\`25000\`, \`25k\`, \`$25,000\`) so \`spend-over\` triggers can be judged.`);
      }
    });

    it('does not call an impact unknown while part of the matrix could not be read (it may define it)', () => {
      const broken = MATRIX.replace('  decides: owner\n  escalate-to: finance\n', '  decides: [owner]\n  escalate-to: finance\n');
      expect(only(check({ ...FILES, 'authority.yaml': broken, [FILE]: goodMemo({ impact: '[zebra]' }) }), RULE)).toEqual([]);
      expect(only(check({ ...FILES, 'authority.yaml': MATRIX + '- [\n', [FILE]: goodMemo({ impact: '[zebra]' }) }), RULE)).toEqual([]);
      expect(only(check({ ...FILES, 'authority.yaml': broken, [FILE]: goodMemo({ spend: 'lots' }) }), RULE)).toHaveLength(1);
      // A row that is a bare word names no trigger: the rest of the matrix still says what is known.
      expect(only(check({ ...FILES, 'authority.yaml': MATRIX + '- nope\n', [FILE]: goodMemo({ impact: '[zebra]' }) }), RULE)).toHaveLength(1);
    });

    it('stays quiet about impact and spend without a matrix', () => {
      expect(only(check({ 'people.yaml': PEOPLE, [FILE]: goodMemo({ impact: '[zebra]', spend: 'lots' }) }), RULE)).toEqual([]);
    });
  });
});
