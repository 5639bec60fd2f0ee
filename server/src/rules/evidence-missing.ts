import { EVIDENCE_BLANKS, evidenceTemplate, needsEvidence, reversibilityOf } from '../core/evidence/evidenceEntries';
import { addMapToFrontMatterList, canEditFrontMatter } from '../core/fixes/fixEdits';
import type { MemoRule } from '../core/check/rule';
import { withSnippet } from '../core/fixes/snippets';

export const evidenceMissing: MemoRule = {
  id: 'evidence-missing',
  target: 'memo',
  description: 'A proposed or accepted memo cites at least one evidence artifact under `evidence:`.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    if (!needsEvidence(memo)) return;
    // Any entry at all, even a broken one, hands the memo over to the other evidence rules:
    // evidence-below-threshold counts artifacts, evidence-not-found reports unusable entries.
    if (memo.evidence.length > 0) return;
    const reversibility = reversibilityOf(memo);
    const required = Math.max(1, reversibility ? ctx.config.evidence.required[reversibility] : 1);
    const expected = required === 1 ? 'at least one artifact' : `at least ${required} artifacts for a ${reversibility} decision`;
    const entry = memo.evidenceEntry;
    const edit = canEditFrontMatter(memo) ? addMapToFrontMatterList(memo, 'evidence', evidenceTemplate(ctx.today)) : undefined;
    report({
      range: entry ? entry.keyRange : memo.lines.lineRange(0),
      message: `This ${memo.statusValue} memo cites no evidence; expected ${expected} (a path or URL with its limits) under \`evidence:\`.`,
      fixes: edit ? [{ title: 'Add an evidence entry to fill in', edits: [withSnippet(edit, EVIDENCE_BLANKS)], isPreferred: true }] : [],
    });
  },
};
