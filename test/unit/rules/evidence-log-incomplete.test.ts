import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { LOG, methodMemo, METHOD_PEOPLE, swap } from '../../helpers/methodMemo';

const RULE = 'evidence-log-incomplete';
const FILE = 'decisions/0001-cache.md';
const ROW = '| step 1 | We believe the cache holds because repeats are common. | https://example.com/slo-report | four-week window only | met | continue | 2026-04-01 | bob |';

describe(RULE, () => {
  it('fires on a row without artifact, limits, date or approver, at the row', () => {
    const f = check({ [FILE]: methodMemo({}, { log: swap(LOG, ROW, '| step 2 | We believe x because y. | https://example.com/b |  | met | continue |  | bob |') }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toMatch(/^\| step 2/);
    expect(d!.message).toBe('This log row has no limits and no date; expected every artifact logged with its limits, date and approver.');
  });

  it('fires on a log without a table, and on a table missing a column', () => {
    const noTable = check({ [FILE]: methodMemo({}, { log: ['## Evidence log', '', 'Nothing yet.', ''] }), 'people.yaml': METHOD_PEOPLE });
    expect(only(noTable, RULE).map((d) => textAt(noTable, d))).toEqual(['## Evidence log']);
    const noApprover = ['## Evidence log', '', '| Scale step | Claim | Evidence artifact | Quality limits | Threshold status | Decision | Date |', '| --- | --- | --- | --- | --- | --- | --- |', '| step 1 | We believe x because y. | https://example.com/slo-report | one week | met | continue | 2026-04-01 |', ''];
    const f = check({ [FILE]: methodMemo({}, { log: noApprover }), 'people.yaml': METHOD_PEOPLE });
    expect(only(f, RULE).map((d) => d.message)).toEqual([expect.stringContaining('has no approver column')]);
  });

  it('stays quiet on complete rows', () => {
    expect(only(check({ [FILE]: methodMemo(), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });
});
