import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SCORECARD, swap } from '../../helpers/methodMemo';

const RULE = 'dependency-owner-missing';
const FILE = 'decisions/0001-cache.md';

describe(RULE, () => {
  it('fires on a dependency without owner or monitoring, at the row', () => {
    const sc = swap(SCORECARD, '| search cluster | team-search | the cluster dashboard |', '| search cluster |  |  |');
    const f = check({ [FILE]: methodMemo({}, { scorecard: sc }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('| search cluster |  |  |');
    expect(d!.message).toBe('Dependency `search cluster` has no owner and no monitoring; expected who owns it and how it is watched.');
  });

  it('stays quiet when both are there; a team (people.yaml `team`) owns a dependency without owner-unknown', () => {
    const f = check({ [FILE]: methodMemo(), 'people.yaml': METHOD_PEOPLE });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'owner-unknown')).toEqual([]);
  });
});
