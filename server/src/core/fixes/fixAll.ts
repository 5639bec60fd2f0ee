import { LineIndex } from '../text/lineIndex';
import type { Diagnostic, Fix, TextEdit } from '../types';

// "Fix all": which fixes may be applied to a file unseen, in one go. The editor's
// `source.fixAll.decisionMemos` action and `decision-memos fix` both choose through this
// function, so a file fixed on save and a file fixed in CI end up the same.

/** The fixes chosen for one file: their plain-text edits and the diagnostics they fix. */
export interface FixAllSelection {
  edits: TextEdit[];
  /** The diagnostics whose fix was chosen, in the order given. */
  fixed: Diagnostic[];
}

/**
 * Every fix marked safe, the first one per diagnostic, skipping any that touches text another
 * chosen fix edits (two inserts at the same spot count as touching: their order would be a
 * guess). Fixes that create a file are never applied unseen. `text` is the file the ranges are
 * positions in (without a byte-order mark).
 */
export function selectFixAll(text: string, diagnostics: readonly Diagnostic[]): FixAllSelection {
  const lines = new LineIndex(text);
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const fix = firstSafeFix(d);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s === ts || (s < te && ts < e)))) continue;
    taken.push(...spans);
    // Snippet text is for editors that insert snippets; unseen, the plain text is what applies.
    edits.push(...fix.edits.map((e) => ({ range: e.range, newText: e.newText })));
    fixed.push(d);
  }
  return { edits, fixed };
}

function firstSafeFix(d: Diagnostic): Fix | undefined {
  return d.fixes?.find((f) => f.safe && !f.createFile);
}
