import type { MemoRule } from '../core/check/rule';
import { isClosed } from '../core/memo/lifecycle';
import { cell, filled } from '../core/memo/method';

export const dependencyOwnerMissing: MemoRule = {
  id: 'dependency-owner-missing',
  target: 'memo',
  description: 'Every dependency of a scorecard has an owner and a way it is monitored.',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sc of memo.structures.scorecards) {
      const table = sc.dependencies;
      if (!table) continue;
      for (const row of table.rows) {
        const missing = ['owner', 'monitoring'].filter((c) => (cell(table, row, c)?.text.trim() ?? '') === '');
        if (missing.length === 0) continue;
        const name = cell(table, row, 'dependency');
        report({ range: row.range, message: `${filled(name) ? `Dependency \`${name!.text}\`` : 'This dependency'} has no ${missing.join(' and no ')}; expected who owns it and how it is watched.` });
      }
    }
  },
};
