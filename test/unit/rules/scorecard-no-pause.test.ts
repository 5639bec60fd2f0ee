import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SCORECARD, swap } from '../../helpers/methodMemo';

const RULE = 'scorecard-no-pause';
const FILE = 'decisions/0001-cache.md';
const NO_PAUSE = swap(SCORECARD, '| queue depth | ≤ 500 jobs | daily | pause |', '| queue depth | ≤ 500 jobs | daily | review |');

describe(RULE, () => {
  it('fires when no action or threshold says pause, at the header row', () => {
    const f = check({ [FILE]: methodMemo({}, { scorecard: NO_PAUSE }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('| Capacity signal | Threshold | Cadence | When crossed |');
  });

  it('stays quiet when a threshold says pause, even without an action column', () => {
    const inThreshold = swap(NO_PAUSE, '| cache memory | < 80 % | daily | review |', '| cache memory | pause above 80 % | daily | review |');
    expect(only(check({ [FILE]: methodMemo({}, { scorecard: inThreshold }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo(), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });

  it('reads a negated pause as no pause, and the words of the verb as one', () => {
    const negated = swap(NO_PAUSE, '| cache memory | < 80 % | daily | review |', '| cache memory | < 80 % | daily | review, do not pause |');
    expect(only(check({ [FILE]: methodMemo({}, { scorecard: negated }), 'people.yaml': METHOD_PEOPLE }), RULE)).toHaveLength(1);
    const paused = swap(NO_PAUSE, '| cache memory | < 80 % | daily | review |', '| cache memory | < 80 % | daily | rollout paused |');
    expect(only(check({ [FILE]: methodMemo({}, { scorecard: paused }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });
});
