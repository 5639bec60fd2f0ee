import type { TenetDefinition } from '../tenets/tenetModel';
import { matchConcepts } from './concepts';
import { isStopWord, stem, words } from './language';
import { conceptTerm } from './memoTerms';

// What a tenet is about, by field: its subject (tags and aliases, the words its authors chose),
// its title and its statement; and the trade-off the statement names: the situation ("When X"),
// the side it chooses (A) and the side it gives up (B).

export interface TenetProfile {
  /** Terms of tags and aliases, with multi-word ones also as phrases (`featur_flag`). */
  subject: string[];
  title: string[];
  statement: string[];
  /** Multi-word tags and aliases as stem sequences (matched in a memo's word order). */
  phrases: string[][];
  sides: { situation: Set<string>; chosen: Set<string>; givenUp: Set<string> };
}

/** `When X, we choose A over B because R.` (also prefer / favour / pick). */
const SHAPE = /\bwhen\b(.+?),\s*(?:we\s+)?(?:choose|prefer|pick|favou?r|take|put)\s+(.+?)\s+(?:over|above|before|rather than|instead of)\s+(.+?)(?:\s*[,;]?\s*\bbecause\b(.*))?$/i;

const cache = new WeakMap<TenetDefinition, TenetProfile>();

/** A tenet's profile, computed once per definition (definitions are replaced, never changed, when a file is re-read). */
export function tenetProfile(tenet: TenetDefinition): TenetProfile {
  let p = cache.get(tenet);
  if (!p) cache.set(tenet, (p = computeProfile(tenet)));
  return p;
}

function computeProfile(t: TenetDefinition): TenetProfile {
  const subjectTexts = [...t.tags, ...t.aliases].map((s) => s.replace(/[-_]/g, ' '));
  const phrases = subjectTexts.map((s) => words(s).map(stem)).filter((p) => p.length > 1);
  const subject = [...subjectTexts.flatMap(termsOf), ...phrases.map((p) => p.join('_'))];
  const shape = SHAPE.exec(t.statement);
  return {
    subject,
    title: termsOf(t.title ?? ''),
    statement: termsOf(t.statement),
    phrases,
    sides: {
      situation: new Set(termsOf(shape?.[1] ?? '')),
      chosen: new Set(termsOf(shape?.[2] ?? '')),
      givenUp: new Set(termsOf(shape?.[3] ?? '')),
    },
  };
}

/** The terms of a text the way memo terms are made: subjects first, then the words no subject phrase claimed. */
function termsOf(text: string): string[] {
  const ws = words(text);
  const stems = ws.map(stem);
  const { counts, claimed } = matchConcepts(stems);
  const out = [...counts.keys()].map(conceptTerm);
  ws.forEach((w, i) => {
    if (!claimed.has(i) && !isStopWord(w) && !/^\d/.test(w)) out.push(stems[i]!);
  });
  return out;
}
