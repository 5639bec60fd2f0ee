import type { MemoModel } from '../memo/memoModel';
import type { TenetDefinition } from '../tenets/tenetModel';

// How relevant a tenet is to a memo, from words alone (no network, no model):
//   - the tenet's terms are its tags (weight 3), the words of its title (2) and of its
//     statement (1), without stop words: function words, the words every tenet shares
//     (when, choose, conflict…) and generic words that name no trade-off (problem, people,
//     team, time, decision, change…);
//   - a term counts when the memo's title or prose contains it (plural -s folded);
//   - repetition has diminishing returns: a term used n times adds
//     weight × (1 + 0.5 × min(n − 1, 2)), so once = 1×, twice = 1.5×, three or more times = 2×.
// A tenet is "strongly relevant" (the hint) at a score of 8 or more from at least two distinct
// terms, at least one of them a tag when the tenet has tags. So one tag, however often it is
// repeated (at most 6), needs a second term of real weight: another tag, a title word, or a
// statement word used three times. The thresholds are deliberately high: a hint that fires on
// a memo that does not need the tenet teaches users to ignore it.

const STOP = new Set(
  [
    // Function words.
    'the and for with that this are was were will would should could our ours your their there them they then than when where which while who whom why how what into onto from over under because choose chose choosing prefer more less most least not but all any each every one two can may must its has have had been being also only such very just use used using about across after before between both does done make makes made need needs like other some same see too via within without',
    // The tenet sentence shape: every statement has them, so they tell tenets apart from nothing.
    'conflict conflicts',
    // Generic words that carry no trade-off: common in any memo, they match any tenet that uses them.
    'problem problems never always often people person user users another answer answers team teams work works working time times first second new way ways case cases thing things place ones whatever decision decisions decide decided memo memos tenet tenets change changes',
    'cannot able want get keep leave open once off inside below above behind further few much many still even well here now already good better worse',
  ]
    .join(' ')
    .split(' '),
);

const RELEVANT_SCORE = 8;
const RELEVANT_TERMS = 2;

function stem(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** A word's term, or undefined for a stop word (checked before and after folding the plural). */
function term(word: string): string | undefined {
  if (STOP.has(word)) return undefined;
  const s = stem(word);
  return STOP.has(s) ? undefined : s;
}

function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? []) {
    const t = w.length > 2 ? term(w) : undefined;
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** What a term used `n` times adds: its weight, plus half of it for each of up to two repeats. */
function termScore(weight: number, n: number): number {
  return weight * (1 + 0.5 * Math.min(n - 1, 2));
}

export interface Relevance {
  tenet: TenetDefinition;
  score: number;
  matched: string[];
  tagMatched: boolean;
}

/** Term frequencies of a memo's words, computed once per memo. */
export function memoTermCounts(memo: MemoModel): Map<string, number> {
  let counts = countsOfMemo.get(memo);
  if (counts) return counts;
  counts = new Map<string, number>();
  for (const w of memo.words) {
    const t = term(w);
    if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  countsOfMemo.set(memo, counts);
  return counts;
}

// Several rules rank tenets for the same parsed memo; a memo model never changes once parsed.
const countsOfMemo = new WeakMap<MemoModel, Map<string, number>>();

/** A tenet's relevance to a memo whose term counts are given. */
interface TenetTerms {
  weights: Map<string, number>;
  tags: Set<string>;
}

// A tenet's terms depend on the tenet alone; definitions are replaced, never changed, when a
// tenet file is re-read, so they can be kept per definition object.
const termsOfTenet = new WeakMap<TenetDefinition, TenetTerms>();

function tenetTerms(tenet: TenetDefinition): TenetTerms {
  let known = termsOfTenet.get(tenet);
  if (known) return known;
  const weights = new Map<string, number>();
  const add = (term: string, w: number) => weights.set(term, Math.max(weights.get(term) ?? 0, w));
  const tags = new Set(tenet.tags.flatMap(terms));
  for (const t of terms(tenet.statement)) add(t, 1);
  for (const t of terms(tenet.title ?? '')) add(t, 2);
  for (const t of tags) add(t, 3);
  termsOfTenet.set(tenet, (known = { weights, tags }));
  return known;
}

export function scoreTenet(tenet: TenetDefinition, counts: Map<string, number>): Relevance {
  const { weights, tags } = tenetTerms(tenet);
  let score = 0;
  const matched: string[] = [];
  let tagMatched = false;
  for (const [term, w] of weights) {
    const n = counts.get(term) ?? 0;
    if (n === 0) continue;
    score += termScore(w, n);
    matched.push(term);
    if (tags.has(term)) tagMatched = true;
  }
  return { tenet, score, matched, tagMatched };
}

/** Whether a relevance is strong enough to hint that the tenet should be cited. */
export function isStronglyRelevant(r: Relevance): boolean {
  return r.score >= RELEVANT_SCORE && r.matched.length >= RELEVANT_TERMS && (r.tenet.tags.length === 0 || r.tagMatched);
}

/** Tenets ranked by relevance to the memo, best first; ties broken by id. Zero scores are left out. */
export function rankTenets(memo: MemoModel, tenets: readonly TenetDefinition[]): Relevance[] {
  const counts = memoTermCounts(memo);
  return tenets
    .map((t) => scoreTenet(t, counts))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || compareIds(a.tenet.id, b.tenet.id));
}

/** Plain code-unit order, the same on every machine (unlike a locale-aware compare). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
