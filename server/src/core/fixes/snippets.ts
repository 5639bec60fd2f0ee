import type { TextEdit } from '../types';

// Fixes that behave like snippets: the blanks a fix writes become tab stops, so an editor that
// inserts snippets selects the first blank and Tab moves to the next. The plain text stays as it
// was; only `snippet` is added, for clients that can use it.

/** Escapes text for a snippet body (outside tab stops). */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one choice of a `${1|a,b|}` choice stop. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

/** A blank of the fix: a word of its text, as a plain tab stop or as a choice of values (the word itself first: pressing Escape leaves the blank, which stays reported). */
export interface Blank {
  word: string;
  choices?: readonly string[];
}

/**
 * The edit with a snippet whose tab stops are the blanks, in order: each blank's first occurrence
 * after the previous one becomes `${n:WORD}` (or `${n|a,b,WORD|}`). Blanks not found are skipped.
 */
export function withSnippet(edit: TextEdit, blanks: readonly (Blank | string)[]): TextEdit {
  const text = edit.newText;
  let out = '';
  let from = 0;
  let stop = 0;
  for (const b of blanks) {
    const blank = typeof b === 'string' ? { word: b } : b;
    const at = text.indexOf(blank.word, from);
    if (at < 0) continue;
    stop++;
    out += escapeSnippet(text.slice(from, at));
    const choices = blank.choices?.length ? [...new Set([blank.word, ...blank.choices])] : undefined;
    out += choices ? `\${${stop}|${choices.map(escapeChoice).join(',')}|}` : `\${${stop}:${escapeSnippet(blank.word)}}`;
    from = at + blank.word.length;
  }
  if (stop === 0) return edit;
  return { ...edit, snippet: out + escapeSnippet(text.slice(from)) };
}
