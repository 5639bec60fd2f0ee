import type { MemoRule } from '../core/check/rule';
import { listSome } from '../core/text/listing';

// Two branches that each add "the next memo" both pick 0042; each branch is clean on its own and
// the clash appears only after the merge. With `check --base REF` (the branch this one merges
// into) the CLI tells the rule which ids the base added since the branches parted, and a memo
// this branch adds is reported when the base already gave its id to another file. Without a
// base (the editor, a plain `check`) there is nothing to compare with and the rule is quiet.

export const memoIdConflict: MemoRule = {
  id: 'memo-id-conflict',
  target: 'memo',
  description: 'A memo added on this branch does not take an id that the base branch (`check --base REF`) has given to another memo.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    const base = ctx.base;
    // Only memos this branch adds: a file the base has keeps the id the base knows it by.
    if (!base || base.files.has(memo.file)) return;
    const id = memo.id.value;
    // A file both sides have with this id is a duplicate here already (memo-duplicate-id says so).
    const others = (base.idsAdded.get(id) ?? []).filter((f) => f !== memo.file && ctx.memos.get(f)?.id !== id);
    if (others.length === 0) return;
    report({
      // A file-name id has no text of its own: the first line stands for it, as for duplicates.
      range: memo.id.derived ? memo.lines.lineRange(0) : memo.id.range,
      message: `The id \`${id}\` is also the id of ${listSome(others, (f) => f)} on ${base.name}; expected an id the base does not use (run \`decision-memos new --base ${base.name}\` for a free one, or set \`id:\`).`,
    });
  },
};
