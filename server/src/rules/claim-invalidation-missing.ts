import type { MemoRule } from '../core/check/rule';
import { reversibilityOf } from '../core/evidence/evidenceEntries';
import { insertAfterLine } from '../core/fixes/fixEdits';
import { withSnippet } from '../core/fixes/snippets';
import { DECIDING_STATUSES, INVALIDATION_TEMPLATE } from '../shared/vocabulary';

export const claimInvalidationMissing: MemoRule = {
  id: 'claim-invalidation-missing',
  target: 'memo',
  description: 'A costly or one-way decision says what would show its claim wrong: `Invalidated if: <observable signal and threshold>.`',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    const reversibility = reversibilityOf(memo);
    if (reversibility !== 'costly' && reversibility !== 'one-way') return;
    if (!memo.statusValue || !DECIDING_STATUSES.includes(memo.statusValue)) return;
    const claim = memo.claims[0];
    if (!claim || memo.structures.invalidations.length > 0) return;
    // Right after the boundary when it follows the claim, else after the claim: the three read together.
    const boundary = memo.boundaries.find((b) => b.range.start.line > claim.range.start.line);
    const after = boundary ? boundary.range.end.line : claim.range.end.line;
    report({
      range: claim.range,
      message: `This ${reversibility} decision's claim says nothing of what would show it wrong; expected \`Invalidated if: <observable signal and threshold>.\` next to it.`,
      fixes: [{ title: 'Insert an `Invalidated if:` line to fill in', edits: [withSnippet(insertAfterLine(memo, after, [INVALIDATION_TEMPLATE]), ['___'])], isPreferred: true }],
    });
  },
};
