import { isClosed } from '../core/memo/lifecycle';
import type { MemoRule } from '../core/check/rule';
import { dateProblem } from './date-invalid';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date; undefined for anything else (date-invalid reports those). */
function dayNumber(text: string): number | undefined {
  const written = text.trim();
  if (dateProblem(written) !== undefined) return undefined;
  return Date.UTC(Number(written.slice(0, 4)), Number(written.slice(5, 7)) - 1, Number(written.slice(8, 10))) / DAY_MS;
}

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
    for (const entry of memo.evidence) {
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
