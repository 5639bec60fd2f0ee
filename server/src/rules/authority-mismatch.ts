import type { MemoRule } from '../core/check/rule';
import { ANY_OWNER, authorityKnown, holdsAuthority, memoDecisionType, presenceDay } from '../core/authority/memoAuthority';
import { CLOSED_STATUSES } from '../shared/vocabulary';

export const authorityMismatch: MemoRule = {
  id: 'authority-mismatch',
  target: 'memo',
  description: 'At least one owner holds the authority the memo\'s decision type names in `decides` (a role or a person of the people directory).',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    const type = memoDecisionType(memo, ctx.authority);
    const decides = type?.decides;
    // A closed memo is history; no owner is owner-missing's to report.
    if (!type || !decides || !memo.decisionType || memo.owners.length === 0) return;
    if (memo.statusValue !== undefined && CLOSED_STATUSES.includes(memo.statusValue)) return;
    if (decides.value.toLowerCase() === ANY_OWNER) return;
    // Without a people directory (or one that knows the role) nobody can be said to hold it.
    if (!authorityKnown(decides.value, ctx.people)) return;
    const hereOn = presenceDay(memo.statusValue, ctx.today);
    if (memo.owners.some((o) => holdsAuthority(o.value, decides.value, ctx.people, hereOn))) return;
    const owners = memo.owners.map((o) => `\`${o.value}\``).join(', ');
    report({
      range: memo.ownersEntry?.value?.range ?? memo.decisionType.range,
      message: `Decision type \`${type.id}\` is decided by \`${decides.value}\` (${ctx.authority!.file}); no owner (${owners}) holds that authority. Make its holder an owner, or check the decision type.`,
      related: [{ file: ctx.authority!.file, range: decides.range, message: `\`${type.id}\` is decided by \`${decides.value}\`` }],
    });
  },
};
