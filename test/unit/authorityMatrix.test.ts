import { describe, expect, it } from 'vitest';
import { findDecisionType, knownTriggers, parseAuthority, type AuthorityMatrix } from '../../server/src/core/authority/authorityMatrix';
import { authorityReferenceProblems, heldRoles } from '../../server/src/core/authority/authorityReferences';
import { appliedTriggers, parseAmount, parseSpendOver, triggerApplies, triggerKey } from '../../server/src/core/authority/triggers';
import { parseTenetFile } from '../../server/src/core/tenets/tenetParser';
import { TenetRegistry } from '../../server/src/core/tenets/tenetRegistry';
import { parsePeople } from '../../server/src/core/workspace/people';
import type { Range } from '../../server/src/core/types';
import { BASE_TENETS } from '../helpers/memoWorkspace';

const FILE = 'authority.yaml';
const MATRIX = [
  '- type: api-design',
  '  title: API design for team features',
  '  description: Anything another team calls.',
  '  decides: team-lead',
  '  escalate-to: architecture-review',
  '  triggers: [cross-team, One-Way]',
  '  tenets: [ENG-LATENCY]',
  '- type: vendor-contract',
  '  decides: owner',
  '  escalate-to: finance',
  '  triggers: spend-over:50k',
  '  tenets: CO-TRUST',
  '',
].join('\n');

/** The text a range covers (ranges count without a BOM). */
function at(text: string, r: Range): string {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (r.start.line !== r.end.line) return [lines[r.start.line]!.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]!.slice(0, r.end.character)].join('\n');
  return lines[r.start.line]!.slice(r.start.character, r.end.character);
}

function problems(text: string): Array<[string, string, string]> {
  return parseAuthority(FILE, text).problems.map((p) => [p.severity, at(text, p.range), p.message]);
}

const ids = (m: AuthorityMatrix) => m.types.map((t) => t.id);

describe('parseAuthority', () => {
  it('reads each row: id, title, who decides, who approves, triggers (normalised) and tenets, at their ranges', () => {
    const m = parseAuthority(FILE, MATRIX);
    expect(m.problems).toEqual([]);
    expect(m.file).toBe(FILE);
    const [api, vendor] = m.types;
    expect(api!.id).toBe('api-design');
    expect(api!.title).toBe('API design for team features');
    expect(api!.decides?.value).toBe('team-lead');
    expect(at(MATRIX, api!.decides!.range)).toBe('team-lead');
    expect(api!.escalateTo?.value).toBe('architecture-review');
    expect(api!.triggers.map((t) => [t.value, at(MATRIX, t.range)])).toEqual([['cross-team', 'cross-team'], ['one-way', 'One-Way']]);
    expect(api!.tenets.map((t) => t.value)).toEqual(['ENG-LATENCY']);
    expect(at(MATRIX, api!.idRange)).toBe('api-design');
    expect(api!.range.start).toEqual({ line: 0, character: 2 });
    expect(vendor!.triggers.map((t) => t.value)).toEqual(['spend-over:50k']);
    expect(vendor!.tenets.map((t) => t.value)).toEqual(['CO-TRUST']);
    expect(vendor!.title).toBeUndefined();
  });

  it('an empty file, or one holding only comments, defines no type and has no problem', () => {
    for (const text of ['', '\n', '# nothing yet\n', '[]\n']) {
      const m = parseAuthority(FILE, text);
      expect(m.types, JSON.stringify(text)).toEqual([]);
      expect(m.problems, JSON.stringify(text)).toEqual([]);
    }
  });

  it('a map of types is an error at the root, and no type is read', () => {
    const text = 'api-design:\n  decides: team-lead\nvendor-contract:\n  decides: owner\n';
    const m = parseAuthority(FILE, text);
    expect(m.types).toEqual([]);
    expect(m.problems.map((p) => [p.severity, p.message, p.range.start])).toEqual([
      ['error', 'The authority matrix is a list of decision types (`- type: api-design` …), one row per type.', { line: 0, character: 0 }],
    ]);
    expect(parseAuthority(FILE, 'just words\n').problems.map((p) => p.severity)).toEqual(['error']);
  });

  it('a list of strings: each row is an error at the row, and is left out', () => {
    const text = '- api-design\n- vendor-contract\n';
    expect(ids(parseAuthority(FILE, text))).toEqual([]);
    expect(problems(text)).toEqual([
      ['error', 'api-design', 'Each row of the matrix is a decision type written as a map (`type:`, `title:`, `decides:`, …); row 1 is not one.'],
      ['error', 'vendor-contract', 'Each row of the matrix is a decision type written as a map (`type:`, `title:`, `decides:`, …); row 2 is not one.'],
    ]);
  });

  it('an unknown key is a warning at the key, and the row is still read', () => {
    const text = MATRIX.replace('  decides: owner\n', '  decides: owner\n  colour: blue\n  escalate_to: finance\n');
    expect(problems(text)).toEqual([
      ['warning', 'colour', 'Unknown key `colour` in decision type `vendor-contract`; the keys are type, title, description, decides, escalate-to, triggers, tenets.'],
      ['warning', 'escalate_to', 'Unknown key `escalate_to` in decision type `vendor-contract`; the keys are type, title, description, decides, escalate-to, triggers, tenets.'],
    ]);
    expect(ids(parseAuthority(FILE, text))).toEqual(['api-design', 'vendor-contract']);
  });

  it('a row without `type` is an error at the row, and the others are read', () => {
    const text = '- title: Nameless\n  decides: owner\n' + MATRIX;
    const m = parseAuthority(FILE, text);
    expect(ids(m)).toEqual(['api-design', 'vendor-contract']);
    expect(m.problems.map((p) => [p.severity, p.message, p.range.start])).toEqual([['error', 'This row has no `type:` (the id memos write in `decision-type`).', { line: 0, character: 2 }]]);
  });

  it('a value of the wrong shape is an error at the value, and only that row is left out', () => {
    const text = MATRIX.replace('  decides: team-lead\n', '  decides: [team-lead, cto]\n').replace('  tenets: CO-TRUST\n', '  tenets: {a: 1}\n');
    const m = parseAuthority(FILE, text);
    expect(ids(m)).toEqual([]);
    expect(problems(text)).toEqual([
      ['error', '[team-lead, cto]', '`decides` of decision type `api-design` must be a name.'],
      ['error', '{a: 1}', '`tenets` of decision type `vendor-contract` must be a name or a list of names.'],
    ]);
    const one = MATRIX.replace('  title: API design for team features\n', '  title: [a]\n');
    expect(ids(parseAuthority(FILE, one))).toEqual(['vendor-contract']);
    expect(problems(one)).toEqual([['error', '[a]', '`title` of decision type `api-design` must be text.']]);
  });

  it('a type defined twice (in any case): an error at the second, and the first row is used', () => {
    const text = MATRIX + '- type: API-Design\n  decides: cto\n';
    const m = parseAuthority(FILE, text);
    expect(ids(m)).toEqual(['api-design', 'vendor-contract']);
    expect(findDecisionType(m, 'api-design')!.decides!.value).toBe('team-lead');
    expect(problems(text)).toEqual([['error', 'API-Design', 'Decision type `API-Design` is defined twice; the first row (line 1) is used.']]);
  });

  it('a trigger that misspells a built-in is a warning at the trigger; as written it is a trigger of its own', () => {
    const text = MATRIX.replace('[cross-team, One-Way]', '[cros-team, one-wya, costy, precedent, legal-hold]');
    expect(problems(text)).toEqual([
      ['warning', 'cros-team', '`cros-team` is not a built-in trigger; did you mean `cross-team`? (As written it is a trigger of its own, applied only where a memo\'s `impact` lists it.)'],
      ['warning', 'one-wya', '`one-wya` is not a built-in trigger; did you mean `one-way`? (As written it is a trigger of its own, applied only where a memo\'s `impact` lists it.)'],
      ['warning', 'costy', '`costy` is not a built-in trigger; did you mean `costly`? (As written it is a trigger of its own, applied only where a memo\'s `impact` lists it.)'],
    ]);
    const m = parseAuthority(FILE, text);
    expect(m.types[0]!.triggers.map((t) => t.value)).toEqual(['cros-team', 'one-wya', 'costy', 'precedent', 'legal-hold']);
    expect(knownTriggers(m)).toEqual(expect.arrayContaining(['cross-team', 'customer-data', 'precedent', 'one-way', 'costly', 'cros-team', 'legal-hold', 'spend-over:50k']));
  });

  it('`spend-over` without an amount is an error at the trigger', () => {
    for (const trigger of ['spend-over', 'spend-over:lots', 'spend-over:-5', 'spend-overs', 'Spend-Over:TBD']) {
      const text = MATRIX.replace('spend-over:50k', trigger);
      expect(problems(text), trigger).toEqual([['error', trigger, `\`${trigger.toLowerCase()}\` names no amount: write \`spend-over:<number>\` (\`spend-over:50000\`, \`spend-over:50k\`).`]]);
    }
    const bare = MATRIX.replace('spend-over:50k', '"spend-over:"');
    expect(problems(bare)).toEqual([['error', '"spend-over:"', expect.stringContaining('`spend-over:` names no amount')]]);
    // Spaces around the colon are allowed, and the trigger is compared without them.
    const spaced = parseAuthority(FILE, MATRIX.replace('spend-over:50k', '"Spend-Over : 50,000"'));
    expect(spaced.problems).toEqual([]);
    expect(spaced.types[1]!.triggers.map((t) => t.value)).toEqual(['spend-over:50,000']);
  });

  it('triggers without `escalate-to`: a warning at the type', () => {
    const text = '- type: api-design\n  decides: owner\n  triggers: [cross-team]\n- type: quiet\n  decides: owner\n';
    expect(problems(text)).toEqual([['warning', 'api-design', 'Decision type `api-design` has triggers but no `escalate-to`: nobody can be asked to approve when one applies.']]);
  });

  it('a YAML syntax error is reported where it is, and no type is read', () => {
    const m = parseAuthority(FILE, '- type: api-design\n  triggers: [cross-team\n');
    expect(m.types).toEqual([]);
    expect(m.problems.length).toBeGreaterThan(0);
    expect(m.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reads a file with a BOM and CRLF line ends, ranges counted without the BOM', () => {
    const text = '\ufeff' + MATRIX.replace(/\n/g, '\r\n').replace('  decides: owner\r\n', '  decides: owner\r\n  colour: blue\r\n');
    const m = parseAuthority(FILE, text);
    expect(ids(m)).toEqual(['api-design', 'vendor-contract']);
    expect(m.types[0]!.decides!.value).toBe('team-lead');
    expect(m.types[0]!.idRange).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 18 } });
    expect(problems(text)).toEqual([['warning', 'colour', expect.stringContaining('Unknown key `colour`')]]);
  });

  it('says whether it could be read, which rows were left out, and whether a map row was', () => {
    const whole = parseAuthority(FILE, MATRIX);
    expect([whole.readable, [...whole.leftOut], whole.partial]).toEqual([true, [], false]);
    const words = parseAuthority(FILE, MATRIX + '- Loose-Word\n');
    expect([words.readable, [...words.leftOut], words.partial]).toEqual([true, ['loose-word'], false]);
    const badRow = parseAuthority(FILE, MATRIX.replace('decides: owner', 'decides: [owner]'));
    expect([badRow.readable, [...badRow.leftOut], badRow.partial]).toEqual([true, ['vendor-contract'], true]);
    for (const text of ['- [\n', 'a: b\n', '\u0000junk: [\n']) {
      const m = parseAuthority(FILE, text);
      expect(m.readable, JSON.stringify(text)).toBe(false);
    }
    expect(parseAuthority(FILE, '').readable).toBe(true);
  });

  it('numbers are names: `type: 42`', () => {
    const m = parseAuthority(FILE, '- type: 42\n  decides: 7\n');
    expect(m.problems).toEqual([]);
    expect(findDecisionType(m, '42')!.decides!.value).toBe('7');
  });

  it('findDecisionType matches without case or surrounding spaces', () => {
    const m = parseAuthority(FILE, MATRIX);
    expect(findDecisionType(m, ' API-DESIGN ')?.id).toBe('api-design');
    expect(findDecisionType(m, 'api design')).toBeUndefined();
  });
});

describe('authorityReferenceProblems', () => {
  const registry = () => {
    const r = new TenetRegistry();
    r.setFile(parseTenetFile('tenets.yaml', BASE_TENETS));
    return r;
  };
  const PEOPLE = '- id: alice\n  role: Team Lead\n- id: carol\n  role: [architecture-review]\n- id: fin\n';

  it('warns at `decides` / `escalate-to` naming neither a role anyone holds nor a person', () => {
    const text = MATRIX.replace('decides: team-lead', 'decides: tech-lead').replace('escalate-to: finance', 'escalate-to: treasurer');
    const m = parseAuthority(FILE, text);
    const found = authorityReferenceProblems(m, parsePeople('people.yaml', PEOPLE), registry());
    expect(found.map((p) => [p.severity, at(text, p.range), p.message])).toEqual([
      ['warning', 'tech-lead', '`decides: tech-lead` is neither a role anyone in people.yaml holds nor a person there (or `owner`).'],
      ['warning', 'treasurer', '`escalate-to: treasurer` is neither a role anyone in people.yaml holds nor a person there.'],
    ]);
  });

  it('accepts a held role (without case or punctuation), a person, and `decides: owner`', () => {
    const text = MATRIX.replace('escalate-to: finance', 'escalate-to: FIN');
    const found = authorityReferenceProblems(parseAuthority(FILE, text), parsePeople('people.yaml', PEOPLE), registry());
    expect(found).toEqual([]);
    expect([...heldRoles(parsePeople('people.yaml', PEOPLE))]).toEqual(['team-lead', 'architecture-review']);
  });

  it('says nothing about people without a people directory', () => {
    const text = MATRIX.replace('decides: team-lead', 'decides: tech-lead');
    expect(authorityReferenceProblems(parseAuthority(FILE, text), undefined, registry())).toEqual([]);
  });

  it('warns at a tenet that is not in the registry', () => {
    const text = MATRIX.replace('tenets: CO-TRUST', 'tenets: [CO-TRUST, CO-NOPE]');
    const found = authorityReferenceProblems(parseAuthority(FILE, text), undefined, registry());
    expect(found.map((p) => [p.severity, at(text, p.range), p.message])).toEqual([['warning', 'CO-NOPE', 'Tenet `CO-NOPE` is not in the tenet registry.']]);
  });
});

describe('triggers', () => {
  it('triggerKey lower-cases and drops spaces around the colon, and is linear on long input', () => {
    expect(triggerKey(' Cross-Team ')).toBe('cross-team');
    expect(triggerKey('Spend-Over : 50K')).toBe('spend-over:50k');
    expect(triggerKey('a : b : c')).toBe('a:b : c');
    const long = 'a' + ' '.repeat(200_000) + 'b';
    expect(triggerKey(long)).toBe(long);
  });

  it('parseAmount reads amounts as people write them', () => {
    const cases: Array<[string | number, number | undefined]> = [
      ['60000', 60000], ['$60,000', 60000], ['60k', 60000], ['60 K', 60000], ['60_000', 60000], ['60000 EUR', 60000],
      ['€ 2M', 2_000_000], ['1.5 m usd', 1_500_000], ['0.06m', 60000], [' 42 ', 42], ['1e6', 1_000_000], ['5E+4', 50000],
      [60000, 60000], [0, 0],
      ['lots', undefined], ['tbd', undefined], ['-5', undefined], ['$', undefined], ['', undefined], ['60,00', undefined],
      [-1, undefined], [Infinity, undefined], [NaN, undefined], ['1e400', undefined], ['9'.repeat(400), undefined],
    ];
    for (const [written, amount] of cases) expect(parseAmount(written), String(written)).toBe(amount);
  });

  it('parseAmount is fast on a long run of spaces (it took cubic time)', () => {
    expect(parseAmount('1' + ' '.repeat(100_000) + '!')).toBeUndefined();
    expect(parseAmount('1' + ' '.repeat(100_000) + 'k')).toBe(1000);
    expect(parseAmount(' '.repeat(100_000) + '1' + '\t'.repeat(100_000))).toBe(1);
  });

  it('parseSpendOver reads the amount of `spend-over:<n>`', () => {
    expect(parseSpendOver('spend-over:50k')).toBe(50000);
    expect(parseSpendOver('spend-over:$1,000,000')).toBe(1_000_000);
    expect(parseSpendOver('spend-over:')).toBeUndefined();
    expect(parseSpendOver('spend-over')).toBeUndefined();
    expect(parseSpendOver('cross-team')).toBeUndefined();
  });

  it('triggerApplies: impact lists it; one-way by reversibility; costly by costly or one-way; spend strictly over', () => {
    const facts = (over: Partial<{ impact: string[]; reversibility: string; spend: number }>) => ({ impact: [], reversibility: undefined, spend: undefined, ...over });
    expect(triggerApplies('cross-team', facts({ impact: ['cross-team'] }))).toBe(true);
    expect(triggerApplies('cross-team', facts({ impact: ['precedent'] }))).toBe(false);
    expect(triggerApplies('legal-hold', facts({ impact: ['legal-hold'] }))).toBe(true);
    expect(triggerApplies('one-way', facts({ reversibility: 'one-way' }))).toBe(true);
    expect(triggerApplies('one-way', facts({ reversibility: 'costly' }))).toBe(false);
    expect(triggerApplies('one-way', facts({ impact: ['one-way'], reversibility: 'two-way' }))).toBe(true);
    expect(triggerApplies('costly', facts({ reversibility: 'costly' }))).toBe(true);
    expect(triggerApplies('costly', facts({ reversibility: 'one-way' }))).toBe(true);
    expect(triggerApplies('costly', facts({ reversibility: 'two-way' }))).toBe(false);
    expect(triggerApplies('costly', facts({}))).toBe(false);
    expect(triggerApplies('spend-over:50000', facts({ spend: 60000 }))).toBe(true);
    expect(triggerApplies('spend-over:50000', facts({ spend: 50000 }))).toBe(false);
    expect(triggerApplies('spend-over:50000', facts({ spend: 40000 }))).toBe(false);
    expect(triggerApplies('spend-over:50000', facts({}))).toBe(false);
    expect(triggerApplies('spend-over:lots', facts({ spend: 1e12 }))).toBe(false);
    const row = parseAuthority(FILE, MATRIX).types[0]!;
    expect(appliedTriggers(row.triggers, facts({ impact: ['cross-team'], reversibility: 'one-way' })).map((t) => t.value)).toEqual(['cross-team', 'one-way']);
  });
});
