import { addFrontMatterLines, addToFrontMatterList, canEditFrontMatter, replaceRange } from '../core/fixes/fixEdits';
import type { MemoModel } from '../core/memo/memoModel';
import type { MemoRule } from '../core/check/rule';
import type { TextEdit } from '../core/types';
import type { YamlEntry } from '../core/yaml/yamlTree';
import { withSnippet } from '../core/fixes/snippets';

/** The placeholder the fix writes; owner-unknown reports it as "fill me in". */
const PLACEHOLDER = 'APPROVER';

/** Fills an `approver` key that is present but names nobody, or adds the key. */
function approverEdit(memo: MemoModel, entry: YamlEntry | undefined): TextEdit | undefined {
  if (!canEditFrontMatter(memo)) return undefined;
  if (!entry) return addFrontMatterLines(memo, [`approver: ${PLACEHOLDER}`]);
  // `approver: ""` or `approver: ~`: replace the empty value rather than making a list of it.
  if (entry.value?.kind === 'scalar') return replaceRange(memo, entry.value.range, PLACEHOLDER);
  return addToFrontMatterList(memo, entry.key, PLACEHOLDER);
}

export const approverMissing: MemoRule = {
  id: 'approver-missing',
  target: 'memo',
  description: 'An accepted memo names who approved it (`approver`).',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (memo.statusValue !== 'accepted' || !memo.status || memo.approver.length > 0) return;
    const entry = memo.fields.get('approver') ?? memo.fields.get('approvers');
    const edit = approverEdit(memo, entry);
    report({
      // An empty `approver:` is where the name is missing; otherwise the status that requires one.
      range: entry ? entry.range : memo.status.range,
      message: entry
        ? `\`${entry.key}\` names nobody, but the memo is accepted; expected who approved it.`
        : 'This memo is accepted but names no approver; expected `approver:` naming who approved it.',
      fixes: edit ? [{ title: 'Add `approver:` with a placeholder to fill', edits: [withSnippet(edit, ['APPROVER'])], isPreferred: true }] : [],
    });
  },
};
