import { type MemoModel } from './memoModel';
import { CLOSED_STATUSES } from '../../shared/vocabulary';

// Where a memo stands in its lifecycle, for rules that only make sense at some stages.

/**
 * Whether the memo has front matter that cannot be read as fields: unclosed, not a mapping, or with
 * a YAML error. Its fields are then unknown, so rules about them stay quiet (one error, at the
 * place to fix, rather than "no owner" and "no tenet" for fields that are there).
 */
export function frontMatterBroken(memo: MemoModel): boolean {
  const fm = memo.frontMatter;
  return fm !== undefined && (fm.unclosed || fm.nonMapRoot !== undefined || fm.problems.some((p) => p.severity === 'error'));
}

/** Whether the memo records a decision that is over (rejected, deprecated or superseded). */
export function isClosed(memo: MemoModel): boolean {
  return memo.statusValue !== undefined && CLOSED_STATUSES.includes(memo.statusValue);
}
