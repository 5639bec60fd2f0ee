import { isClosed } from '../core/memo/lifecycle';
import type { MemoRule } from '../core/check/rule';
import { dayNumber } from '../core/dates';
import { logEntries } from '../core/evidence/logEntries';

export const evidenceStale: MemoRule = {
  id: 'evidence-stale',
  target: 'memo',
  description: 'Evidence artifacts are recent: a `date` older than `evidence.maxAgeDays` (365 by default) is flagged for a refresh.',
  defaultSeverity: 'info',
  check(memo, ctx, report) {
    // A rejected, deprecated or superseded memo is a record: its evidence was current when it mattered.
    if (isClosed(memo)) return;
    const today = dayNumber(ctx.today);
    if (today === undefined) return;
    const maxAge = ctx.config.evidence.maxAgeDays;
    for (const entry of [...memo.evidence, ...logEntries(memo)]) {
      if (!entry.date) continue;
      const dated = dayNumber(entry.date.value);
      if (dated === undefined) continue;
      const age = today - dated;
      if (age <= maxAge) continue;
      report({
        range: entry.date.range,
        message: `This artifact is dated ${entry.date.value}, ${age} days before today; expected evidence at most ${maxAge} days old (refresh it, or confirm it still holds and update the date).`,
      });
    }
  },
};
