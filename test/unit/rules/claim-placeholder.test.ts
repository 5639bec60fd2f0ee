import { describe, expect, it } from 'vitest';
import { check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'claim-placeholder';
const FILE = 'decisions/0001-cache.md';

function placeholders(claim: string, boundary = 'Boundary: This reduces uncertainty about latency; it does not prove consistency.'): string[] {
  const f = check({ [FILE]: goodMemo({}, ['# T', '', claim, boundary]) });
  return only(f, RULE, FILE).map((d) => textAt(f, d));
}

describe('claim-placeholder', () => {
  it('fires at each placeholder the claim and boundary templates leave', () => {
    const f = check({
      [FILE]: goodMemo({}, ['# T', '', 'Claim: We believe OUTCOME because SIGNALS.', 'Boundary: This reduces uncertainty about X; it does not prove Y.']),
    });
    const ds = only(f, RULE, FILE);
    expect(ds.map((d) => textAt(f, d))).toEqual(['OUTCOME', 'SIGNALS', 'X', 'Y']);
    expect(ds.every((d) => d.severity === 'warning' && !d.fixes)).toBe(true);
    expect(ds[0]!.range).toEqual({ start: { line: 15, character: 18 }, end: { line: 15, character: 25 } });
    expect(ds[0]!.message).toBe('`OUTCOME` is a placeholder; write the outcome you expect, e.g. `search p95 stays under 200 ms`.');
    expect(ds[3]!.message).toBe('`Y` is a placeholder; write what it does not prove, e.g. `that first-time queries get faster`.');
  });

  it.each([
    ['Claim: We believe <outcome> because <signals / mechanism>.', ['<outcome>', '<signals / mechanism>']],
    ['Claim: We believe {outcome} because ${signals}.', ['{outcome}', '${signals}']],
    ['Claim: We believe … because ….', ['…', '…']],
    ['Claim: We believe ... because ...', ['...', '...']],
    ['Claim: We believe TODO because TBD.', ['TODO', 'TBD']],
    ['Claim: We believe caching helps because REASON.', ['REASON']],
    ['- **Claim:** We believe X because Y.', ['X', 'Y']],
  ])('finds the placeholders in %s', (claim, expected) => {
    expect(placeholders(claim)).toEqual(expected);
  });

  it.each([
    'Claim: We believe the X-ray service and Model-Y stay fast because TODOs are tracked.',
    'Claim: We believe an outcome like this because the signals say so.',
    'Claim: We believe p95 < 200 ms and errors > 0 stay rare because we cache.<br>',
    'Claim: We believe <https://example.com/slo> holds because traffic is flat.',
    'Claim: We believe `{id}` routing and `X` stay stable because keys are fixed.',
    'Claim: We believe latency, throughput, etc... improve because we cache.',
  ])('does not fire on real text: %s', (claim) => {
    expect(placeholders(claim)).toEqual([]);
  });

  it('fires on an empty claim or boundary line, at the line', () => {
    const f = check({ [FILE]: goodMemo({}, ['# T', '', 'Claim:', 'Boundary: This reduces uncertainty about latency; it does not prove consistency.']) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(textAt(f, d!)).toBe('Claim:');
    expect(d!.message).toContain('empty');
  });

  it('does not fire on the good memo, nor on claims inside code', () => {
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({}, ['# T', '', '```', 'Claim: We believe X because Y.', '```']) }), RULE)).toEqual([]);
  });

  it('keeps exact UTF-16 positions after astral characters', () => {
    const f = check({ [FILE]: goodMemo({}, ['# T', '', 'Claim: 🚀 We believe OUTCOME because it is fast.']) });
    const [d] = only(f, RULE, FILE);
    expect(textAt(f, d!)).toBe('OUTCOME');
  });
});
