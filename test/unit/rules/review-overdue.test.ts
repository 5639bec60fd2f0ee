import { describe, expect, it } from 'vitest';
import { applyFix, check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SHEET, swap } from '../../helpers/methodMemo';

const RULE = 'review-overdue';
const FILE = 'decisions/0001-cache.md';
const GATE = '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.';
const DATED_GATE = (date: string) => swap(SHEET, GATE, `- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by ${date}.`);

describe(RULE, () => {
  it('fires when `review-by` has passed and nothing was reviewed since, at the date', () => {
    const f = check({ [FILE]: methodMemo({ 'review-by': '2026-05-01', reviewed: undefined }, { sheet: [] }) });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('2026-05-01');
    expect(d!.message).toBe('The review due on 2026-05-01 is 31 days overdue; expected `reviewed:` on or after 2026-05-01 once the decision has been looked at again, and a new `review-by`.');
  });

  it('reads `revisit` and `review-date` too, and stage gates: by a date, or by week N counted from the memo date', () => {
    expect(only(check({ [FILE]: methodMemo({ revisit: '2026-05-01', reviewed: undefined }, { sheet: [] }) }), RULE)).toHaveLength(1);
    const byWeek = check({ [FILE]: methodMemo({ reviewed: undefined }) });
    expect(only(byWeek, RULE).map((d) => d.message)).toEqual([expect.stringContaining('The stage gate due on 2026-05-15 is 17 days overdue')]);
    const byDate = check({ [FILE]: methodMemo({ reviewed: undefined }, { sheet: DATED_GATE('2026-05-20') }) });
    expect(only(byDate, RULE).map((d) => textAt(byDate, d))).toEqual(['We will continue if the cache hit rate ≥ 40 % by 2026-05-20.']);
  });

  it('stays quiet when due today or later, when reviewed on or after the date, on drafts, and without a memo date for `by week N`', () => {
    expect(only(check({ [FILE]: methodMemo({ 'review-by': '2026-06-01', reviewed: undefined }, { sheet: [] }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({ 'review-by': '2026-05-01', reviewed: '2026-05-01' }, { sheet: [] }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({ 'review-by': '2026-05-01', reviewed: undefined, status: 'draft' }, { sheet: [] }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({ reviewed: undefined, date: undefined }) }), RULE)).toEqual([]);
  });

  it('fix: records a review today (beside the review date, or in place), and the diagnostic is gone', () => {
    const text = methodMemo({ 'review-by': '2026-05-01', reviewed: undefined }, { sheet: [] });
    const f = check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE });
    const d = only(f, RULE)[0]!;
    expect(d.fixes![0]!.title).toBe('Record a review today (`reviewed: 2026-06-01`)');
    const { text: fixed, after } = applyFix(f, d);
    expect(fixed).toBe(text.replace('review-by: 2026-05-01\n', 'review-by: 2026-05-01\nreviewed: 2026-06-01\n'));
    expect(only(after, RULE)).toEqual([]);
    const stale = check({ [FILE]: methodMemo({ 'review-by': '2026-05-01', reviewed: '2026-04-01' }, { sheet: [] }) });
    expect(applyFix(stale, only(stale, RULE)[0]!).text).toContain('reviewed: 2026-06-01\n');
  });

  it('fix: an empty `reviewed:` gets the date after its colon (no second key), and the date goes beside `review-by` even when `date` comes later', () => {
    const empty = methodMemo({ 'review-by': '2026-05-01', reviewed: '' }, { sheet: [] }).replace('reviewed: \n', 'reviewed:   # after the gate\n');
    const f = check({ [FILE]: empty, 'people.yaml': METHOD_PEOPLE });
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toContain('reviewed: 2026-06-01   # after the gate\n');
    expect(only(after, 'front-matter-invalid')).toEqual([]);
    expect(only(after, RULE)).toEqual([]);
    const order = methodMemo({ id: '0001', 'review-by': '2026-05-01', reviewed: undefined }, { sheet: [] }).replace(/review-by: 2026-05-01\n/, '').replace('id: 0001\n', 'id: 0001\nreview-by: 2026-05-01\n');
    const g = check({ [FILE]: order, 'people.yaml': METHOD_PEOPLE });
    expect(applyFix(g, only(g, RULE)[0]!).text).toContain('review-by: 2026-05-01\nreviewed: 2026-06-01\n');
  });
});
