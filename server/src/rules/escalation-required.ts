import { addToFrontMatterList, canEditFrontMatter, replaceRange, yamlFlowSafeScalar } from '../core/fixes/fixEdits';
import type { MemoModel } from '../core/memo/memoModel';
import type { Finding, MemoRule, Report, RuleContext } from '../core/check/rule';
import { closestMatches } from '../core/text/suggest';
import type { Fix, Located, TextEdit } from '../core/types';
import { knownTriggers, type AuthorityMatrix, type DecisionType } from '../core/authority/authorityMatrix';
import { authorityKnown, holders, holdsAuthority, memoDecisionType, memoTriggers, presenceDay } from '../core/authority/memoAuthority';
import { parseAmount, triggerKey } from '../core/authority/triggers';
import { findPerson } from '../core/workspace/people';
import { DECIDING_STATUSES } from '../shared/vocabulary';

/** Approvers offered by the fix: the holders of the escalation role, in directory order. */
const MAX_OFFERED = 8;

export const escalationRequired: MemoRule = {
  id: 'escalation-required',
  target: 'memo',
  description: 'When a trigger of the memo\'s decision type applies (its `impact`, reversibility or `spend`), an approver holds the type\'s `escalate-to` authority; `impact` and `spend` must be readable to tell.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    const matrix = ctx.authority;
    if (!matrix) return;
    checkImpactAndSpend(memo, matrix, report);
    const type = memoDecisionType(memo, matrix);
    if (!type || !type.escalateTo || !memo.decisionType) return;
    if (memo.statusValue === undefined || !DECIDING_STATUSES.includes(memo.statusValue)) return;
    const applied = memoTriggers(memo, type);
    if (applied.length === 0) return;
    const escalateTo = type.escalateTo.value;
    // Without a people directory that knows the role or person, who holds it cannot be judged
    // (the matrix is warned about a name nobody holds).
    if (!authorityKnown(escalateTo, ctx.people)) return;
    // An owner who holds the escalation authority already has it: nobody above to ask.
    const hereOn = presenceDay(memo.statusValue, ctx.today);
    if ([...memo.approver, ...memo.owners].some((p) => holdsAuthority(p.value, escalateTo, ctx.people, hereOn))) return;
    const why = applied.map((t) => `\`${t.value}\``).join(', ');
    report({
      range: memo.decisionType.range,
      message: `${applied.length === 1 ? 'Trigger' : 'Triggers'} ${why} of \`${type.id}\` ${applied.length === 1 ? 'applies' : 'apply'}, so \`${escalateTo}\` must approve; no approver${memo.approver.length > 0 ? ` (${memo.approver.map((a) => `\`${a.value}\``).join(', ')})` : ''} holds that authority.`,
      related: [{ file: matrix.file, range: type.escalateTo.range, message: `\`${type.id}\` escalates to \`${escalateTo}\`` }, ...applied.map((t) => ({ file: matrix.file, range: t.range, message: `trigger \`${t.value}\`` }))],
      fixes: approverFixes(memo, ctx, type),
    });
  },
};

/** "Add `x` as approver" for each holder of the escalation authority who is still here (or the person it names). */
function approverFixes(memo: MemoModel, ctx: RuleContext, type: DecisionType): Fix[] {
  if (!canEditFrontMatter(memo) || !type.escalateTo || !ctx.people) return [];
  const escalateTo = type.escalateTo.value;
  const found = holders(escalateTo, ctx.people, ctx.today).slice(0, MAX_OFFERED);
  // `escalate-to` naming a person: "holds `carol`" would say nothing.
  const named = findPerson(ctx.people, escalateTo);
  const fixes: Fix[] = [];
  for (const person of found) {
    const edit = approverEdit(memo, yamlFlowSafeScalar(person.id));
    const holds = person === named ? '' : ` (holds \`${escalateTo}\`)`;
    if (edit) fixes.push({ title: `Add \`${person.id}\`${person.name ? ` (${person.name})` : ''} as approver${holds}`, edits: [edit], ...(found.length === 1 ? { isPreferred: true } : {}) });
  }
  return fixes;
}

function approverEdit(memo: MemoModel, who: string): TextEdit | undefined {
  const key = memo.fields.has('approvers') && !memo.fields.has('approver') ? 'approvers' : 'approver';
  const entry = memo.fields.get(key);
  // `approver: ""`: the empty value is where the name goes.
  if (entry?.value?.kind === 'scalar' && memo.approver.length === 0) return replaceRange(memo, entry.value.range, who);
  return addToFrontMatterList(memo, key, who);
}

/** `impact` names triggers the matrix knows; `spend` is an amount. Either unreadable, escalation cannot be judged. */
function checkImpactAndSpend(memo: MemoModel, matrix: AuthorityMatrix, report: Report): void {
  const known = knownTriggers(matrix);
  // Rows that could not be read may define the trigger: only a whole matrix can say it is unknown.
  const complete = matrix.readable && !matrix.partial;
  for (const item of complete ? memo.impact : []) {
    const key = triggerKey(item.value);
    if (known.includes(key) || key.startsWith('spend-over:')) continue;
    report(unknownTrigger(memo, item, known, matrix.file));
  }
  if (memo.spend && parseAmount(memo.spend.value) === undefined) {
    report({ range: memo.spend.range, message: `\`spend\` is \`${memo.spend.value}\`, not an amount: write a number (\`25000\`, \`25k\`, \`$25,000\`) so \`spend-over\` triggers can be judged.` });
  }
}

function unknownTrigger(memo: MemoModel, item: Located<string>, known: string[], file: string): Finding {
  const close = closestMatches(item.value, known).map((s) => s.value);
  return {
    range: item.range,
    message: `\`${item.value}\` is not a trigger: neither built in nor named in ${file}${close.length > 0 ? `; did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : '.'}`,
    fixes: close.map((c, i) => ({ title: `Change to \`${c}\``, edits: [replaceRange(memo, item.range, yamlFlowSafeScalar(c))], ...(i === 0 ? { isPreferred: true } : {}) })),
  };
}
