import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../server/src/core/types';
import { applyFix, check, goodMemo, memo, only, textAt, type Fixture } from '../../helpers/memoWorkspace';

const RULE = 'claim-missing';
const FILE = 'decisions/0001-cache.md';
const NO_CLAIM_BODY = ['# Use a cache', '', '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency.'];

/** Diagnostics as comparable lines, leaving out the rules a fix is expected to change. */
function rest(f: Fixture, except: string[]): string[] {
  return f.diagnostics.filter((d: Diagnostic) => !except.includes(d.rule)).map((d) => `${d.file} ${d.rule} ${d.message}`);
}

describe('claim-missing', () => {
  it('fires at the status value of a proposed memo without a claim line', () => {
    const f = check({ [FILE]: goodMemo({}, NO_CLAIM_BODY) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('proposed');
    expect(d!.message).toContain('We believe');
  });

  it('fires on accepted memos, including a Nygard status section', () => {
    expect(only(check({ [FILE]: goodMemo({ status: 'accepted', approver: 'bob' }, NO_CLAIM_BODY) }), RULE)).toHaveLength(1);
    const f = check({ 'docs/adr/0002-hosting.md': '# 2. Hosting\n\n## Status\n\nAccepted\n\n## Context\n\nWe host it.\n' });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('Accepted');
  });

  it.each(['draft', 'rejected', 'deprecated', 'superseded', 'nonsense'])('does not fire on a %s memo', (status) => {
    expect(only(check({ [FILE]: goodMemo({ status }, NO_CLAIM_BODY) }), RULE)).toEqual([]);
  });

  it('does not fire without a status, or with a claim line', () => {
    expect(only(check({ [FILE]: goodMemo({ status: undefined }, NO_CLAIM_BODY) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({}, ['# T', '', '- **Claim:** We believe A because B.']) }), RULE)).toEqual([]);
  });

  it('does not count a claim inside a code block', () => {
    expect(only(check({ [FILE]: goodMemo({}, ['# T', '', '```', 'Claim: We believe A because B.', '```']) }), RULE)).toHaveLength(1);
  });

  it('fix appends the claim template at the end of the body; its placeholders are then reported', () => {
    const original = goodMemo({}, NO_CLAIM_BODY);
    const f = check({ [FILE]: original });
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toBe(original + '\nClaim: We believe OUTCOME because SIGNALS.\n');
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'claim-placeholder', FILE).map((d) => textAt(after, d))).toEqual(['OUTCOME', 'SIGNALS']);
    expect(only(after, 'boundary-missing', FILE)).toHaveLength(1);
    const changed = [RULE, 'claim-placeholder', 'boundary-missing'];
    expect(rest(after, changed)).toEqual(rest(f, changed));
  });

  it('fix keeps CRLF line ends and a file without a final line end', () => {
    const original = goodMemo({}, NO_CLAIM_BODY).replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const f = check({ [FILE]: original });
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toBe(original + '\r\n\r\nClaim: We believe OUTCOME because SIGNALS.\r\n');
    expect(only(after, RULE)).toEqual([]);
  });

  it('fix on a memo without front matter appends to the body', () => {
    const original = memo(undefined, ['# T', '', '* Status: proposed', '* Deciders: Ann', '']);
    const f = check({ [FILE]: original });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('proposed');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original + 'Claim: We believe OUTCOME because SIGNALS.\n');
    expect(only(after, RULE)).toEqual([]);
  });
});
