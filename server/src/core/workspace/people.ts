import type { MemoIndex } from './memoIndex';
import { LineIndex, stripBom } from '../text/lineIndex';
import type { Range } from '../types';
import { dateProblem } from '../dates';
import { getEntry, parseYaml, scalarText, type YamlProblem, type YamlValue } from '../yaml/yamlTree';

export interface Person {
  id: string;
  name: string | undefined;
  email: string | undefined;
  /** The first of `roles`, as written. */
  role: string | undefined;
  /** Every role the person holds (`role: [team-lead, architecture-review]`). */
  roles: string[];
  /** The team the person belongs to (a dependency may be owned by a team). */
  team: string | undefined;
  /** `status: left`, or the date of `left:`: see `hasLeft`. */
  status: 'active' | 'left' | undefined;
  left: string | undefined;
  range: Range;
}

/** A person known by an id alone (a plain entry, a CODEOWNERS handle). */
export function personWithId(id: string, range: Range): Person {
  return { id, name: undefined, email: undefined, role: undefined, roles: [], team: undefined, status: undefined, left: undefined, range };
}

/** Whether the person has left by `today`: `status: left`, or a `left:` date on or before it. */
export function hasLeft(person: Person, today: string): boolean {
  return person.status === 'left' || (person.left !== undefined && person.left <= today);
}

/** Roles compare without case, spaces or punctuation: `Platform lead` holds `platform-lead`. */
export function roleKey(role: string): string {
  return role.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

export interface PeopleDirectory {
  file: string;
  people: Person[];
  problems: YamlProblem[];
}

/** Reads `people.yaml`: a list of ids, or of maps with `id` and optional `name`, `email`, `role`. */
export function parsePeople(file: string, rawText: string): PeopleDirectory {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const parsed = parseYaml(text, lines);
  const problems = [...parsed.problems];
  const root = parsed.root?.kind === 'map' ? getEntry(parsed.root, 'people')?.value : parsed.root;
  const people: Person[] = [];
  if (root && root.kind !== 'seq') problems.push({ message: 'people.yaml is a list of people (ids, or maps with `id`).', range: root.range, severity: 'error' });
  for (const item of root?.kind === 'seq' ? root.items : []) {
    if (item.kind === 'scalar') {
      const id = scalarText(item);
      if (id !== undefined) people.push(personWithId(id, item.range));
    } else if (item.kind === 'map') {
      const id = scalarText(getEntry(item, 'id')?.value);
      if (id === undefined) {
        problems.push({ message: 'This person has no `id`.', range: item.range, severity: 'error' });
        continue;
      }
      const field = (k: string) => scalarText(getEntry(item, k)?.value);
      const roles = roleList(getEntry(item, 'role')?.value);
      people.push({ id, name: field('name'), email: field('email'), role: roles[0], roles, team: field('team'), ...departure(item, problems), range: item.range });
    } else problems.push({ message: 'A person is an id or a map with `id`.', range: item.range, severity: 'error' });
  }
  return { file, people, problems };
}

function roleList(value: YamlValue | undefined): string[] {
  if (!value) return [];
  const items = value.kind === 'seq' ? value.items : [value];
  return items.map((v) => scalarText(v)?.trim()).filter((r): r is string => r !== undefined && r !== '');
}

/** `status: active | left` and `left: YYYY-MM-DD`; anything else is reported and read as active. */
function departure(item: Extract<YamlValue, { kind: 'map' }>, problems: YamlProblem[]): Pick<Person, 'status' | 'left'> {
  const statusValue = getEntry(item, 'status')?.value;
  const statusText = scalarText(statusValue)?.trim().toLowerCase();
  let status: Person['status'];
  if (statusText === 'active' || statusText === 'left') status = statusText;
  else if (statusText && statusValue) problems.push({ message: `\`status\` is \`active\` or \`left\`, not \`${statusText}\`.`, range: statusValue.range, severity: 'warning' });
  const leftValue = getEntry(item, 'left')?.value;
  const leftText = scalarText(leftValue)?.trim();
  let left: string | undefined;
  if (leftText && leftValue) {
    const problem = dateProblem(leftText, '`left`');
    if (problem === undefined) left = leftText;
    else problems.push({ message: problem, range: leftValue.range, severity: 'warning' });
  }
  return { status, left };
}

// Per directory: each lower-cased id, email and name to the first person holding it. A search
// per lookup made a memo listing thousands of owners cost owners × people comparisons.
const lookupCache = new WeakMap<PeopleDirectory, Map<string, Person>>();

function lookupOf(directory: PeopleDirectory): Map<string, Person> {
  let lookup = lookupCache.get(directory);
  if (!lookup) {
    lookup = new Map();
    for (const p of directory.people) {
      // A CODEOWNERS handle (`@ana`) is found as `ana` too: owners write either.
      for (const key of [p.id, p.id.replace(/^@/, ''), p.email, p.name]) if (key !== undefined && !lookup.has(key.toLowerCase())) lookup.set(key.toLowerCase(), p);
    }
    lookupCache.set(directory, lookup);
  }
  return lookup;
}

/** Finds a person by id or email (case-insensitive), or by an exact display name. */
export function findPerson(directory: PeopleDirectory, who: string): Person | undefined {
  const w = who.trim().toLowerCase();
  const lookup = lookupOf(directory);
  // Without the `@` first: `@ana` is the directory's `ana` (with her roles) before the bare
  // CODEOWNERS handle that joins the directory after its own people.
  return lookup.get(w.replace(/^@/, '')) ?? lookup.get(w);
}

/**
 * The directory's people who have not left by `today`, those who own the most memos first (then
 * in directory order): what owner fixes offer.
 */
export function rankedPeople(directory: PeopleDirectory, memos: MemoIndex, today: string): Person[] {
  // Asked once per memo with an owner problem: computed once per state of the index.
  const cached = rankings.get(directory);
  if (cached && cached.memos === memos && cached.version === memos.version && cached.today === today) return cached.people;
  const owned = new Map<Person, number>();
  for (const [owner, n] of memos.ownerCounts) {
    const p = findPerson(directory, owner);
    if (p) owned.set(p, (owned.get(p) ?? 0) + n);
  }
  const people = directory.people
    .map((p, i) => ({ p, i, n: owned.get(p) ?? 0 }))
    .filter((x) => !hasLeft(x.p, today))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.p);
  rankings.set(directory, { memos, version: memos.version, today, people });
  return people;
}

const rankings = new WeakMap<PeopleDirectory, { memos: MemoIndex; version: number; today: string; people: Person[] }>();
