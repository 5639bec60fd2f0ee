import type { MemoRule } from '../core/check/rule';
import { dayNumber } from '../core/dates';
import { addFrontMatterLinesAfter, canEditFrontMatter } from '../core/fixes/fixEdits';
import { reviewDues, reviewedOn } from '../core/memo/method';
import type { Fix, Range, TextEdit } from '../core/types';

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
  // Beside the review date when there is one, else after `date` or `status`.
  const anchor = ['review-by', 'revisit', 'review-date', 'date', 'status'].find((k) => memo.fields.has(k));
  const edit = existing?.value
    ? { range: existing.value.range, newText: today }
    : existing
      ? afterColon(memo, existing.keyRange, today)
      : addFrontMatterLinesAfter(memo, anchor ? [anchor] : [], [`reviewed: ${today}`]);
  return edit ? [{ title: `Record a review today (\`reviewed: ${today}\`)`, edits: [edit], isPreferred: true }] : [];
}

/** `reviewed:` written with no value: the date goes after its colon (a second `reviewed:` line would be a duplicate key). */
function afterColon(memo: Parameters<MemoRule['check']>[0], keyRange: Range, today: string): TextEdit | undefined {
  const from = memo.lines.offsetAt(keyRange.end);
  const colon = memo.text.indexOf(':', from);
  if (colon < 0 || memo.lines.positionAt(colon).line !== keyRange.end.line) return undefined;
  const at = memo.lines.positionAt(colon + 1);
  return { range: { start: at, end: at }, newText: ` ${today}` };
}
