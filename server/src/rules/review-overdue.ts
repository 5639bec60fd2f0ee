import type { MemoRule } from '../core/check/rule';
import { dayNumber } from '../core/dates';
import { addFrontMatterLinesAfter, canEditFrontMatter } from '../core/fixes/fixEdits';
import { reviewDues, reviewedOn } from '../core/memo/method';
import type { Fix } from '../core/types';

// A decision comes back for review: `review-by` and every stage gate's date are due dates. A
// `reviewed` date on or after a due date clears it; it schedules nothing (a new `review-by` does).

export const reviewOverdue: MemoRule = {
  id: 'review-overdue',
  target: 'memo',
  description: 'A proposed or accepted memo is reviewed by its `review-by` date and its stage gates\' dates (`reviewed:` on or after the date clears it).',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    if (memo.statusValue !== 'proposed' && memo.statusValue !== 'accepted') return;
    const today = dayNumber(ctx.today);
    if (today === undefined) return;
    const reviewed = reviewedOn(memo);
    const reviewedDay = reviewed ? dayNumber(reviewed) : undefined;
    for (const due of reviewDues(memo)) {
      const dueDay = dayNumber(due.due)!;
      if (dueDay >= today || (reviewedDay !== undefined && reviewedDay >= dueDay)) continue;
      const days = today - dueDay;
      const what = due.source === 'review-by' ? 'The review' : 'The stage gate';
      report({
        range: due.range,
        message: `${what} due on ${due.due} is ${days} day${days === 1 ? '' : 's'} overdue${reviewed ? ` (last reviewed ${reviewed})` : ''}; expected \`reviewed:\` on or after ${due.due} once the decision has been looked at again, and a new \`review-by\`.`,
        fixes: recordReview(memo, ctx.today),
      });
    }
  },
};

/** Sets `reviewed:` to today, in place or beside the review date. */
function recordReview(memo: Parameters<MemoRule['check']>[0], today: string): Fix[] {
  if (!canEditFrontMatter(memo)) return [];
  const existing = memo.fields.get('reviewed');
  const edit = existing?.value
    ? { range: existing.value.range, newText: today }
    : addFrontMatterLinesAfter(memo, ['review-by', 'revisit', 'review-date', 'date', 'status'], [`reviewed: ${today}`]);
  return edit ? [{ title: `Record a review today (\`reviewed: ${today}\`)`, edits: [edit], isPreferred: true }] : [];
}
