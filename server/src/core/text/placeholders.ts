import { PLACEHOLDER_WORDS } from '../../shared/vocabulary';

// Template blanks a writer has not filled yet: the capitalised words our templates, fixes and
// snippets write (`OUTCOME`, `OWNER`, `PATH-OR-URL`), `___`, `<…>`, `{…}` and a lone `…`. Read
// by claim-placeholder (claim and boundary lines) and placeholder-left (everything else), so both
// agree on what a blank is. Acronyms (API, EU, SLO) and other capitals are prose.

// Placeholder words (shared/vocabulary.ts) in capitals only: `outcome` is an English
// word, `OUTCOME` is a blank to fill. Adjacent hyphens, letters or digits make a word of their
// own (`X-ray`, `Model-Y`, `TODOs`), which is not a placeholder.

const WORD_EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}_\-'’/.])`;
const WORD_EDGE_AFTER = String.raw`(?![\p{L}\p{N}_\-'’/])`;

const PLACEHOLDER = new RegExp(
  [
    `${WORD_EDGE_BEFORE}(?:${PLACEHOLDER_WORDS.map(escape).join('|')})${WORD_EDGE_AFTER}`,
    // `___`, the blank line of a printed form.
    String.raw`_{3,}`,
    // `<outcome>`, `<signals / mechanism>` (not `a < b`, which has a space after `<`).
    String.raw`<[^<>\s][^<>]*>`,
    // `{outcome}`, `${outcome}`.
    String.raw`\$?\{[^{}]*\}`,
    // An ellipsis standing for a missing phrase (`We believe … because …`), not one ending a word.
    String.raw`(?<=^|\s)(?:\.{3}|…)(?=$|[\s.,;:!?)])`,
  ].join('|'),
  'gu',
);

// Angle brackets that are markdown, not placeholders: inline HTML and autolinks.
const INLINE_HTML = /^\/?(?:a|abbr|b|br|code|del|em|i|img|ins|kbd|mark|q|s|small|span|strong|sub|sup|u|wbr)(?:\s[^>]*)?\/?$/i;
const AUTOLINK = /^(?:[a-z][a-z0-9+.-]*:|[^\s@]+@[^\s@]+$)/i;

export interface Placeholder {
  text: string;
  /** Offset in the line's sentence. */
  index: number;
}

/** Placeholders in a claim or boundary sentence; text inside backticks is quoted, not a blank. */
export function findPlaceholders(sentence: string): Placeholder[] {
  const unquoted = sentence.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
  const out: Placeholder[] = [];
  for (const m of unquoted.matchAll(PLACEHOLDER)) {
    const text = m[0];
    if (text.startsWith('<')) {
      const inner = text.slice(1, -1);
      if (INLINE_HTML.test(inner) || AUTOLINK.test(inner)) continue;
    }
    out.push({ text, index: m.index });
  }
  return out;
}

/** Whether a whole value (a front matter field, a table cell, a verdict reason) is nothing but a blank to fill. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  const found = findPlaceholders(v);
  return found.length === 1 && found[0]!.text === v;
}

/**
 * Whether a value still holds a blank anywhere (`SIGNALS ≥ X by week 2`). Rules that judge a
 * part's shape wait until it is filled in: placeholder-left reports the blanks meanwhile.
 */
export function holdsPlaceholder(value: string): boolean {
  return findPlaceholders(value).length > 0;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
