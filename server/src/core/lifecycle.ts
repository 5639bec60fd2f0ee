import type { MemoModel, MemoStatus } from './memoModel';

// Where a memo stands in its lifecycle, for rules that only make sense at some stages.

/** Statuses of a decision that is over: the memo is now a record, and is not asked for new content. */
export const CLOSED_STATUSES: readonly MemoStatus[] = ['rejected', 'deprecated', 'superseded'];

/** Whether the memo records a decision that is over (rejected, deprecated or superseded). */
export function isClosed(memo: MemoModel): boolean {
  return memo.statusValue !== undefined && CLOSED_STATUSES.includes(memo.statusValue);
}
