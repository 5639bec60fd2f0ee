import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';

export const scorecardSignalCount: MemoRule = {
  id: 'scorecard-signal-count',
  target: 'memo',
  description: 'A scorecard holds three to five capacity signals, in a table with `Signal`, `Threshold` and `Cadence` columns.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sc of memo.structures.scorecards) {
      if (!sc.signals) {
        report({ range: sc.headingRange, message: 'This scorecard has no signal table; expected a table with `Signal | Threshold | Cadence | Action` columns and three to five signals.' });
        continue;
      }
      const n = sc.signals.rows.length;
      if (n >= 3 && n <= 5) continue;
      report({ range: sc.signals.header.range, message: `This scorecard has ${n} capacity signal${n === 1 ? '' : 's'}; expected three to five.` });
    }
  },
};
