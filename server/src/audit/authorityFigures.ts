import type { AuditReport, DepartedOwner, OwnerConcentration } from '../shared/audit/report';
import { findDecisionType, type AuthorityMatrix } from '../core/authority/authorityMatrix';
import { ANY_OWNER, authorityKnown, holdsAuthority, presenceDay } from '../core/authority/memoAuthority';
import { appliedTriggers } from '../core/authority/triggers';
import type { MemoSummary } from '../core/workspace/memoIndex';
import { findPerson, hasLeft, type PeopleDirectory } from '../core/workspace/people';
import type { Workspace } from '../core/workspace/workspace';
import { DECIDING_STATUSES } from '../shared/vocabulary';

// The audit's questions about authority: which decisions went up without a trigger, which had a
// trigger and did not go up, which open decisions nobody who is still here owns, and how the open
// decisions are spread over their owners. Each judges a memo with the core functions the rules
// `escalation-required` and `owner-departed` use, on the facts the memo index keeps, so the
// report and the diagnostics agree memo for memo.

type AuthorityFigures = Pick<AuditReport, 'authorityFiles' | 'escalations' | 'departedOwners' | 'ownerConcentration'>;

/** The authority figures of the memos in the audit. */
export function authorityFigures(ws: Workspace, memos: readonly MemoSummary[]): AuthorityFigures {
  const open = memos.filter((m) => m.status !== undefined && DECIDING_STATUSES.includes(m.status));
  return {
    authorityFiles: { matrix: ws.authority?.file, people: ws.people?.file },
    escalations: escalationsOf(open, ws.authority, ws.people, ws.today),
    departedOwners: departedOwnersOf(open, ws.people, ws.today),
    ownerConcentration: concentrationOf(open, ws.people, ws.today),
  };
}

function escalationsOf(open: readonly MemoSummary[], matrix: AuthorityMatrix | undefined, people: PeopleDirectory | undefined, today: string): AuditReport['escalations'] {
  const withoutNeed: string[] = [];
  const bypassed: string[] = [];
  if (!matrix) return { withoutNeed, bypassed };
  for (const m of open) {
    const facts = m.authority;
    const type = facts ? findDecisionType(matrix, facts.decisionType) : undefined;
    if (!facts || !type?.escalateTo) continue;
    const escalateTo = type.escalateTo.value;
    // As escalation-required: who holds a role nobody in the directory holds cannot be told.
    if (!authorityKnown(escalateTo, people)) continue;
    const applied = appliedTriggers(type.triggers, { impact: facts.impact, reversibility: m.reversibility, spend: facts.spend });
    if (applied.length > 0) {
      // escalation-required: an owner who holds the authority already has it.
      const hereOn = presenceDay(m.status, today);
      if (![...facts.approvers, ...m.owners].some((p) => holdsAuthority(p, escalateTo, people, hereOn))) bypassed.push(m.file);
      continue;
    }
    // Sent up with no trigger: an approver above the decision. One who could decide it (an owner,
    // or a holder of `decides`) approving is the decision taken locally, not an escalation.
    const decides = type.decides?.value;
    const owners = new Set(m.owners.map((o) => personKey(o, people)));
    const isDecider = (who: string) => owners.has(personKey(who, people)) || (decides !== undefined && decides.toLowerCase() !== ANY_OWNER && holdsAuthority(who, decides, people));
    if (facts.approvers.some((a) => holdsAuthority(a, escalateTo, people) && !isDecider(a))) withoutNeed.push(m.file);
  }
  return { withoutNeed, bypassed };
}

/** One key per person however a memo writes them (id, email, `@handle`): the directory's id, else the name. */
function personKey(who: string, people: PeopleDirectory | undefined): string {
  return (people ? findPerson(people, who)?.id : undefined)?.toLowerCase() ?? who.trim().toLowerCase();
}

/** owner-departed's memos, filed under each of their (departed) owners. */
function departedOwnersOf(open: readonly MemoSummary[], people: PeopleDirectory | undefined, today: string): DepartedOwner[] {
  if (!people) return [];
  const byOwner = new Map<string, DepartedOwner>();
  for (const m of open) {
    if (m.owners.length === 0) continue;
    const owners = m.owners.map((o) => findPerson(people, o));
    // An owner the directory does not know may be here (owner-unknown's to say).
    if (!owners.every((p) => p !== undefined && hasLeft(p, today))) continue;
    for (const p of new Set(owners)) {
      let entry = byOwner.get(p!.id);
      if (!entry) byOwner.set(p!.id, (entry = { owner: p!.id, left: p!.left, memos: [] }));
      entry.memos.push(m.file);
    }
  }
  return [...byOwner.values()].sort((a, b) => b.memos.length - a.memos.length || compare(a.owner, b.owner));
}

function concentrationOf(open: readonly MemoSummary[], people: PeopleDirectory | undefined, today: string): OwnerConcentration {
  const counts = new Map<string, number>();
  const ownersOf: string[][] = [];
  for (const m of open) {
    const here = new Set<string>();
    for (const o of m.owners) {
      const p = people ? findPerson(people, o) : undefined;
      // Someone who has left owns nothing: their memos are the departed owners' list.
      if (p && hasLeft(p, today)) continue;
      here.add(p?.id ?? o);
    }
    if (here.size === 0) continue;
    ownersOf.push([...here]);
    for (const o of here) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  const owners = [...counts].map(([owner, decisions]) => ({ owner, decisions })).sort((a, b) => b.decisions - a.decisions || compare(a.owner, b.owner));
  const top3 = owners.slice(0, 3).map((o) => o.owner);
  const held = ownersOf.filter((list) => list.some((o) => top3.includes(o))).length;
  const decisions = ownersOf.length;
  return { decisions, owners, top3, held, top3Share: decisions === 0 ? undefined : Math.round((1000 * held) / decisions) / 1000 };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
