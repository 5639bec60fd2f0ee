import { listSome, MAX_RELATED } from '../core/text/listing';
import type { MemoSummary } from '../core/workspace/memoIndex';
import type { MemoRule } from '../core/check/rule';
import type { Range } from '../core/types';

// Files that sit in memo folders without being decisions. Their ids come from the file name, and
// two folders each holding a `README.md` or an `adr-template.md` is not a clash worth an error.
const NOT_A_DECISION = /^(?:readme|index|template|.*[-_]template|template[-_].*)$/i;

/** A file-name id is recorded at the empty range at the start of the file; an `id:` value never is. */
function isDerived(range: Range): boolean {
  return range.start.line === 0 && range.end.line === 0 && range.start.character === 0 && range.end.character === 0;
}

function exempt(summary: MemoSummary): boolean {
  return isDerived(summary.idRange) && NOT_A_DECISION.test(summary.id);
}

export const memoDuplicateId: MemoRule = {
  id: 'memo-duplicate-id',
  target: 'memo',
  description: 'Every memo has its own id (from `id:` or from its file name), so links and citations name one memo.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    if (memo.id.derived && NOT_A_DECISION.test(memo.id.value)) return;
    const others: MemoSummary[] = ctx.memos.withId(memo.id.value).filter((m) => m.file !== memo.file && !exempt(m));
    if (others.length === 0) return;
    const list = listSome(others, (o) => o.file);
    report({
      // A file-name id has no text of its own: the first line stands for it.
      range: memo.id.derived ? memo.lines.lineRange(0) : memo.id.range,
      message: memo.id.derived
        ? `The id \`${memo.id.value}\`, taken from the file name, is also the id of ${list}; expected a unique id (rename the file or set \`id:\`).`
        : `The id \`${memo.id.value}\` is also the id of ${list}; expected a unique id.`,
      related: others.slice(0, MAX_RELATED).map((o) => ({ file: o.file, range: o.idRange, message: `Also has the id \`${o.id}\`.` })),
    });
  },
};
