import { appendToBody } from '../core/fixes/fixEdits';
import type { MemoRule } from '../core/check/rule';
import { CLAIM_SHAPE, CLAIM_TEMPLATE, DECIDING_STATUSES } from '../shared/vocabulary';
import { withSnippet } from '../core/fixes/snippets';

// A claim is asked for once a memo asks for a decision. Drafts are still being written, and
// rejected, deprecated or superseded memos are records: asking them for new content is noise.

export const claimMissing: MemoRule = {
  id: 'claim-missing',
  target: 'memo',
  description: 'A proposed or accepted memo states its claim: `Claim: We believe <outcome> because <signals>.`',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (!memo.status || !memo.statusValue || !DECIDING_STATUSES.includes(memo.statusValue)) return;
    if (memo.claims.length > 0) return;
    report({
      range: memo.status.range,
      message: `This ${memo.statusValue} memo has no claim line; expected \`${CLAIM_SHAPE}\``,
      fixes: [{ title: 'Append a claim line to fill in', edits: [withSnippet(appendToBody(memo, [CLAIM_TEMPLATE]), ['OUTCOME', 'SIGNALS'])], isPreferred: true }],
    });
  },
};
