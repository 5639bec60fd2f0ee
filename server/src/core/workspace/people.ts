import type { MemoIndex } from './memoIndex';
import { LineIndex, stripBom } from '../text/lineIndex';
import type { Range } from '../types';
import { getEntry, parseYaml, scalarText, type YamlProblem } from '../yaml/yamlTree';

export interface Person {
  id: string;
  name: string | undefined;
  email: string | undefined;
  role: string | undefined;
  /** The team the person belongs to (a dependency may be owned by a team). */
  team: string | undefined;
  range: Range;
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
      if (id !== undefined) people.push({ id, name: undefined, email: undefined, role: undefined, team: undefined, range: item.range });
    } else if (item.kind === 'map') {
      const id = scalarText(getEntry(item, 'id')?.value);
      if (id === undefined) {
        problems.push({ message: 'This person has no `id`.', range: item.range, severity: 'error' });
        continue;
      }
      const field = (k: string) => scalarText(getEntry(item, k)?.value);
      people.push({ id, name: field('name'), email: field('email'), role: field('role'), team: field('team'), range: item.range });
    } else problems.push({ message: 'A person is an id or a map with `id`.', range: item.range, severity: 'error' });
  }
  return { file, people, problems };
}

// Per directory: each lower-cased id, email and name to the first person holding it. A search
// per lookup made a memo listing thousands of owners cost owners × people comparisons.
const lookupCache = new WeakMap<PeopleDirectory, Map<string, Person>>();

function lookupOf(directory: PeopleDirectory): Map<string, Person> {
  let lookup = lookupCache.get(directory);
  if (!lookup) {
    lookup = new Map();
    for (const p of directory.people) {
      for (const key of [p.id, p.email, p.name]) if (key !== undefined && !lookup.has(key.toLowerCase())) lookup.set(key.toLowerCase(), p);
    }
    lookupCache.set(directory, lookup);
  }
  return lookup;
}

/** Finds a person by id or email (case-insensitive), or by an exact display name. */
export function findPerson(directory: PeopleDirectory, who: string): Person | undefined {
  const w = who.trim().replace(/^@/, '').toLowerCase();
  return lookupOf(directory).get(w);
}

/** The directory's people, those who own the most memos first (then in directory order): what owner fixes offer. */
export function rankedPeople(directory: PeopleDirectory, memos: MemoIndex): Person[] {
  // Asked once per memo with an owner problem: computed once per state of the index.
  const cached = rankings.get(directory);
  if (cached && cached.memos === memos && cached.version === memos.version) return cached.people;
  const owned = new Map<Person, number>();
  for (const [owner, n] of memos.ownerCounts) {
    const p = findPerson(directory, owner);
    if (p) owned.set(p, (owned.get(p) ?? 0) + n);
  }
  const people = directory.people.map((p, i) => ({ p, i, n: owned.get(p) ?? 0 })).sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.p);
  rankings.set(directory, { memos, version: memos.version, people });
  return people;
}

const rankings = new WeakMap<PeopleDirectory, { memos: MemoIndex; version: number; people: Person[] }>();
