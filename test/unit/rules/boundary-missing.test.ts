import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../server/src/core/types';
import { applyFix, check, goodMemo, only, textAt, type Fixture } from '../../helpers/memoWorkspace';

const RULE = 'boundary-missing';
const FILE = 'decisions/0001-cache.md';
const CLAIM = 'Claim: We believe a cache keeps p95 under 200 ms because queries repeat.';

function rest(f: Fixture, except: string[]): string[] {
  return f.diagnostics.filter((d: Diagnostic) => !except.includes(d.rule)).map((d) => `${d.file} ${d.rule} ${d.message}`);
}

/** Applies the fix to a memo with this body and returns the body lines after the fix. */
function fixedBody(body: string[]): { lines: string[]; after: Fixture } {
  const f = check({ [FILE]: goodMemo({}, body) });
  const [d] = only(f, RULE, FILE);
  const { text, after } = applyFix(f, d!);
  return { lines: text.split('\n').slice(text.split('\n').indexOf('# T')), after };
}

describe('boundary-missing', () => {
  it('fires at the claim line when no boundary line exists', () => {
    const f = check({ [FILE]: goodMemo({}, ['# T', '', CLAIM]) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe(CLAIM);
  });

  it('reports the first claim only', () => {
    const f = check({ [FILE]: goodMemo({}, ['# T', '', CLAIM, '', 'Claim: We believe B because C.']) });
    expect(only(f, RULE, FILE).map((d) => textAt(f, d))).toEqual([CLAIM]);
  });

  it('does not fire with a boundary line, or without a claim', () => {
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({}, ['# T', '', 'No claim here.']) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({}, ['# T', '', 'Boundary: This reduces uncertainty about A; it does not prove B.', '', CLAIM]) }), RULE)).toEqual([]);
  });

  it('fix inserts the boundary template right after the claim; its placeholders are then reported', () => {
    const original = goodMemo({}, ['# T', '', CLAIM, '', 'More prose.']);
    const f = check({ [FILE]: original });
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toBe(original.replace(CLAIM, `${CLAIM}\nBoundary: This reduces uncertainty about X; it does not prove Y.`));
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'claim-placeholder', FILE).map((d) => textAt(after, d))).toEqual(['X', 'Y']);
    const changed = [RULE, 'claim-placeholder'];
    expect(rest(after, changed)).toEqual(rest(f, changed));
  });

  it('fix writes the boundary the way the claim is written (list item, bold keyword)', () => {
    const { lines, after } = fixedBody(['# T', '', '- **Claim:** We believe A because B.', '- Another point']);
    expect(lines).toEqual(['# T', '', '- **Claim:** We believe A because B.', '- **Boundary:** This reduces uncertainty about X; it does not prove Y.', '- Another point', '']);
    expect(only(after, RULE)).toEqual([]);
  });

  it('fix does not split a hard-wrapped claim paragraph', () => {
    const { lines, after } = fixedBody(['# T', '', 'Claim: We believe a cache helps', 'because most queries repeat.', '', 'Next.']);
    expect(lines).toEqual(['# T', '', 'Claim: We believe a cache helps', 'because most queries repeat.', 'Boundary: This reduces uncertainty about X; it does not prove Y.', '', 'Next.', '']);
    expect(only(after, RULE)).toEqual([]);
  });

  it('fix keeps CRLF line ends and a claim on the last line without a line end', () => {
    const original = goodMemo({}, ['# T', '', CLAIM]).replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const f = check({ [FILE]: original });
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toBe(original + '\r\nBoundary: This reduces uncertainty about X; it does not prove Y.');
    expect(only(after, RULE)).toEqual([]);
  });
});
