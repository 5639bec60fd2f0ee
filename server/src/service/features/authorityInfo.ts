import { findDecisionType, knownTriggers, type AuthorityMatrix, type DecisionType } from '../../core/authority/authorityMatrix';
import { ANY_OWNER, authorityKnown, holders, holdsAuthority, memoTriggers, presenceDay, triggerFacts } from '../../core/authority/memoAuthority';
import { BUILT_IN_TRIGGERS, parseSpendOver, triggerApplies, triggerKey, type TriggerFacts } from '../../core/authority/triggers';
import type { MemoModel } from '../../core/memo/memoModel';
import type { Position, Range } from '../../core/types';
import type { PeopleDirectory } from '../../core/workspace/people';
import type { Workspace } from '../../core/workspace/workspace';
import { DECIDING_STATUSES } from '../../shared/vocabulary';
import { contains, idRangeWithin } from '../positions';
import { codeSpan, markdownText } from './markdownText';

// The editor's view of the authority matrix from a memo: what its `decision-type` and `impact`
// values mean (hover, completion documentation), and where a type is defined. The answers come
// from the same core functions the rules use, so hover and diagnostics never disagree.

/** What each built-in trigger means, in a sentence (completion and hover). */
const TRIGGER_DOCS: Record<string, string> = {
  'cross-team': 'The decision changes what teams other than the owners’ own do or depend on.',
  'customer-data': 'The decision touches customer data: what is collected, kept, or who can see it.',
  precedent: 'The decision sets a precedent: others will point to it when deciding alike.',
  'one-way': 'The decision is hard to undo. Read from `reversibility: one-way`; listing it in `impact` applies it too.',
  costly: 'The decision is at least costly to undo. Read from `reversibility: costly` (or `one-way`); listing it in `impact` applies it too.',
};

/** An authority value the cursor is on in a memo: its `decision-type`, or an item of its `impact`. */
export type AuthorityRef = { kind: 'decision-type'; id: string; range: Range } | { kind: 'trigger'; trigger: string; range: Range };

/** The `decision-type` value or `impact` item under the cursor. */
export function authorityRefAt(memo: MemoModel, pos: Position): AuthorityRef | undefined {
  const type = memo.decisionType;
  if (type && contains(type.range, pos)) return { kind: 'decision-type', id: type.value, range: idRangeWithin(memo.lines, type.range, type.value) };
  for (const item of memo.impact) {
    if (contains(item.range, pos)) return { kind: 'trigger', trigger: item.value, range: idRangeWithin(memo.lines, item.range, item.value) };
  }
  return undefined;
}

/** What a trigger means, in a sentence; undefined for a trigger of the team's own. */
export function triggerDoc(trigger: string): string | undefined {
  const key = triggerKey(trigger);
  const over = parseSpendOver(key);
  if (over !== undefined) return `The decision commits more than ${over.toLocaleString('en-US')}: applies when the memo’s \`spend\` is over that.`;
  return TRIGGER_DOCS[key];
}

/** Whether a trigger applies by a memo field other than `impact` (reversibility, spend). */
export function triggerReadFromFields(trigger: string): boolean {
  const key = triggerKey(trigger);
  return key === 'one-way' || key === 'costly' || key.startsWith('spend-over:');
}

/** Why a trigger applies to a memo or not, in a few words. */
function triggerReason(trigger: string, facts: TriggerFacts): string {
  if (facts.impact.includes(trigger)) return '`impact` lists it';
  if (trigger === 'one-way' || trigger === 'costly') return facts.reversibility ? `\`reversibility: ${facts.reversibility}\`` : 'no `reversibility`';
  const over = parseSpendOver(trigger);
  if (over !== undefined) {
    if (facts.spend === undefined) return 'no readable `spend`';
    return `\`spend\` ${facts.spend.toLocaleString('en-US')} is ${facts.spend > over ? '' : 'not '}over ${over.toLocaleString('en-US')}`;
  }
  return '`impact` does not list it';
}

/** Who holds an authority, as markdown: `` `team-lead` `` (alice, Bob Jones (bob)), or a note that nobody does. */
function authorityWithHolders(authority: string, people: PeopleDirectory | undefined, today: string): string {
  const shown = codeSpan(authority);
  if (authority.toLowerCase() === ANY_OWNER) return `${shown} (any owner of the memo)`;
  if (!people) return shown;
  const found = holders(authority, people, today);
  if (found.length === 0) return `${shown} — nobody in ${codeSpan(people.file)} holds it`;
  return `${shown} — ${found.map((p) => (p.name ? `${markdownText(p.name)} (${markdownText(p.id)})` : markdownText(p.id))).join(', ')}`;
}

/**
 * A matrix row as markdown: the type, who decides, who approves when a trigger applies, the
 * triggers (and, for a memo, which apply and why), the tenets applied, and, for a proposed or
 * accepted memo whose triggers apply, whether an approver holds the escalation authority.
 */
export function decisionTypeMarkdown(ws: Workspace, today: string, matrix: AuthorityMatrix, type: DecisionType, memo?: MemoModel): string {
  const md = markdownText;
  const lines = [`**${md(type.id)}**${type.title ? ` — ${md(type.title)}` : ''}`, ''];
  lines.push(`Decides: ${type.decides ? authorityWithHolders(type.decides.value, ws.people, today) : '_not set_'}`, '');
  lines.push(`Escalates to: ${type.escalateTo ? authorityWithHolders(type.escalateTo.value, ws.people, today) : '_not set_'}`, '');
  if (type.triggers.length === 0) lines.push('Triggers: _none_ (never escalated)');
  else {
    const facts = memo ? triggerFacts(memo) : undefined;
    lines.push('Triggers:');
    for (const t of type.triggers) {
      const doc = triggerDoc(t.value);
      if (!facts) lines.push(`- ${codeSpan(t.value)}${doc ? ` — ${doc}` : ''}`);
      else lines.push(`- ${codeSpan(t.value)} — ${triggerApplies(t.value, facts) ? '**applies**' : 'does not apply'}: ${triggerReason(t.value, facts)}`);
    }
  }
  if (type.tenets.length > 0) {
    const cited = new Set(memo?.citations.map((c) => c.id));
    const tenets = type.tenets.map((t) => {
      const def = ws.registry.get(t.value);
      const note = [def?.title ? md(def.title) : def ? undefined : 'not in the registry', memo ? (cited.has(t.value) ? 'cited' : 'not cited') : undefined].filter(Boolean).join(', ');
      return `${md(t.value)}${note ? ` (${note})` : ''}`;
    });
    lines.push('', `Tenets applied: ${tenets.join(' · ')}`);
  }
  const approval = memo ? approvalNote(ws, today, type, memo) : undefined;
  if (approval) lines.push('', approval);
  lines.push('', `Defined in ${codeSpan(matrix.file)}, line ${type.idRange.start.line + 1}`);
  return lines.join('\n');
}

/** For a proposed or accepted memo whose type's triggers apply: who must approve, and whether someone listed does. */
function approvalNote(ws: Workspace, today: string, type: DecisionType, memo: MemoModel): string | undefined {
  if (!type.escalateTo || memo.statusValue === undefined || !DECIDING_STATUSES.includes(memo.statusValue)) return undefined;
  const applied = memoTriggers(memo, type);
  if (applied.length === 0) return undefined;
  const escalateTo = type.escalateTo.value;
  const why = applied.map((t) => codeSpan(t.value)).join(', ');
  const must = `**Approval:** ${why} ${applied.length === 1 ? 'applies' : 'apply'}, so ${codeSpan(escalateTo)} must approve`;
  // As escalation-required judges it: a directory that knows nobody by that authority cannot tell.
  if (ws.people && !authorityKnown(escalateTo, ws.people)) return `${must}: nobody in ${codeSpan(ws.people.file)} holds it, so who may approve cannot be checked.`;
  const holding = [...memo.approver, ...memo.owners].filter((p) => holdsAuthority(p.value, escalateTo, ws.people, presenceDay(memo.statusValue, today)));
  if (holding.length > 0) return `${must}: ${holding.map((p) => markdownText(p.value)).join(', ')} ${holding.length === 1 ? 'holds' : 'hold'} it.`;
  const found = holders(escalateTo, ws.people, today);
  return `${must}: no approver holds it yet${found.length > 0 ? ` (add one of ${found.map((p) => markdownText(p.id)).join(', ')} to \`approver\`)` : ''}.`;
}

/** Markdown for a `decision-type` value: the row it names, or what the matrix has instead. */
export function decisionTypeHover(ws: Workspace, today: string, id: string, memo: MemoModel): string {
  const matrix = ws.authority;
  if (!matrix) return `**${markdownText(id)}**: there is no authority matrix (${codeSpan(ws.config.authority)}) to define decision types.`;
  const type = findDecisionType(matrix, id);
  if (type) return decisionTypeMarkdown(ws, today, matrix, type, memo);
  const known = matrix.types.map((t) => codeSpan(t.id)).join(', ');
  return `**${markdownText(id)}** is not a decision type of ${codeSpan(matrix.file)}${known ? `; its types are ${known}` : ''}.`;
}

/** Markdown for an `impact` item: what the trigger means, whether the memo's type names it, and where else it is named. */
export function triggerHover(ws: Workspace, trigger: string, memo: MemoModel): string {
  const key = triggerKey(trigger);
  const matrix = ws.authority;
  const builtIn = (BUILT_IN_TRIGGERS as readonly string[]).includes(key) || parseSpendOver(key) !== undefined;
  const known = builtIn || (matrix !== undefined && knownTriggers(matrix).includes(key));
  const lines = [`**${markdownText(key)}** — ${builtIn ? 'built-in trigger' : known ? `a trigger of ${codeSpan(matrix!.file)}` : 'not a trigger'}`];
  const doc = triggerDoc(key);
  if (doc) lines.push('', doc);
  if (!matrix) {
    lines.push('', `There is no authority matrix (${codeSpan(ws.config.authority)}): no decision type escalates on it.`);
    return lines.join('\n');
  }
  if (!known) {
    lines.push('', `Neither built in nor named in ${codeSpan(matrix.file)}: it escalates nothing.`);
    return lines.join('\n');
  }
  const type = memo.decisionType ? findDecisionType(matrix, memo.decisionType.value) : undefined;
  if (type) {
    const listed = type.triggers.some((t) => t.value === key);
    const to = type.escalateTo ? codeSpan(type.escalateTo.value) : 'nobody (the type has no `escalate-to`)';
    lines.push('', listed ? `This memo’s type ${codeSpan(type.id)} lists it: the decision goes to ${to} for approval.` : `This memo’s type ${codeSpan(type.id)} does not list it: it asks for no escalation here.`);
  }
  const naming = matrix.types.filter((t) => t.triggers.some((tr) => tr.value === key)).map((t) => codeSpan(t.id));
  lines.push('', naming.length > 0 ? `Escalates the types ${naming.join(', ')}.` : `No decision type of ${codeSpan(matrix.file)} lists it.`);
  return lines.join('\n');
}
