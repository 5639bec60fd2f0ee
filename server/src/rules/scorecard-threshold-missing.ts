import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { cell, filled } from '../core/memo/method';

export const scorecardThresholdMissing: MemoRule = {
  id: 'scorecard-threshold-missing',
  target: 'memo',
  description: 'Every capacity signal of a scorecard has a threshold and a cadence.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sc of memo.structures.scorecards) {
      const table = sc.signals;
      if (!table) continue;
      for (const row of table.rows) {
        const missing = ['threshold', 'cadence'].filter((c) => table.columns.has(c) ? (cell(table, row, c)?.text.trim() ?? '') === '' : true);
        if (missing.length === 0) continue;
        const signal = cell(table, row, 'signal');
        const subject = filled(signal) ? `\`${signal!.text}\`` : 'This signal';
        report({ range: row.range, message: `${subject} has no ${missing.join(' and no ')}; expected a threshold that says when to act and how often it is read.` });
      }
    }
  },
};
