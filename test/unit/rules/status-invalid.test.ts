import { describe, expect, it } from 'vitest';
import { closestStatus } from '../../../server/src/rules/status-invalid';
import { applyFix, check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'status-invalid';
const FILE = 'decisions/0001-cache.md';

describe('status-invalid', () => {
  it('fires at an unknown front matter status, with one fix per status, the closest first and preferred', () => {
    const f = check({ [FILE]: goodMemo({ status: 'acepted' }) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('acepted');
    expect(d!.message).toBe('Unknown status `acepted`; expected one of draft, proposed, accepted, rejected, deprecated, superseded (did you mean `accepted`?).');
    expect(d!.fixes!.map((x) => x.edits[0]!.newText)).toEqual(['accepted', 'draft', 'proposed', 'rejected', 'deprecated']);
    expect(d!.fixes!.filter((x) => x.isPreferred).map((x) => x.title)).toEqual(['Change the status to `accepted`']);
  });

  it('applying a fix changes only the status value', () => {
    const original = goodMemo({ status: '"Propsed"' });
    const f = check({ [FILE]: original });
    const [d] = only(f, RULE, FILE);
    expect(textAt(f, d!)).toBe('"Propsed"');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('status: "Propsed"', 'status: proposed'));
    expect(only(after, RULE)).toEqual([]);
    const third = applyFix(f, d!, 3);
    expect(third.text).toBe(original.replace('status: "Propsed"', 'status: rejected'));
  });

  it('prefers nothing when no status is clearly meant', () => {
    const f = check({ [FILE]: goodMemo({ status: 'banana' }) });
    const [d] = only(f, RULE, FILE);
    expect(d!.message).toBe('Unknown status `banana`; expected one of draft, proposed, accepted, rejected, deprecated, superseded.');
    expect(d!.fixes).toHaveLength(5);
    expect(d!.fixes!.some((x) => x.isPreferred)).toBe(false);
  });

  it('picks the closest status by typo distance or prefix', () => {
    expect(closestStatus('prop')).toBe('proposed');
    expect(closestStatus('Rejcted')).toBe('rejected');
    expect(closestStatus('depricated')).toBe('deprecated');
    expect(closestStatus('d')).toBeUndefined();
    expect(closestStatus('in review')).toBeUndefined();
  });

  it.each(['draft', 'Accepted', 'PROPOSED', 'superseded by 0002', 'approved'])('does not fire on `status: %s`', (status) => {
    expect(only(check({ [FILE]: goodMemo({ status }), 'decisions/0002-x.md': goodMemo({ id: '0002' }) }), RULE)).toEqual([]);
  });

  it('does not fire without a status or with an empty one', () => {
    expect(only(check({ [FILE]: goodMemo({ status: undefined }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ status: '' }) }), RULE)).toEqual([]);
  });

  it('reports a MADR template list of choices fairly, without a preferred guess', () => {
    const f = check({ 'docs/decisions/0099-from-template.md': memo(['status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"']) });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('"{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"');
    expect(d!.message).toContain("still the template's list of choices");
    expect(d!.fixes!.some((x) => x.isPreferred)).toBe(false);
  });

  it('checks a Nygard status section, replacing only the status word', () => {
    const original = '# 2. Hosting\n\n## Status\n\nAcepted on 2020-01-02\n\n## Context\n';
    const f = check({ 'docs/adr/0002-hosting.md': original });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('Acepted on 2020-01-02');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('Acepted', 'Accepted'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('checks a MADR-2 status bullet', () => {
    const f = check({ 'docs/adr/0003-x.md': '# X\n\n* Status: proposd\n* Deciders: Ann\n' });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('proposd');
    expect(applyFix(f, d!).text).toBe('# X\n\n* Status: proposed\n* Deciders: Ann\n');
  });

  it('fires at a list or a map under `status:`', () => {
    const original = goodMemo({ status: '[accepted]' });
    const f = check({ [FILE]: original });
    const [d] = only(f, RULE, FILE);
    expect(textAt(f, d!)).toBe('[accepted]');
    expect(d!.message).toContain('holds a list');
    expect(applyFix(f, d!, 2).text).toBe(original.replace('status: [accepted]', 'status: accepted'));
  });
});
