import { countedArtifacts, EVIDENCE_BLANKS, evidenceTemplate, needsEvidence, reversibilityOf } from '../core/evidence/evidenceEntries';
import { addMapToFrontMatterList, canEditFrontMatter } from '../core/fixes/fixEdits';
import type { MemoRule } from '../core/check/rule';
import { withSnippet } from '../core/fixes/snippets';
import type { RelatedLocation } from '../core/types';

export const evidenceBelowThreshold: MemoRule = {
  id: 'evidence-below-threshold',
  target: 'memo',
  description: 'A proposed or accepted memo cites at least as many distinct evidence artifacts as its `reversibility` requires.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    const reversibility = reversibilityOf(memo);
    const entry = memo.evidenceEntry;
    // No entries at all is evidence-missing's to report; this rule starts at the first entry.
    if (!needsEvidence(memo) || !reversibility || !entry || memo.evidence.length === 0) return;
    const required = ctx.config.evidence.required[reversibility];
    const count = countedArtifacts(memo).length;
    if (count >= required) return;
    const related: RelatedLocation[] = memo.reversibility
      ? [{ file: memo.file, range: memo.reversibility.range, message: `\`reversibility: ${reversibility}\` requires ${plural(required, 'artifact')}.` }]
      : [];
    const edit = canEditFrontMatter(memo) ? addMapToFrontMatterList(memo, 'evidence', evidenceTemplate(ctx.today)) : undefined;
    report({
      range: entry.keyRange,
      message: `This ${reversibility} decision cites ${plural(count, 'distinct evidence artifact')}; expected at least ${required}.`,
      related,
      fixes: edit ? [{ title: 'Add an evidence entry to fill in', edits: [withSnippet(edit, EVIDENCE_BLANKS)], isPreferred: true }] : [],
    });
  },
};

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
