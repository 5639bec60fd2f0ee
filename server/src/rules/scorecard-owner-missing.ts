import type { MemoRule } from '../core/check/rule';
import { insertAfterLine } from '../core/fixes/fixEdits';
import { withSnippet } from '../core/fixes/snippets';
import { isClosed } from '../core/memo/lifecycle';
import type { Fix } from '../core/types';

export const scorecardOwnerMissing: MemoRule = {
  id: 'scorecard-owner-missing',
  target: 'memo',
  description: 'A scorecard names its decision owner and escalation path (`Decision owner:` and `Escalation path:` lines).',
  defaultSeverity: 'warning',
  check(memo, _ctx, report) {
    if (isClosed(memo)) return;
    for (const sc of memo.structures.scorecards) {
      const missing = [!sc.decisionOwner ? 'Decision owner' : undefined, !sc.escalationPath ? 'Escalation path' : undefined].filter((x): x is string => x !== undefined);
      if (missing.length === 0) continue;
      // After the signal table (or the heading): where the owner lines belong.
      const after = sc.signals ? sc.signals.range.end.line : sc.headingRange.end.line;
      const lines = ['', ...missing.map((m) => `- **${m}:** ${m === 'Decision owner' ? 'OWNER' : 'OWNER, then OWNER'}`)];
      const fixes: Fix[] = [{ title: `Add ${missing.map((m) => `\`${m}:\``).join(' and ')} to fill in`, edits: [withSnippet(insertAfterLine(memo, after, lines), ['OWNER', 'OWNER', 'OWNER'])], isPreferred: true }];
      report({
        range: sc.headingRange,
        message: `This scorecard names no ${missing.map((m) => `\`${m}:\``).join(' and no ')}; expected who decides when a threshold is crossed, and who it goes to next.`,
        fixes,
      });
    }
  },
};
