import { appendToBody, insertAfterLine } from '../core/fixes/fixEdits';
import { isClosed } from '../core/memo/lifecycle';
import type { Citation, MemoModel } from '../core/memo/memoModel';
import type { MemoRule } from '../core/check/rule';
import type { Fix, TextEdit } from '../core/types';
import { withSnippet } from '../core/fixes/snippets';

const SECTION_TITLE = /relevant tenets/i;
const LIST_ITEM = /^(\s*[-*+][ \t]+)/;
const SUPPORTS = '✓';
const CONFLICTS = '✗';

export const tenetVerdictMissing: MemoRule = {
  id: 'tenet-verdict-missing',
  target: 'memo',
  description: 'Each cited tenet is judged in the memo: a `[[ID]] ✓ reason` (supports) or `[[ID]] ✗ reason` (conflicts) line.',
  defaultSeverity: 'info',
  check(memo, ctx, report) {
    // Drafts are still being written; closed memos are records and are not asked for new content.
    if (memo.statusValue === 'draft' || isClosed(memo)) return;
    const judged = new Set(memo.verdicts.map((v) => v.id));
    const first = new Map<string, Citation>();
    for (const c of memo.citations) if (!first.has(c.id)) first.set(c.id, c);
    // Unknown ids are tenet-unknown's business and retired ones tenet-retired's: judging them is wasted work.
    const unjudged = [...first.values()].filter((c) => !judged.has(c.id) && ctx.registry.get(c.id)?.status === 'active');
    for (const citation of unjudged) {
      const id = citation.id;
      const fixes: Fix[] = [
        { title: `Add a judgement line: [[${id}]] ${SUPPORTS} (supports)`, edits: [withSnippet(insertVerdictLines(memo, [[id, SUPPORTS]]), ['REASON'])], isPreferred: true },
        { title: `Add a judgement line: [[${id}]] ${CONFLICTS} (conflicts)`, edits: [withSnippet(insertVerdictLines(memo, [[id, CONFLICTS]]), ['REASON'])] },
      ];
      if (unjudged.length > 1) {
        fixes.push({
          title: `Add judgement lines for all ${unjudged.length} unjudged tenets`,
          edits: [insertVerdictLines(memo, unjudged.map((c) => [c.id, SUPPORTS]))],
        });
      }
      report({
        range: citation.range,
        message: `Tenet \`${id}\` is cited but not judged; expected a line \`- [[${id}]] ${SUPPORTS} reason\` (supports) or \`${CONFLICTS} reason\` (conflicts) under "Relevant tenets".`,
        fixes,
      });
    }
  },
};

/**
 * Inserts `- [[ID]] ✓ REASON` lines where a reader looks for judgements: in the "Relevant
 * tenets" section (after its last judgement, else after its last line), else after the last
 * judgement written as a list item, else in a new "Relevant tenets" section at the end.
 */
function insertVerdictLines(memo: MemoModel, verdicts: Array<[string, string]>): TextEdit {
  const lineFor = (bullet: string) => verdicts.map(([id, mark]) => `${bullet}[[${id}]] ${mark} REASON`);
  const sectionIndex = memo.sections.findIndex((s) => SECTION_TITLE.test(s.title));
  if (sectionIndex >= 0) {
    const section = memo.sections[sectionIndex]!;
    const headingLine = section.headingRange.end.line;
    // The section's own lines stop at the next heading of any level (a subsection is not "the end").
    const next = memo.sections[sectionIndex + 1];
    const endLine = next ? next.headingRange.start.line : memo.lines.lineCount;
    // Next to the judgements already there; else after the section's last line (a claim may follow the list).
    const judgements = memo.verdicts.map((v) => v.range.start.line).filter((l) => l > headingLine && l < endLine);
    let last = judgements.length > 0 ? Math.max(...judgements) : -1;
    for (let l = endLine - 1; last < 0 && l > headingLine; l--) if (memo.lines.lineText(l).trim() !== '') last = l;
    if (last < 0) return insertAfterLine(memo, headingLine, ['', ...lineFor('- ')]);
    const item = LIST_ITEM.exec(memo.lines.lineText(last));
    // After a list item, continue the list in its bullet style; after a paragraph, start a list below a blank line.
    return item ? insertAfterLine(memo, last, lineFor(item[1]!.trimStart())) : insertAfterLine(memo, last, ['', ...lineFor('- ')]);
  }
  const lastVerdict = memo.verdicts.reduce<number>((max, v) => Math.max(max, v.range.start.line), -1);
  const item = lastVerdict >= 0 ? LIST_ITEM.exec(memo.lines.lineText(lastVerdict)) : null;
  if (item) return insertAfterLine(memo, lastVerdict, lineFor(item[1]!.trimStart()));
  return appendToBody(memo, ['## Relevant tenets', '', ...lineFor('- ')]);
}
