// A memo read against the authority matrix: its type, the triggers that apply to it, and whether
// its owners and approvers hold the authority the type names. The rules and the audit share these
// answers, so the report and the diagnostics never disagree.
import { reversibilityOf } from '../evidence/evidenceEntries';
import type { MemoModel } from '../memo/memoModel';
import type { TenetDefinition } from '../tenets/tenetModel';
import type { Located } from '../types';
import { findPerson, hasLeft, roleKey, type PeopleDirectory, type Person } from '../workspace/people';
import { findDecisionType, type AuthorityMatrix, type DecisionType } from './authorityMatrix';
import { appliedTriggers, parseAmount, triggerKey, type TriggerFacts } from './triggers';

/** `owner` in `decides`: any owner of the memo may decide. */
export const ANY_OWNER = 'owner';

/** What a memo says that triggers read: impact as trigger keys, reversibility, spend as a number. */
export function triggerFacts(memo: MemoModel): TriggerFacts {
  const spend = memo.spend ? parseAmount(memo.spend.value) : undefined;
  return { impact: memo.impact.map((i) => triggerKey(i.value)), reversibility: reversibilityOf(memo), spend };
}

/** The matrix row a memo's `decision-type` names, if the matrix has it. */
export function memoDecisionType(memo: MemoModel, matrix: AuthorityMatrix | undefined): DecisionType | undefined {
  return matrix && memo.decisionType ? findDecisionType(matrix, memo.decisionType.value) : undefined;
}

/** The type's triggers that apply to the memo. */
export function memoTriggers(memo: MemoModel, type: DecisionType): Located<string>[] {
  return appliedTriggers(type.triggers, triggerFacts(memo));
}

/**
 * Whether `who` (as a memo writes a person) holds `authority` (a role or a person id): they are that
 * person, or the people directory gives them that role. Without a directory only the name itself
 * can match. With `hereOn`, someone the directory says has left by that day holds nothing.
 */
export function holdsAuthority(who: string, authority: string, people: PeopleDirectory | undefined, hereOn?: string): boolean {
  const person = people ? findPerson(people, who) : undefined;
  if (person && hereOn !== undefined && hasLeft(person, hereOn)) return false;
  const name = who.trim().toLowerCase();
  if (name === authority.trim().toLowerCase()) return true;
  if (!people || !person) return false;
  const key = roleKey(authority);
  if (person.roles.some((r) => roleKey(r) === key)) return true;
  const named = findPerson(people, authority);
  return named !== undefined && named === person;
}

/**
 * The day whose presence counts for a memo's deciders and approvers: today for a decision still
 * to take (someone who has left cannot decide or approve it now), none for an accepted one (it was
 * taken and approved; a later departure does not undo that).
 */
export function presenceDay(status: string | undefined, today: string): string | undefined {
  return status === 'accepted' ? undefined : today;
}

/** Whether the directory lets the checker judge `authority`: a role someone holds or a person it lists. */
export function authorityKnown(authority: string, people: PeopleDirectory | undefined): boolean {
  if (!people) return false;
  const key = roleKey(authority);
  return findPerson(people, authority) !== undefined || people.people.some((p) => p.roles.some((r) => roleKey(r) === key));
}

/** The people (not departed by `today`, directory order) who hold `authority`. */
export function holders(authority: string, people: PeopleDirectory | undefined, today: string): Person[] {
  if (!people) return [];
  return people.people.filter((p) => !hasLeft(p, today) && holdsAuthority(p.id, authority, people));
}

/**
 * The tenets the memo's decision type applies (its `tenets` in the matrix) that the memo may cite:
 * relevant to it whatever its words say. Unknown ids are the matrix's problem (reported there);
 * tenets outside the memo's scope are left out, since citing them would add an error.
 */
export function typeTenets(memo: MemoModel, matrix: AuthorityMatrix | undefined, citable: readonly TenetDefinition[]): { type: DecisionType; tenets: TenetDefinition[] } | undefined {
  const type = memoDecisionType(memo, matrix);
  if (!type || type.tenets.length === 0) return undefined;
  const byId = new Map(citable.map((t) => [t.id.toLowerCase(), t]));
  const tenets = [...new Set(type.tenets.map((t) => byId.get(t.value.toLowerCase())).filter((t): t is TenetDefinition => t !== undefined))];
  return tenets.length > 0 ? { type, tenets } : undefined;
}
