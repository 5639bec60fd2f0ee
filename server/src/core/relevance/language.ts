import { stemmer } from 'stemmer';
import stopwordsIso from 'stopwords-iso';

// The language plumbing of relevance: words, their stems (Porter, from the `stemmer` package,
// so `dependencies`/`dependency` and `escalate`/`escalation` meet), and the function words to
// skip (the English list of the `stopwords-iso` package). Nothing here knows about tenets.
//
// Words are split with a regular expression rather than `Intl.Segmenter`: on this corpus the
// segmenter took ~30 s for 200 KB of memo text, the expression 40 ms for 2.4 MB.

const WORD = /[a-z][a-z0-9]*(?:'[a-z]+)?|[0-9]+[a-z]+[a-z0-9]*/g;
const STOP = new Set<string>((stopwordsIso as Record<string, string[]>).en);

/** What relevance needs of one word: its stem, and whether it can stand as a term of its own. */
export interface WordFacts {
  readonly stem: string;
  /** Not a function word and not a number (`p99`'s "99", "2026"): it can weigh as a term. */
  readonly term: boolean;
}

/** Facts of the words already seen: memos repeat the same few thousand words, so one lookup serves each. */
const seen = new Map<string, WordFacts>();
const MAX_CACHED_WORDS = 100_000;

/** The words of a text, lower-cased, in order (hyphens and punctuation split words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** A word's stem and whether it is a term (`words` gives lower-cased words). */
export function wordFacts(word: string): WordFacts {
  let facts = seen.get(word);
  if (facts === undefined) {
    facts = { stem: stemmer(word.replace(/'s?$/, '')), term: !isStopWord(word) && !/^\d/.test(word) };
    if (seen.size >= MAX_CACHED_WORDS) seen.clear();
    seen.set(word, facts);
  }
  return facts;
}

/** A word's stem (`escalation` → `escal`); possessives and plurals fold. */
export function stem(word: string): string {
  return wordFacts(word).stem;
}

/** Whether a word carries no subject of its own (`the`, `over`, `because`). */
export function isStopWord(word: string): boolean {
  return STOP.has(word) || word.length < 2;
}

/** A word as a stem, or undefined for a stop word. */
function termOf(word: string): string | undefined {
  return isStopWord(word) ? undefined : stem(word);
}

/** The terms of a text: stems of its words that are not stop words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = termOf(w);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** The key of a phrase: the stems of all its words (stop words included), joined by spaces. */
export function phraseKey(text: string): string {
  return words(text).map(stem).join(' ');
}
