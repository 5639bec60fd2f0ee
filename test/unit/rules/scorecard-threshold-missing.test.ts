import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SCORECARD, swap } from '../../helpers/methodMemo';

const RULE = 'scorecard-threshold-missing';
const FILE = 'decisions/0001-cache.md';

describe(RULE, () => {
  it('fires on a row without threshold or cadence, at the row, ragged rows included', () => {
    const sc = swap(swap(SCORECARD, '| cache memory | < 80 % | daily | review |', '| cache memory |  | daily | review |'), '| on-call pages | < 3 a week | weekly | escalate |', '| on-call pages | < 3 a week |');
    const f = check({ [FILE]: methodMemo({}, { scorecard: sc }), 'people.yaml': METHOD_PEOPLE });
    const found = only(f, RULE);
    expect(found.map((d) => textAt(f, d))).toEqual(['| cache memory |  | daily | review |', '| on-call pages | < 3 a week |']);
    expect(found.map((d) => d.message)).toEqual([
      '`cache memory` has no threshold; expected a threshold that says when to act and how often it is read.',
      '`on-call pages` has no cadence; expected a threshold that says when to act and how often it is read.',
    ]);
  });

  it('stays quiet on complete rows', () => {
    expect(only(check({ [FILE]: methodMemo(), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });
});
