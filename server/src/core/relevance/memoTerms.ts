import { ownCopy } from '../text/detached';
import type { MemoModel } from '../memo/memoModel';
import { countsAsSubject, forEachConcept, phrasesStartingWith, type SubjectPhrase } from './concepts';
import { wordFacts } from './language';
import { scanWords, WordTable, type WordSpans } from './lineWords';

// What a memo talks about, as weighted terms: the stems of its title and prose (stop words left
// out), and the subjects its phrases name (`@latency` for "p99 went from 180 to 260 ms"). The
// title counts double; a short list item or table row (an agenda, a list of existing charts)
// counts for little, because naming a thing is not weighing it.

const TITLE_WEIGHT = 2;
const MENTION_WEIGHT = 0.25;
/** How many of a memo's terms the workspace remembers (what its citations teach, how common a term is). */
export const KEY_TERMS = 60;

/** A subject term (from the concept lexicon) is written `@subject`. */
export const conceptTerm = (concept: string) => `@${concept}`;

export interface MemoTerms {
  /** Term → weight (occurrences, weighted by where they stand). */
  weights: Map<string, number>;
  /** Term → the word the memo first used for it (messages show words, not stems). */
  surface: Map<string, string>;
  /** The stems of every word in order, stop words included, line by line (phrases are matched on these). */
  sequences: string[][];
}

const cache = new WeakMap<MemoModel, MemoTerms>();

/** A memo's terms, computed once per parsed memo (a model never changes once parsed). */
export function memoTerms(memo: MemoModel): MemoTerms {
  let t = cache.get(memo);
  if (!t) cache.set(memo, (t = computeTerms(memo)));
  return t;
}

/** Everything ranking reads of a memo's terms (`keyTerms` counts the weights alone). */
function computeTerms(memo: MemoModel): MemoTerms {
  const acc: MemoTerms = { weights: new Map(), surface: new Map(), sequences: [] };
  countTerms(memo, acc, false);
  // The weights in the order the memo first used each term, as a map built term by term would hold them.
  for (const id of touched) acc.weights.set(termNames[id]!, weightOf[id]!);
  clearCounts();
  return acc;
}

/** Counts a memo's terms into `weightOf` / `touched` (and its surfaces and sequences into `acc`, unless `weightsOnly`). */
function countTerms(memo: MemoModel, acc: MemoTerms, weightsOnly: boolean): void {
  // Left over only if a count was cut short by an error: no memo may start with another's weights.
  clearCounts();
  if (termNames.length > MAX_TERMS) forgetTerms();
  if (memo.title) addText(acc, memo.title.value, TITLE_WEIGHT, weightsOnly);
  for (const line of memo.prose) addText(acc, line.text, line.mention ? MENTION_WEIGHT : 1, weightsOnly);
}

// Counting is the inner loop of every index and every check (each word of each memo), so a term
// is a number: each word seen before is found in place in its line (lineWords.ts) with its stem,
// its term's number and the subject phrases it may start, and a memo's weights add up in an
// array rather than a map. Thousands of memos share the same few thousand terms, so the table
// also gives every memo one shared string per term (a copy: a memo's substring would keep that
// memo's whole text alive). It is forgotten between memos when it grows too large.
const MAX_TERMS = 200_000;
const termIds = new Map<string, number>();
const termNames: string[] = [];

interface KnownWord {
  readonly word: string;
  readonly stem: string;
  /** Its term's number when it can weigh on its own; -1 for a function word or a number. */
  readonly id: number;
  readonly phrases: readonly SubjectPhrase[] | undefined;
}

const knownWords = new WordTable<KnownWord>((word) => {
  const facts = wordFacts(word);
  return { word, stem: facts.stem, id: facts.term ? termIdOf(facts.stem) : -1, phrases: phrasesStartingWith(facts.stem) };
});
const conceptIds = new Map<string, number>();
let weightOf = new Float64Array(1024);
/** The terms the memo being counted has used, in first-use order. */
const touched: number[] = [];

function forgetTerms(): void {
  termIds.clear();
  termNames.length = 0;
  knownWords.clear();
  conceptIds.clear();
}

function termIdOf(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termNames.length;
    termNames.push(ownCopy(term));
    termIds.set(term, id);
  }
  return id;
}

function conceptIdOf(concept: string): number {
  let id = conceptIds.get(concept);
  if (id === undefined) conceptIds.set(concept, (id = termIdOf(conceptTerm(concept))));
  return id;
}

function clearCounts(): void {
  for (const id of touched) weightOf[id] = 0;
  touched.length = 0;
}

// Scratch space for one line at a time (`addText` runs for every line of every memo): its word
// spans, its words, their stems when only weights are wanted, the phrases each may start, and
// the term each word may still count as (-1: none, or claimed by a subject phrase).
const spans: WordSpans = { starts: new Int32Array(256), ends: new Int32Array(256), count: 0 };
let lineWords: KnownWord[] = [];
const lineStems: string[] = [];
const linePhrases: (readonly SubjectPhrase[] | undefined)[] = [];
let plainTerm = new Int32Array(256);

/** Adds one line of text to a term accumulator: its subjects first, then the words no subject phrase claimed. */
function addText(acc: MemoTerms, text: string, weight: number, weightsOnly: boolean): void {
  const lower = text.toLowerCase();
  scanWords(lower, spans);
  const n = spans.count;
  if (n === 0) return;
  const stems = weightsOnly ? lineStems : new Array<string>(n);
  if (plainTerm.length < n) plainTerm = new Int32Array(Math.max(n, plainTerm.length * 2));
  for (let i = 0; i < n; i++) {
    const known = knownWords.get(lower, spans.starts[i]!, spans.ends[i]!);
    lineWords[i] = known;
    stems[i] = known.stem;
    linePhrases[i] = known.phrases;
    plainTerm[i] = known.id;
  }
  if (!weightsOnly) acc.sequences.push(stems);
  forEachConcept(
    stems,
    n,
    (concept, at, length) => {
      plainTerm.fill(-1, at, at + length);
      if (!countsAsSubject(concept)) return;
      const id = conceptIdOf(concept);
      if (add(id, weight) && !weightsOnly) acc.surface.set(termNames[id]!, surfaceOf(at, length));
    },
    linePhrases,
  );
  for (let i = 0; i < n; i++) {
    const id = plainTerm[i]!;
    if (id < 0) continue;
    if (add(id, weight) && !weightsOnly) acc.surface.set(termNames[id]!, lineWords[i]!.word);
  }
  // The words are the table's: the scratch must not keep a forgotten table's alive.
  if (lineWords.length > 4096) lineWords = [];
}

/** The words of the current line from `at`, as the memo wrote them (lower-cased). */
function surfaceOf(at: number, length: number): string {
  const out: string[] = [];
  for (let k = at; k < at + length; k++) out.push(lineWords[k]!.word);
  return out.join(' ');
}

/** Adds weight to a term; true when the memo uses it for the first time. */
function add(id: number, weight: number): boolean {
  if (id >= weightOf.length) {
    const grown = new Float64Array(Math.max(id + 1, weightOf.length * 2));
    grown.set(weightOf);
    weightOf = grown;
  }
  const before = weightOf[id]!;
  if (before === 0) touched.push(id);
  weightOf[id] = before + weight;
  return before === 0;
}

/** The memo's heaviest terms, heaviest first (ties by term): what the workspace index keeps of it for relevance. */
export function keyTerms(memo: MemoModel): string[] {
  const known = cache.get(memo);
  if (known) {
    return [...known.weights]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, KEY_TERMS)
      .map(([term]) => term);
  }
  // A memo indexed and dropped (a closed file, a large check) never ranks: its weights suffice,
  // and they are read straight from the counts.
  countTerms(memo, { weights: new Map(), surface: new Map(), sequences: [] }, true);
  let ids = touched;
  if (ids.length > KEY_TERMS) {
    // Only the terms at least as heavy as the KEY_TERMS-th heaviest can make the cut.
    const sorted = Float64Array.from(ids, (id) => weightOf[id]!).sort();
    const least = sorted[sorted.length - KEY_TERMS]!;
    ids = ids.filter((id) => weightOf[id]! >= least);
  } else {
    ids = [...ids];
  }
  const byName = (a: number, b: number) => (termNames[a]! < termNames[b]! ? -1 : 1);
  const heaviest = ids
    .sort((a, b) => weightOf[b]! - weightOf[a]! || byName(a, b))
    .slice(0, KEY_TERMS)
    .map((id) => termNames[id]!);
  clearCounts();
  return heaviest;
}
