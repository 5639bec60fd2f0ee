import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { cell } from '../core/memo/method';

const REQUIRED: [column: string, name: string][] = [
  ['evidence artifact', 'artifact'],
  ['quality limits', 'limits'],
  ['date', 'date'],
  ['approver', 'approver'],
];

export const evidenceLogIncomplete: MemoRule = {
  id: 'evidence-log-incomplete',
  target: 'memo',
  description: 'Every row of the evidence log names its artifact, its quality limits, its date and its approver.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const log of memo.structures.logs) {
      const table = log.table;
      if (!table) {
        report({ range: log.headingRange, message: 'This evidence log has no table; expected the columns `Scale step | Claim | Evidence artifact | Quality limits | Threshold status | Decision | Date | Approver`.' });
        continue;
      }
      const absent = REQUIRED.filter(([c]) => !table.columns.has(c)).map(([, n]) => n);
      if (absent.length > 0) {
        report({ range: table.header.range, message: `The evidence log's table has no ${absent.join(', ')} column; expected \`Scale step | Claim | Evidence artifact | Quality limits | Threshold status | Decision | Date | Approver\`.` });
        continue;
      }
      for (const row of table.rows) {
        const missing = REQUIRED.filter(([c]) => (cell(table, row, c)?.text.trim() ?? '') === '').map(([, n]) => n);
        if (missing.length > 0) report({ range: row.range, message: `This log row has no ${missing.join(' and no ')}; expected every artifact logged with its limits, date and approver.` });
      }
    }
  },
};
