import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { isPauseRow } from '../core/memo/method';

export const scorecardNoPause: MemoRule = {
  id: 'scorecard-no-pause',
  target: 'memo',
  description: 'At least one threshold of a scorecard forces a pause (its action or threshold says `pause`).',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sc of memo.structures.scorecards) {
      const table = sc.signals;
      if (!table || table.rows.length === 0 || table.rows.some((r) => isPauseRow(table, r))) continue;
      report({ range: table.header.range, message: 'No threshold of this scorecard forces a pause; expected at least one signal whose action (or threshold) says `pause`.' });
    }
  },
};
