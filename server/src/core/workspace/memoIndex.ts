import { detached } from '../text/detached';
import { countedArtifacts, reversibilityOf } from '../evidence/evidenceEntries';
import { type MemoModel } from '../memo/memoModel';
import { awaitsDecision, isPauseRow, reviewDues, reviewedOn } from '../memo/method';
import { keyTerms } from '../relevance/memoTerms';
import { triggerFacts } from '../authority/memoAuthority';
import type { Located, Range } from '../types';
import { DECIDING_STATUSES, type MemoStatus, type Reversibility } from '../../shared/vocabulary';

/** What the workspace remembers of a memo that is not open: enough for cross-memo rules, navigation and the audit. */
export interface MemoSummary {
  file: string;
  id: string;
  idRange: Range;
  title: string | undefined;
  status: MemoStatus | undefined;
  date: string | undefined;
  owners: string[];
  /** Unique tenet ids the memo cites (front matter and inline). */
  cited: string[];
  /** Tenets the memo judged ✗. */
  conflicts: string[];
  supersedes: Located<string>[];
  /** From `superseded-by:` and from a MADR `superseded by X` status. */
  supersededBy: Located<string>[];
  reversibility: Reversibility | undefined;
  evidenceCount: number;
  hasFrontMatter: boolean;
  /** The memo's heaviest relevance terms: what its citations teach, and how common a term is across memos. */
  keyTerms: string[];
  /** What the method's structures say, for the audit (absent when the memo has nothing of it). */
  method?: MethodFacts;
  /** What the authority matrix reads of the memo, for the audit (absent when it names no `decision-type`). */
  authority?: AuthorityFacts;
}

/**
 * A memo's side of the escalation questions: its type as written, and the facts triggers read
 * (`triggerFacts`; the reversibility is the summary's own). The audit applies the matrix's triggers
 * to these as `escalation-required` does to the memo, so the two never disagree.
 */
interface AuthorityFacts {
  decisionType: string;
  /** `impact` as trigger keys. */
  impact: string[];
  /** `spend` as an amount (undefined when absent or not one). */
  spend: number | undefined;
  approvers: string[];
}

/** The figures of the method a memo contributes to the audit. */
interface MethodFacts {
  /** Review dates: `review-by` and stage gates. */
  dues: { due: string; source: 'review-by' | 'stage gate' }[];
  reviewed: string | undefined;
  scorecardsWithoutPause: number;
  /** A costly or one-way deciding memo with a claim and no `Invalidated if:`. */
  claimWithoutInvalidation: boolean;
  /** Evidence log rows whose decision is empty, a blank, pending, open or tbd. */
  awaitingDecision: number;
}

/**
 * The counts an index keeps of its memos (key terms, citing memos' terms, owners) as plain data:
 * what a check's other thread needs of memos it does not hold in full (`addCounts`).
 */
export interface IndexCounts {
  terms: [term: string, memos: number][];
  teaching: [tenetId: string, memos: number, terms: [term: string, memos: number][]][];
  owners: [owner: string, memos: number][];
}

/**
 * What a check reads of a memo other than the one it checks: its id and where, its status, owners
 * and citations (counted), its supersede links. Title, date, method and authority facts and key
 * terms are for the audit, navigation and the counts; a check of many memos keeps this much of
 * each (`MemoIndex.keepOnlyWhatChecksRead`), about a third of a summary's memory. Values many
 * memos share (a status, an owner, a list of owners or citations, where the id stands) are kept
 * once (`Interner`).
 */
export function forChecking(s: MemoSummary, shared: Interner = new Interner()): MemoSummary {
  return {
    file: s.file,
    id: s.id,
    idRange: shared.range(s.idRange),
    title: undefined,
    status: s.status === undefined ? undefined : (shared.string(s.status) as MemoStatus),
    date: undefined,
    owners: shared.list(s.owners),
    cited: shared.list(s.cited),
    conflicts: NONE,
    supersedes: sharedList(s.supersedes),
    supersededBy: sharedList(s.supersededBy),
    reversibility: undefined,
    evidenceCount: 0,
    hasFrontMatter: s.hasFrontMatter,
    keyTerms: NONE,
  };
}

// Most memos link to nothing and judge no tenet: one empty list stands for all of theirs (tens of
// thousands of empty arrays are megabytes). Frozen, so a slip that pushes to one fails loudly.
const NONE: never[] = Object.freeze([]) as unknown as never[];
function sharedList<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list;
}

/**
 * One copy of each value entries kept `forChecking` share: at 50,000 memos a thread otherwise
 * holds 50,000 copies of "accepted", of the id's range and of the common owner lists. What it
 * hands out is frozen, as `NONE` is: entries are read, never written.
 */
class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly ranges = new Map<string, Range>();

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  list(values: string[]): string[] {
    if (values.length === 0) return NONE;
    const key = values.join('\n');
    const known = this.lists.get(key);
    if (known) return known;
    const list = Object.freeze(values.map((v) => this.string(v))) as string[];
    this.lists.set(key, list);
    return list;
  }

  range(r: Range): Range {
    const key = `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    const known = this.ranges.get(key);
    if (known) return known;
    const range = Object.freeze({ start: Object.freeze({ ...r.start }), end: Object.freeze({ ...r.end }) });
    this.ranges.set(key, range);
    return range;
  }
}

/** What the memos citing one tenet say: how many there are and how many of them use each term. */
export interface TeachingProfile {
  memos: number;
  terms: Map<string, number>;
}

export function summarise(memo: MemoModel): MemoSummary {
  // Detached: the index outlives the memo's text, which its substrings would otherwise keep. Key
  // terms are shared strings that own their characters already (memoTerms.ts): not copied.
  const summary: MemoSummary = detached({
    file: memo.file,
    id: memo.id.value,
    idRange: memo.id.range,
    title: memo.title?.value,
    status: memo.statusValue,
    date: memo.date?.value,
    owners: memo.owners.map((o) => o.value),
    cited: [...new Set(memo.citations.map((c) => c.id))],
    conflicts: [...new Set(memo.verdicts.filter((v) => v.verdict === 'conflicts').map((v) => v.id))],
    supersedes: memo.supersedes,
    supersededBy: memo.statusSupersededBy ? [...memo.supersededBy, memo.statusSupersededBy] : memo.supersededBy,
    reversibility: reversibilityOf(memo),
    // Counted as the evidence rules count, so the audit agrees with the diagnostics.
    evidenceCount: countedArtifacts(memo).length,
    hasFrontMatter: memo.frontMatter !== undefined,
    keyTerms: [],
    ...methodFacts(memo),
    ...authorityFacts(memo),
  });
  summary.keyTerms = keyTerms(memo);
  return summary;
}

function authorityFacts(memo: MemoModel): { authority?: AuthorityFacts } {
  if (!memo.decisionType) return {};
  const { impact, spend } = triggerFacts(memo);
  return { authority: { decisionType: memo.decisionType.value, impact, spend, approvers: memo.approver.map((a) => a.value) } };
}

function methodFacts(memo: MemoModel): { method?: MethodFacts } {
  const s = memo.structures;
  const dues = reviewDues(memo).map(({ due, source }) => ({ due, source }));
  const reversibility = reversibilityOf(memo);
  const claimWithoutInvalidation =
    (reversibility === 'costly' || reversibility === 'one-way') && memo.statusValue !== undefined && DECIDING_STATUSES.includes(memo.statusValue) && memo.claims.length > 0 && s.invalidations.length === 0;
  const scorecardsWithoutPause = s.scorecards.filter((sc) => sc.signals && sc.signals.rows.length > 0 && !sc.signals.rows.some((r) => isPauseRow(sc.signals!, r))).length;
  let awaitingDecision = 0;
  for (const log of s.logs) if (log.table) awaitingDecision += log.table.rows.filter((r) => awaitsDecision(log.table!, r)).length;
  const reviewed = reviewedOn(memo);
  if (dues.length === 0 && !reviewed && !claimWithoutInvalidation && scorecardsWithoutPause === 0 && awaitingDecision === 0) return {};
  return { method: { dues, reviewed, scorecardsWithoutPause, claimWithoutInvalidation, awaitingDecision } };
}

/**
 * Every memo of the workspace by file and by id; updated one file at a time. Lookups the rules
 * make for each memo (by id, by link target) are map reads, so checking n memos stays O(n).
 */
export class MemoIndex {
  private readonly byFile = new Map<string, MemoSummary>();
  private readonly byId: FilesByKey = new Map();
  /** Files whose `supersedes`/`superseded-by` name an id. */
  private readonly byLinkTarget: FilesByKey = new Map();
  private sorted: MemoSummary[] | undefined;
  /** Key term → how many memos have it among their key terms (how undistinctive it is). */
  private readonly termMemos = new Map<string, number>();
  /** Tenet id → what the memos citing it say. */
  private readonly teaching = new Map<string, TeachingProfile>();
  /** How many memos name each owner (as written). */
  private readonly ownerMemos = new Map<string, number>();
  /** Bumped on every change: a cache of something derived from the index compares it. */
  private changes = 0;
  /** Entries are kept `forChecking` (`keepOnlyWhatChecksRead`). */
  private checkingOnly = false;
  /** What entries kept `forChecking` share. */
  private readonly shared = new Interner();

  set(summary: MemoSummary): void {
    this.delete(summary.file);
    this.countTerms(summary, 1);
    this.enter(this.checkingOnly ? forChecking(summary, this.shared) : summary);
  }

  /**
   * Enters a memo whose terms and owners were counted elsewhere (another thread's `counts`, added
   * with `addCounts`): it is only looked up. For a file the index does not hold yet.
   */
  setCounted(entry: MemoSummary): void {
    this.unenter(entry.file);
    this.enter(this.checkingOnly ? forChecking(entry, this.shared) : entry);
  }

  /**
   * From now on, only what a check reads is kept of each memo (`forChecking`); the counts are made
   * from the whole summary first, so relevance weighs terms as with full entries. For the CLI's
   * check of a whole workspace, which asks nothing else of the index. A memo replaced afterwards
   * has its new terms counted but its old ones not taken off (they were not kept): a check replaces
   * a memo only when its file changed between the passes.
   */
  keepOnlyWhatChecksRead(): void {
    this.checkingOnly = true;
    for (const [file, s] of this.byFile) this.byFile.set(file, forChecking(s, this.shared));
    this.sorted = undefined;
  }

  /** The index's counts as plain data (`IndexCounts`). */
  counts(): IndexCounts {
    return {
      terms: [...this.termMemos],
      teaching: [...this.teaching].map(([id, p]) => [id, p.memos, [...p.terms]]),
      owners: [...this.ownerMemos],
    };
  }

  /** Adds counts made by another index, of memos entered here with `setCounted`. */
  addCounts(counts: IndexCounts): void {
    for (const [t, n] of counts.terms) bump(this.termMemos, t, n);
    for (const [o, n] of counts.owners) bump(this.ownerMemos, o, n);
    for (const [id, memos, terms] of counts.teaching) {
      let p = this.teaching.get(id);
      if (!p) this.teaching.set(id, (p = { memos: 0, terms: new Map() }));
      p.memos += memos;
      for (const [t, n] of terms) bump(p.terms, t, n);
    }
    this.changes++;
  }

  /** Replaces the counts with these (the whole workspace's, when this index holds part of it counted). */
  replaceCounts(counts: IndexCounts): void {
    this.termMemos.clear();
    this.ownerMemos.clear();
    this.teaching.clear();
    this.addCounts(counts);
  }

  private enter(entry: MemoSummary): void {
    this.byFile.set(entry.file, entry);
    addTo(this.byId, entry.id, entry.file);
    for (const target of linkTargets(entry)) addTo(this.byLinkTarget, target, entry.file);
    this.sorted = undefined;
    this.changes++;
  }

  /** Takes a memo's entry out of the lookups (not out of the counts). */
  private unenter(file: string): MemoSummary | undefined {
    const old = this.byFile.get(file);
    if (!old) return undefined;
    this.byFile.delete(file);
    removeFrom(this.byId, old.id, file);
    for (const target of linkTargets(old)) removeFrom(this.byLinkTarget, target, file);
    this.sorted = undefined;
    this.changes++;
    return old;
  }

  delete(file: string): boolean {
    const old = this.unenter(file);
    if (!old) return false;
    this.countTerms(old, -1);
    return true;
  }

  /** A number that changes whenever a memo is added, replaced or removed. */
  get version(): number {
    return this.changes;
  }

  /** How many memos name each owner, as written (`priya`, `priya@example.com`). */
  get ownerCounts(): ReadonlyMap<string, number> {
    return this.ownerMemos;
  }

  /** In how many memos a term is among the key terms. */
  memosWithTerm(term: string): number {
    return this.termMemos.get(term) ?? 0;
  }

  /** What the memos citing a tenet say (undefined when none cites it). */
  taught(tenetId: string): TeachingProfile | undefined {
    return this.teaching.get(tenetId);
  }

  private countTerms(s: MemoSummary, delta: 1 | -1): void {
    for (const o of new Set(s.owners)) bump(this.ownerMemos, o, delta);
    for (const t of s.keyTerms) bump(this.termMemos, t, delta);
    for (const id of s.cited) {
      let p = this.teaching.get(id);
      if (!p) this.teaching.set(id, (p = { memos: 0, terms: new Map() }));
      p.memos += delta;
      for (const t of s.keyTerms) bump(p.terms, t, delta);
      if (p.memos <= 0) this.teaching.delete(id);
    }
  }

  get(file: string): MemoSummary | undefined {
    return this.byFile.get(file);
  }

  /** Memos with this id, in file order (more than one is a duplicate). */
  withId(id: string): MemoSummary[] {
    return this.filesToSummaries(this.byId.get(id));
  }

  /** Every memo, in file order. The array is shared: do not modify it. */
  get all(): MemoSummary[] {
    this.sorted ??= [...this.byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return this.sorted;
  }

  get size(): number {
    return this.byFile.size;
  }

  /** Memos that cite a tenet. */
  citing(tenetId: string): MemoSummary[] {
    return this.all.filter((m) => m.cited.includes(tenetId));
  }

  /** Memos that name `id` in `supersedes` or `superseded-by`: whose diagnostics change when `id` changes. */
  linkedTo(id: string): MemoSummary[] {
    return this.filesToSummaries(this.byLinkTarget.get(id));
  }

  private filesToSummaries(files: string | Set<string> | undefined): MemoSummary[] {
    if (files === undefined) return [];
    if (typeof files === 'string') return [this.byFile.get(files)!];
    return [...files].sort().map((f) => this.byFile.get(f)!);
  }
}

function linkTargets(m: MemoSummary): Set<string> {
  return new Set([...m.supersedes, ...m.supersededBy].map((l) => l.value));
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}

/**
 * Key → the files that have it. Nearly every key (a memo id) has one file: it is kept as the
 * string itself, and a Set only once a second file shares the key. A Set per memo id cost about
 * 300 bytes per memo, the largest part of a large check's index.
 */
type FilesByKey = Map<string, string | Set<string>>;

function addTo(map: FilesByKey, key: string, file: string): void {
  const files = map.get(key);
  if (files === undefined || files === file) map.set(key, file);
  else if (typeof files === 'string') map.set(key, new Set([files, file]));
  else files.add(file);
}

function removeFrom(map: FilesByKey, key: string, file: string): void {
  const files = map.get(key);
  if (files === file) map.delete(key);
  else if (typeof files === 'object') {
    files.delete(file);
    if (files.size === 1) map.set(key, files.values().next().value!);
    else if (files.size === 0) map.delete(key);
  }
}
