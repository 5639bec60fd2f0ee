import type { MemoModel } from '../core/memo/memoModel';
import { cell, escalationNames, ownerOf } from '../core/memo/method';
import type { LabelledPart } from '../core/memo/structureModel';
import { findPerson, type PeopleDirectory } from '../core/workspace/people';
import type { Finding, MemoRule } from '../core/check/rule';
import { isPlaceholderValue } from '../core/text/placeholders';
import { closestMatches, type SuggestionCandidate } from '../core/text/suggest';
import type { Fix, Located } from '../core/types';


/** Plain YAML scalars that can be written without quotes (what a person id normally is). */
const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_.+\-@ ]*$/;

/**
 * Unknown names per memo that get a "did you mean": each is compared with every person, so a
 * memo listing thousands of unknown owners against a large directory would take minutes.
 */
const MAX_SUGGESTED_PER_MEMO = 100;

// The candidates of a directory, built once: rebuilding them for every unknown name was most of the cost.
const candidatesCache = new WeakMap<PeopleDirectory, SuggestionCandidate[]>();

function candidatesOf(people: PeopleDirectory): SuggestionCandidate[] {
  let candidates = candidatesCache.get(people);
  if (!candidates) {
    candidates = people.people.map((p) => ({ value: p.id, keys: [p.id, p.email ?? '', p.email?.split('@')[0] ?? '', p.name ?? ''] }));
    candidatesCache.set(people, candidates);
  }
  return candidates;
}

export const ownerUnknown: MemoRule = {
  id: 'owner-unknown',
  target: 'memo',
  description: 'Owners and approvers are people listed in the people directory (`people.yaml`), when the workspace has one.',
  defaultSeverity: 'warning',
  check(memo, ctx, report) {
    const people = ctx.people;
    // An empty or unreadable directory is reported on people.yaml itself; flagging every owner would only repeat it.
    if (!people || people.people.length === 0) return;
    // Owners from a MADR body (`* Deciders: …`) are plain text, not YAML.
    const ownersInYaml = memo.ownersEntry !== undefined;
    const budget = { suggestions: MAX_SUGGESTED_PER_MEMO };
    for (const owner of memo.owners) check1(memo, people, owner, 'Owner', ownersInYaml, report, budget);
    for (const approver of memo.approver) check1(memo, people, approver, 'Approver', true, report, budget);
    // People the body's structures name: an alignment sheet's owner, a scorecard's decision owner and
    // escalation path, log approvers, dependency owners (a team or a role will do for those).
    for (const { who, role } of bodyPeople(memo)) {
      if (findPerson(people, who.value) || people.people.some((p) => sameName(p.team, who.value) || sameName(p.role, who.value))) continue;
      check1(memo, people, who, role, false, report, budget);
    }
  },
};

/** The people the method's structures name, each with its exact range. */
function bodyPeople(memo: MemoModel): { who: Located<string>; role: string }[] {
  const out: { who: Located<string>; role: string }[] = [];
  const named = (value: string, at: number, role: string) => {
    const v = value.replace(/[*_`]/g, '').trim();
    if (v === '' || isPlaceholderValue(v)) return;
    const offset = value.indexOf(v);
    const start = at + Math.max(0, offset);
    out.push({ who: { value: v, range: memo.lines.rangeOf(start, start + v.length) }, role });
  };
  const part = (p: LabelledPart, names: (value: string) => string[], role: string) => {
    const base = memo.lines.offsetAt(p.valueRange.start);
    let from = 0;
    for (const name of names(p.value)) {
      const at = p.value.indexOf(name, from);
      if (at < 0) continue;
      named(name, base + at, role);
      from = at + name.length;
    }
  };
  for (const sheet of memo.structures.sheets) {
    const owner = sheet.parts.get('owner and cadence') ?? sheet.parts.get('owner');
    if (owner) part(owner, (v) => [ownerOf(v)], 'The alignment sheet\'s owner');
  }
  for (const sc of memo.structures.scorecards) {
    if (sc.decisionOwner) part(sc.decisionOwner, (v) => [ownerOf(v)], 'The decision owner');
    if (sc.escalationPath) part(sc.escalationPath, escalationNames, 'The escalation path\'s');
    if (sc.dependencies) {
      for (const row of sc.dependencies.rows) {
        const c = cell(sc.dependencies, row, 'owner');
        if (c) named(c.text, memo.lines.offsetAt(c.range.start), 'The dependency owner');
      }
    }
  }
  for (const log of memo.structures.logs) {
    if (!log.table) continue;
    for (const row of log.table.rows) {
      const c = cell(log.table, row, 'approver');
      if (c) named(c.text, memo.lines.offsetAt(c.range.start), 'The log approver');
    }
  }
  return out;
}

function sameName(a: string | undefined, b: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return a !== undefined && norm(a) === norm(b);
}

function check1(memo: MemoModel, people: PeopleDirectory, who: Located<string>, role: string, inYaml: boolean, report: (f: Finding) => void, budget: { suggestions: number }): void {
  if (findPerson(people, who.value)) return;
  const directory = `\`${people.file}\``;
  // A blank (`OWNER`) is placeholder-left's, with the people to choose from: not a misspelt name.
  if (isPlaceholderValue(who.value)) return;
  const suggestions = budget.suggestions-- > 0 ? closestMatches(who.value.replace(/^@/, ''), candidatesOf(people)) : [];
  const fixes: Fix[] = suggestions.map((s, i) => {
    const person = people.people.find((p) => p.id === s.value);
    return {
      title: `Replace with \`${s.value}\`${person?.name ? ` (${person.name})` : ''}`,
      edits: [replaceWritten(memo, who, s.value, inYaml)],
      ...(i === 0 && suggestions.length === 1 ? { isPreferred: true } : {}),
    };
  });
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s.value}\``).join(' or ')}?` : '; expected the id, email or name of a listed person.';
  report({ range: who.range, message: `${role} \`${who.value}\` is not in the people directory ${directory}${hint}`, fixes });
}

/** Replaces the name inside its range, keeping YAML quotes around it; quotes the new id when YAML needs it. */
function replaceWritten(memo: MemoModel, who: Located<string>, id: string, inYaml: boolean) {
  const start = memo.lines.offsetAt(who.range.start);
  const written = memo.text.slice(start, memo.lines.offsetAt(who.range.end));
  const at = written.indexOf(who.value);
  const quoted = at > 0 && /["']/.test(written[at - 1]!);
  if (at < 0) return { range: who.range, newText: id };
  const newText = inYaml && !quoted && !PLAIN_SAFE.test(id) ? JSON.stringify(id) : id;
  return { range: memo.lines.rangeOf(start + at, start + at + who.value.length), newText };
}
