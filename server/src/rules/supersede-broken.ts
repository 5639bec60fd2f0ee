import { addToFrontMatterList, canEditFrontMatter } from '../core/fixes/fixEdits';
import type { MemoSummary } from '../core/workspace/memoIndex';
import type { MemoModel } from '../core/memo/memoModel';
import type { MemoRule, Report, RuleContext } from '../core/check/rule';
import type { Located, Range } from '../core/types';

// Each memo reports what it lacks, so every fix is an edit to the file the diagnostic is on:
// when 0009 supersedes 0005 and 0005 does not say so, the error (and the fix) is on 0005.

/** `supersedes: 7` most likely means memo `0007`: suggested, never assumed. */
function numericTwin(ctx: RuleContext, id: string): string | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  return ctx.memos.all.find((m) => /^\d+$/.test(m.id) && Number(m.id) === Number(id))?.id;
}

function checkResolves(memo: MemoModel, link: Located<string>, where: string, ctx: RuleContext, report: Report): void {
  if (link.value === memo.id.value) {
    report({ range: link.range, message: `${where} names this memo itself (\`${link.value}\`); expected the id of another memo.` });
    return;
  }
  if (ctx.memos.withId(link.value).length > 0) return;
  const twin = numericTwin(ctx, link.value);
  const hint = twin ? ` (did you mean \`${twin}\`?)` : '';
  report({ range: link.range, message: `${where} names \`${link.value}\`, but no memo has that id; expected the id of a memo in the workspace${hint}.` });
}

/** The place on this memo that should carry a missing link: the key if it exists, else the id (line 0 for a file-name id). */
function anchor(memo: MemoModel, keys: string[], fallback: Range | undefined): Range {
  for (const k of keys) {
    const entry = memo.fields.get(k);
    if (entry) return entry.keyRange;
  }
  if (fallback) return fallback;
  return memo.id.derived ? memo.lines.lineRange(0) : memo.id.range;
}

function backLinkFix(memo: MemoModel, keys: string[], id: string) {
  if (!canEditFrontMatter(memo)) return [];
  const key = keys.find((k) => memo.fields.has(k)) ?? keys[0]!;
  // `0125` unquoted is the number 125 to other YAML readers.
  const edit = addToFrontMatterList(memo, key, /^\d+$/.test(id) ? `"${id}"` : id);
  return edit ? [{ title: `Add \`${id}\` to \`${key}\``, edits: [edit], isPreferred: true, safe: true }] : [];
}

function describe(other: MemoSummary): string {
  return `\`${other.id}\` (${other.file})`;
}

const SUPERSEDED_BY_KEYS = ['superseded-by', 'superseded_by'];
const SUPERSEDES_KEYS = ['supersedes'];

export const supersedeBroken: MemoRule = {
  id: 'supersede-broken',
  target: 'memo',
  description: '`supersedes` and `superseded-by` name existing memos, and every such link is answered by the other memo.',
  defaultSeverity: 'error',
  check(memo, ctx, report) {
    for (const link of memo.supersedes) checkResolves(memo, link, '`supersedes`', ctx, report);
    for (const link of memo.supersededBy) checkResolves(memo, link, '`superseded-by`', ctx, report);
    if (memo.statusSupersededBy) checkResolves(memo, memo.statusSupersededBy, 'The status', ctx, report);

    const self = memo.id.value;
    const successors = new Set([...memo.supersededBy, ...(memo.statusSupersededBy ? [memo.statusSupersededBy] : [])].map((l) => l.value));
    const predecessors = new Set(memo.supersedes.map((l) => l.value));
    let namedAsSuperseded = false;

    for (const other of ctx.memos.linkedTo(self)) {
      if (other.file === memo.file || other.id === self) continue;
      const supersedesMe = other.supersedes.find((l) => l.value === self);
      if (supersedesMe) namedAsSuperseded = true;
      if (supersedesMe && !successors.has(other.id)) {
        report({
          range: anchor(memo, SUPERSEDED_BY_KEYS, memo.status?.range),
          message: `${describe(other)} supersedes this memo, but this memo does not name it; expected \`superseded-by: ${other.id}\`.`,
          related: [{ file: other.file, range: supersedesMe.range, message: `\`${other.id}\` names this memo in \`supersedes\`.` }],
          fixes: backLinkFix(memo, SUPERSEDED_BY_KEYS, other.id),
        });
      }
      const supersededByMe = other.supersededBy.find((l) => l.value === self);
      if (supersededByMe && !predecessors.has(other.id)) {
        report({
          range: anchor(memo, SUPERSEDES_KEYS, undefined),
          message: `${describe(other)} says it is superseded by this memo, but this memo does not name it; expected \`supersedes: ${other.id}\`.`,
          related: [{ file: other.file, range: supersededByMe.range, message: `\`${other.id}\` names this memo as its successor.` }],
          fixes: backLinkFix(memo, SUPERSEDES_KEYS, other.id),
        });
      }
    }

    // A superseded memo should lead its reader to what replaced it (unless another memo's link already reported above says so).
    if (memo.statusValue === 'superseded' && memo.status && successors.size === 0 && !namedAsSuperseded) {
      report({
        range: memo.status.range,
        message: 'The status is superseded, but no memo is named as the successor; expected `superseded-by:` naming the memo that replaces this one.',
      });
    }
  },
};
