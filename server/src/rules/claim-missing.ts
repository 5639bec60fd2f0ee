import { appendToBody } from '../core/fixEdits';
import type { MemoStatus } from '../core/memoModel';
import type { MemoRule } from '../core/rule';

/** The claim template the fix inserts; its placeholders are then reported by claim-placeholder until filled. */
export const CLAIM_TEMPLATE = 'Claim: We believe OUTCOME because SIGNALS.';

// A claim is asked for once a memo asks for a decision. Drafts are still being written, and
// rejected, deprecated or superseded memos are records: asking them for new content is noise.
const NEEDS_CLAIM: readonly MemoStatus[] = ['proposed', 'accepted'];

export const claimMissing: MemoRule = {
  id: 'claim-missing',
  target: 'memo',
  description: 'A proposed or accepted memo states its claim: `Claim: We believe <outcome> because <signals>.`',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (!memo.status || !memo.statusValue || !NEEDS_CLAIM.includes(memo.statusValue)) return;
    if (memo.claims.length > 0) return;
    report({
      range: memo.status.range,
      message: `This ${memo.statusValue} memo has no claim line; expected \`Claim: We believe <outcome> because <signals>.\``,
      fixes: [{ title: 'Append a claim line to fill in', edits: [appendToBody(memo, [CLAIM_TEMPLATE])], isPreferred: true }],
    });
  },
};
