import { ownCopy } from '../text/detached';
import type { MemoModel } from '../memo/memoModel';
import { countsAsSubject, forEachConcept } from './concepts';
import { wordFacts, words } from './language';

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

/** `weightsOnly`: the weights alone (what the index keeps), without the surfaces and sequences only ranking reads. */
function computeTerms(memo: MemoModel, weightsOnly = false): MemoTerms {
  const acc: MemoTerms = { weights: new Map(), surface: new Map(), sequences: [] };
  if (memo.title) addText(acc, memo.title.value, TITLE_WEIGHT, weightsOnly);
  for (const line of memo.prose) addText(acc, line.text, line.mention ? MENTION_WEIGHT : 1, weightsOnly);
  return acc;
}

// Scratch space for one line at a time (`addText` runs for every line of every memo): the stems
// when only weights are wanted, and which words may still count as plain terms.
const lineStems: string[] = [];
let plainAt = new Uint8Array(256);

/** Adds one line of text to a term accumulator: its subjects first, then the words no subject phrase claimed. */
function addText(acc: MemoTerms, text: string, weight: number, weightsOnly: boolean): void {
  const ws = words(text);
  const n = ws.length;
  if (n === 0) return;
  const stems = weightsOnly ? lineStems : new Array<string>(n);
  if (plainAt.length < n) plainAt = new Uint8Array(Math.max(n, plainAt.length * 2));
  for (let i = 0; i < n; i++) {
    const facts = wordFacts(ws[i]!);
    stems[i] = facts.stem;
    plainAt[i] = facts.term ? 1 : 0;
  }
  if (!weightsOnly) acc.sequences.push(stems);
  forEachConcept(stems, n, (concept, at, length) => {
    plainAt.fill(0, at, at + length);
    if (!countsAsSubject(concept)) return;
    const term = conceptTerm(concept);
    add(acc, term, weight);
    if (!weightsOnly && !acc.surface.has(term)) acc.surface.set(term, ws.slice(at, at + length).join(' '));
  });
  for (let i = 0; i < n; i++) {
    if (plainAt[i] === 0) continue;
    const term = stems[i]!;
    add(acc, term, weight);
    if (!weightsOnly && !acc.surface.has(term)) acc.surface.set(term, ws[i]!);
  }
}

function add(acc: MemoTerms, term: string, weight: number): void {
  acc.weights.set(term, (acc.weights.get(term) ?? 0) + weight);
}

/** The memo's heaviest terms, heaviest first: what the workspace index keeps of it for relevance. */
export function keyTerms(memo: MemoModel): string[] {
  // A memo indexed and dropped (a closed file, a large check) never ranks: its weights suffice.
  const weights = (cache.get(memo) ?? computeTerms(memo, true)).weights;
  return [...weights]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, KEY_TERMS)
    .map(([term]) => intern(term));
}

// Thousands of memos share the same few thousand terms: keep one string of each.
const interned = new Map<string, string>();
function intern(term: string): string {
  let s = interned.get(term);
  if (s === undefined) {
    if (interned.size > 200_000) interned.clear();
    // A copy: the first memo's substring would keep that memo's whole text alive.
    interned.set(term, (s = ownCopy(term)));
  }
  return s;
}
