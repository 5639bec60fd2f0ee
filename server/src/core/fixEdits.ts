import type { MemoModel } from './memoModel';
import type { TextEdit } from './types';

// Quick fixes are pure text edits computed from the memo model. Every helper here inserts or
// replaces only the bytes it must, in the document's own line ends, so applying a fix leaves
// the rest of the file byte-for-byte as it was.

function at(memo: MemoModel, offset: number) {
  return memo.lines.positionAt(offset);
}

function insert(memo: MemoModel, offset: number, newText: string): TextEdit {
  const p = at(memo, offset);
  return { range: { start: p, end: p }, newText };
}

/** Offset where a new front matter line goes: the start of the closing fence. */
function frontMatterInsertOffset(memo: MemoModel): number | undefined {
  const fm = memo.frontMatter;
  if (!fm || fm.unclosed || (fm.map === undefined && fm.nonMapRoot !== undefined)) return undefined;
  return fm.contentEnd;
}

/** Whether front matter fixes can be offered: no front matter yet, or front matter that parsed into fields. */
export function canEditFrontMatter(memo: MemoModel): boolean {
  const fm = memo.frontMatter;
  return !fm || (!fm.unclosed && !fm.problems.some((p) => p.severity === 'error') && fm.nonMapRoot === undefined);
}

/**
 * Adds `lines` (already formatted YAML, without line ends) to the front matter, creating
 * the front matter if the memo has none.
 */
export function addFrontMatterLines(memo: MemoModel, lines: string[]): TextEdit | undefined {
  const eol = memo.lines.eol;
  if (!memo.frontMatter) return insert(memo, 0, ['---', ...lines, '---', ''].join(eol));
  const offset = frontMatterInsertOffset(memo);
  if (offset === undefined) return undefined;
  // The content may end without a line end when the closing fence directly follows; guard anyway.
  const before = memo.text.slice(0, offset);
  const needsEol = before.length > 0 && !before.endsWith('\n') && !before.endsWith('\r');
  return insert(memo, offset, (needsEol ? eol : '') + lines.join(eol) + eol);
}

/** Adds an item to a front matter list (`tenets`, `evidence`, `superseded-by`), keeping its style. */
export function addToFrontMatterList(memo: MemoModel, key: string, item: string): TextEdit | undefined {
  const entry = memo.fields.get(key);
  if (!entry) return addFrontMatterLines(memo, [`${key}:`, `  - ${item}`]);
  const value = entry.value;
  const eol = memo.lines.eol;
  if (!value) {
    // `key:` with nothing after it: put a flow list right after the colon.
    const colon = memo.text.indexOf(':', memo.lines.offsetAt(entry.keyRange.end));
    return colon < 0 ? undefined : insert(memo, colon + 1, ` [${item}]`);
  }
  if (value.kind === 'seq') {
    const start = memo.lines.offsetAt(value.range.start);
    if (memo.text[start] === '[') {
      const end = memo.lines.offsetAt(value.range.end);
      const inner = memo.text.slice(start + 1, end - 1).trim();
      return insert(memo, end - 1, inner === '' ? item : `, ${item}`);
    }
    // Block list: a new `- item` line after the last item, with the same indentation.
    const last = value.items[value.items.length - 1];
    const lineOfFirst = value.range.start.line;
    const indent = /^\s*/.exec(memo.lines.lineText(lineOfFirst))![0];
    const afterLine = last ? last.range.end.line : lineOfFirst;
    const offset = memo.lines.lineContentEnd(afterLine);
    return insert(memo, offset, `${eol}${indent}- ${item}`);
  }
  if (value.kind === 'scalar') {
    // `tenets: CO-TRUST` becomes `tenets: [CO-TRUST, NEW]`.
    const s = memo.lines.offsetAt(value.range.start);
    const e = memo.lines.offsetAt(value.range.end);
    return { range: memo.lines.rangeOf(s, e), newText: `[${memo.text.slice(s, e)}, ${item}]` };
  }
  return undefined;
}

/** Appends a block of lines at the end of the memo, separated by a blank line. */
export function appendToBody(memo: MemoModel, lines: string[]): TextEdit {
  const eol = memo.lines.eol;
  const text = memo.text;
  const endsWithEol = text.endsWith('\n') || text.endsWith('\r');
  const endsWithBlank = /(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(text) || text.length === 0;
  const lead = text.length === 0 ? '' : endsWithBlank ? '' : endsWithEol ? eol : eol + eol;
  return insert(memo, text.length, lead + lines.join(eol) + eol);
}

/** Inserts lines right after a given line (e.g. after the claim line). */
export function insertAfterLine(memo: MemoModel, line: number, lines: string[]): TextEdit {
  const eol = memo.lines.eol;
  return insert(memo, memo.lines.lineContentEnd(line), eol + lines.join(eol));
}

/** Replaces a range of the memo with new text. */
export function replaceRange(memo: MemoModel, range: TextEdit['range'], newText: string): TextEdit {
  return { range, newText };
}
