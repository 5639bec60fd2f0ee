import { type MemoModel } from './memoModel';
import { CLOSED_STATUSES } from '../../shared/vocabulary';

// Where a memo stands in its lifecycle, for rules that only make sense at some stages.

/** Whether the memo records a decision that is over (rejected, deprecated or superseded). */
export function isClosed(memo: MemoModel): boolean {
  return memo.statusValue !== undefined && CLOSED_STATUSES.includes(memo.statusValue);
}
