import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SCORECARD } from '../../helpers/methodMemo';

const RULE = 'scorecard-signal-count';
const FILE = 'decisions/0001-cache.md';
const rows = (n: number) => [...SCORECARD.slice(0, 4), ...Array.from({ length: n }, (_, i) => `| signal ${i} | ≤ ${i + 1} | daily | pause |`), ...SCORECARD.slice(7)];

describe(RULE, () => {
  it('fires below three or above five signals, at the header row; and on a scorecard without a signal table', () => {
    for (const n of [2, 6]) {
      const f = check({ [FILE]: methodMemo({}, { scorecard: rows(n) }), 'people.yaml': METHOD_PEOPLE });
      const [d] = only(f, RULE);
      expect(textAt(f, d!)).toBe('| Capacity signal | Threshold | Cadence | When crossed |');
      expect(d!.message).toBe(`This scorecard has ${n} capacity signals; expected three to five.`);
    }
    const none = check({ [FILE]: methodMemo({}, { scorecard: ['## Scorecard', '', 'Coming soon.', ''] }), 'people.yaml': METHOD_PEOPLE });
    expect(only(none, RULE).map((d) => textAt(none, d))).toEqual(['## Scorecard']);
  });

  it('stays quiet from three to five, with `Signal` or `Capacity signal` and under `## Alignment scorecard`', () => {
    for (const n of [3, 5]) expect(only(check({ [FILE]: methodMemo({}, { scorecard: rows(n) }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    const renamed = rows(3).map((l) => l.replace('## Scorecard: step 2', '## Alignment scorecard').replace('Capacity signal', 'Signal'));
    expect(only(check({ [FILE]: methodMemo({}, { scorecard: renamed }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });
});
