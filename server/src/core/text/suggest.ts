import { distance } from 'fastest-levenshtein';

// "Did you mean …?" for anything named by a short identifier (tenet ids, people). A suggestion
// must be plausible: a typo away from what was written, the same text in another case, or a
// candidate that contains what was written as a whole word (`LATENCY` → `ENG-LATENCY`,
// `Alice` → the person named "Alice Smith"). Far-fetched candidates teach users to ignore the list.

export interface SuggestionCandidate {
  /** What the fix writes (an id). */
  value: string;
  /** Texts that identify the candidate (its id, email, name); the best-matching one counts. */
  keys: readonly string[];
}

export interface Suggestion {
  value: string;
  /** Edit distance to the nearest key, case-insensitive; 0 means the same text in another case. */
  distance: number;
}

/** How many edits still read as a typo of a text this long. */
function maxTypoEdits(length: number): number {
  return length <= 3 ? 1 : Math.max(2, Math.floor(length * 0.34));
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Scores one key against what was written, or undefined when it is not a plausible match. */
function score(written: string, key: string): number | undefined {
  const a = written.toLowerCase();
  const b = key.trim().toLowerCase();
  if (b === '') return undefined;
  const limit = maxTypoEdits(a.length);
  // The distance is at least the difference in length: skip computing it when that is too far
  // already (a people directory of 20,000 names, each compared with every unknown owner).
  const d = Math.abs(a.length - b.length) > limit ? Infinity : distance(a, b);
  if (d <= limit) return d;
  // A whole word of the candidate (not a fragment: `ab` must not suggest `ABBA-X`).
  if (a.length >= 3 && b.includes(a) && words(b).includes(a)) return limit;
  return undefined;
}

/**
 * The candidates nearest to `written`, best first (ties by value), at most `max`. Candidates
 * clearly worse than the best one (more than one edit further) are left out.
 */
export function closestMatches(written: string, candidates: Iterable<SuggestionCandidate | string>, max = 3): Suggestion[] {
  const target = written.trim();
  if (target === '' || max <= 0) return [];
  const best = new Map<string, number>();
  for (const c of candidates) {
    const { value, keys } = typeof c === 'string' ? { value: c, keys: [c] } : c;
    for (const key of keys) {
      const s = score(target, key);
      if (s !== undefined && s < (best.get(value) ?? Infinity)) best.set(value, s);
    }
  }
  const ranked = [...best].map(([value, d]) => ({ value, distance: d })).sort((x, y) => x.distance - y.distance || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  const bestDistance = ranked[0]?.distance ?? 0;
  return ranked.filter((s) => s.distance <= bestDistance + 1).slice(0, max);
}
