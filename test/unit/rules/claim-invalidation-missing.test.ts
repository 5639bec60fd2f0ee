import { describe, expect, it } from 'vitest';
import { applyFix, check, only, textAt } from '../../helpers/memoWorkspace';
import { CLAIM, methodMemo, METHOD_PEOPLE } from '../../helpers/methodMemo';

const RULE = 'claim-invalidation-missing';
const FILE = 'decisions/0001-cache.md';
const NO_INVALIDATION = CLAIM.filter((l) => !l.startsWith('Invalidated'));

describe(RULE, () => {
  it('fires on a costly or one-way proposed memo with a claim and no `Invalidated if:`, at the claim', () => {
    for (const reversibility of ['costly', 'one-way']) {
      const f = check({ [FILE]: methodMemo({ reversibility }, { claim: NO_INVALIDATION }), 'people.yaml': METHOD_PEOPLE });
      const [d] = only(f, RULE);
      expect(textAt(f, d!)).toMatch(/^Claim: We believe/);
      expect(d!.message).toContain(`This ${reversibility} decision's claim`);
    }
  });

  it('stays quiet on two-way decisions, drafts, memos without a claim, and with the line anywhere in the body', () => {
    expect(only(check({ [FILE]: methodMemo({ reversibility: 'two-way' }, { claim: NO_INVALIDATION }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({ status: 'draft' }, { claim: NO_INVALIDATION }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({}, { claim: [] }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({}, { claim: [...NO_INVALIDATION, '## Risks', '', '**Invalidation:** error rate above 1 %.', ''] }) }), RULE)).toEqual([]);
  });

  it('fix: inserts `Invalidated if: ___.` after the boundary, a blank placeholder-left reports until filled', () => {
    const text = methodMemo({}, { claim: NO_INVALIDATION });
    const f = check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE });
    const d = only(f, RULE)[0]!;
    expect(d.fixes![0]!.edits[0]!.snippet).toContain('Invalidated if: ${1:___}.');
    const { text: fixed, after } = applyFix(f, d);
    expect(fixed).toBe(text.replace('stays consistent.\n', 'stays consistent.\nInvalidated if: ___.\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'placeholder-left').map((x) => textAt(after, x))).toEqual(['___']);
  });
});
