import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SHEET, swap } from '../../helpers/methodMemo';

const RULE = 'stage-gate-unmeasurable';
const FILE = 'decisions/0001-cache.md';
const GATE = '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.';
const gate = (text: string) => check({ [FILE]: methodMemo({}, { sheet: swap(SHEET, GATE, `- **Stage gate:** ${text}`) }), 'people.yaml': METHOD_PEOPLE });

describe(RULE, () => {
  it('fires without a threshold, without a date or week, and on a week that counts back, at the value', () => {
    const noThreshold = gate('We will continue if users like it by week 2.');
    const [d] = only(noThreshold, RULE);
    expect(textAt(noThreshold, d!)).toBe('We will continue if users like it by week 2.');
    expect(d!.message).toBe('The stage gate cannot be checked: it names no threshold (a comparison and a number, such as `≥ 40 %`).');
    expect(only(gate('We will continue if hit rate ≥ 40 %.'), RULE)[0]!.message).toContain('no date (`by 2026-12-15` or `by week 2`)');
    expect(only(gate('We will continue if hit rate ≥ 40 % by week -3.'), RULE)[0]!.message).toContain('`by week -3` counts back');
  });

  it('stays quiet on a measurable gate by a date or a week (even without a memo date), in the stage gate label’s variants', () => {
    expect(only(gate('We will continue if hit rate at least 40 % by 2026-12-15.'), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({ date: undefined }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    const labelled = swap(SHEET, GATE, '**Stage gate (2 weeks):** We will continue if hit rate > 40 % by week 2.');
    expect(only(check({ [FILE]: methodMemo({}, { sheet: labelled }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });
});
