import type { MemoModel } from './memoModel';
import type { TenetDefinition } from './tenetModel';

// How relevant a tenet is to a memo, from words alone (no network, no model):
//   - the tenet's terms are its tags (weight 3), the words of its title (2) and of its
//     statement (1), without stop words and the words every tenet shares (when, choose…);
//   - a term counts when the memo's title or prose contains it (plural -s folded), up to 3 times;
//   - score = Σ weight × min(occurrences, 3).
// A tenet is "strongly relevant" (the hint) at a score of 8 or more from at least two distinct
// terms, at least one of them a tag when the tenet has tags. The thresholds are deliberately
// high: a hint that fires on a memo that does not need the tenet teaches users to ignore it.

const STOP = new Set(
  'the and for with that this are was were will would should could our ours your their there them they then than when where which while who whom why how what into onto from over under because choose chose choosing prefer more less most least not but all any each every one two can may must its has have had been being also only such very just use used using about across after before between both does done make makes made need needs like other some same see than too via within without'.split(' '),
);

export const RELEVANT_SCORE = 8;
export const RELEVANT_TERMS = 2;

function stem(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map(stem);
}

export interface Relevance {
  tenet: TenetDefinition;
  score: number;
  matched: string[];
  tagMatched: boolean;
}

/** Term frequencies of a memo's words, computed once per memo. */
export function memoTermCounts(memo: MemoModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of memo.words) {
    if (STOP.has(w)) continue;
    const s = stem(w);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

export function scoreTenet(tenet: TenetDefinition, counts: Map<string, number>): Relevance {
  const weights = new Map<string, number>();
  const add = (term: string, w: number) => weights.set(term, Math.max(weights.get(term) ?? 0, w));
  const tags = new Set(tenet.tags.flatMap(terms));
  for (const t of terms(tenet.statement)) add(t, 1);
  for (const t of terms(tenet.title ?? '')) add(t, 2);
  for (const t of tags) add(t, 3);
  let score = 0;
  const matched: string[] = [];
  let tagMatched = false;
  for (const [term, w] of weights) {
    const n = counts.get(term) ?? 0;
    if (n === 0) continue;
    score += w * Math.min(n, 3);
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
    .sort((a, b) => b.score - a.score || (a.tenet.id < b.tenet.id ? -1 : 1));
}
