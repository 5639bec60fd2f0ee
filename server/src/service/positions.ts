import { TENET_ID } from '../core/ids';
import type { MemoModel } from '../core/memo/memoModel';
import type { LineIndex } from '../core/text/lineIndex';
import type { TenetFile } from '../core/tenets/tenetModel';
import type { Position, Range } from '../core/types';

// Where the cursor is, in terms of the memo model: inside which front matter field (for
// completion), or on which tenet id, person, memo id or evidence path (for hover, definition,
// references and rename). Everything here tolerates a broken document.

export type CompletionTarget =
  /**
   * After `[[`: `range` covers the partial id (never a `]]` already typed after it, so accepting a
   * completion inside a snippet's `[[$1]]` keeps the brackets and the snippet going).
   */
  | { kind: 'inline-tenet'; range: Range; closed: boolean }
  /** In the value of front matter field `key` (`subKey` inside a list item map, e.g. evidence `path`). */
  | { kind: 'field'; key: string; subKey: string | undefined; range: Range; prefix: string; newItem: boolean };

export type SymbolRef =
  | { kind: 'tenet'; id: string; range: Range }
  | { kind: 'person'; id: string; range: Range }
  | { kind: 'memo'; id: string; range: Range }
  | { kind: 'evidence'; target: string; range: Range };

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:/;
const ITEM_KEY = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:/;
/** Characters of a value token: anything but space and YAML flow punctuation. */
const TOKEN_CHAR = /[^\s,[\]{}"']/;

/** What completion should offer at a position of a memo, if anything. */
export function completionTargetAt(memo: MemoModel, pos: Position): CompletionTarget | undefined {
  if (pos.line >= memo.lines.lineCount) return undefined;
  const lineText = memo.lines.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  const after = lineText.slice(pos.character);
  const open = /\[\[([^[\]\n]*)$/.exec(before);
  if (open) {
    const typedAfter = /^[A-Za-z0-9_-]*/.exec(after)![0];
    const closed = after.slice(typedAfter.length).startsWith(']]');
    const start = pos.character - open[1]!.length;
    const end = pos.character + typedAfter.length;
    return { kind: 'inline-tenet', range: lineRange(pos.line, start, end), closed };
  }
  if (!inFrontMatter(memo, pos)) return undefined;
  const field = frontMatterKeyAt(memo, pos);
  if (!field) return undefined;
  let subKey: string | undefined;
  if (field.line === pos.line) {
    // On the key's own line only the value completes, never the key.
    if (!KEY_LINE.test(before)) return undefined;
  } else {
    subKey = ITEM_KEY.exec(before)?.[1];
  }
  if (/^\s*-$/.test(before) && after.trim() !== '') return undefined; // a list dash just typed before text: wait for the space
  let start = pos.character;
  while (start > 0 && TOKEN_CHAR.test(lineText[start - 1]!)) start--;
  let end = pos.character;
  while (end < lineText.length && TOKEN_CHAR.test(lineText[end]!)) end++;
  // `key:value` without a space: the token must not swallow the key.
  const colon = lineText.lastIndexOf(':', pos.character - 1);
  if (colon >= start && (field.line === pos.line || subKey !== undefined)) start = colon + 1;
  // A line under the key with nothing on it yet but indentation (and perhaps `- `): room for a new list entry.
  if (field.line !== pos.line && /^\s*(?:-\s*)?$/.test(lineText)) {
    const lead = /^\s*/.exec(lineText)![0].length;
    return { kind: 'field', key: field.key, subKey: undefined, range: lineRange(pos.line, lead, lineText.length), prefix: '', newItem: true };
  }
  return { kind: 'field', key: field.key, subKey, range: lineRange(pos.line, start, end), prefix: lineText.slice(start, pos.character), newItem: false };
}

function inFrontMatter(memo: MemoModel, pos: Position): boolean {
  const fm = memo.frontMatter;
  if (!fm || pos.line === 0) return false;
  return fm.unclosed || pos.line < fm.range.end.line;
}

/** The top-level front matter key whose value holds the position: from the parsed fields, or from the text while the YAML is broken. */
function frontMatterKeyAt(memo: MemoModel, pos: Position): { key: string; line: number } | undefined {
  const map = memo.frontMatter?.map;
  if (map) {
    let best: { key: string; line: number } | undefined;
    for (const e of map.entries) {
      const line = e.keyRange.start.line;
      if (line <= pos.line && (!best || line >= best.line)) best = { key: e.key, line };
    }
    // A key line the parser skipped (still being typed) is nearer than the last parsed entry.
    const typed = keyLineAbove(memo.lines, pos.line, best?.line ?? 0);
    return typed ?? best;
  }
  return keyLineAbove(memo.lines, pos.line, 0);
}

function keyLineAbove(lines: LineIndex, fromLine: number, stopLine: number): { key: string; line: number } | undefined {
  for (let l = fromLine; l > stopLine; l--) {
    const m = KEY_LINE.exec(lines.lineText(l));
    if (m) return { key: m[1]!, line: l };
  }
  return undefined;
}

/** The tenet id, person, memo id or evidence path under the cursor in a memo. */
export function memoSymbolAt(memo: MemoModel, pos: Position): SymbolRef | undefined {
  for (const c of memo.citations) {
    if (contains(c.range, pos)) return { kind: 'tenet', id: c.id, range: idRangeWithin(memo.lines, c.range, c.id) };
  }
  for (const list of [memo.owners, memo.approver, memo.consulted, memo.informed]) {
    for (const p of list) if (contains(p.range, pos)) return { kind: 'person', id: p.value, range: p.range };
  }
  const links = [...memo.supersedes, ...memo.supersededBy, ...(memo.statusSupersededBy ? [memo.statusSupersededBy] : [])];
  for (const l of links) if (contains(l.range, pos)) return { kind: 'memo', id: l.value, range: idRangeWithin(memo.lines, l.range, l.value) };
  for (const e of memo.evidence) {
    if (e.kind === 'path' && e.target && contains(e.targetRange, pos)) return { kind: 'evidence', target: e.target, range: e.targetRange };
  }
  return tenetIdAt(memo.lines, pos);
}

/** The tenet id under the cursor in a tenet file: a definition, a `parent:`, or any id-shaped word. */
export function tenetFileSymbolAt(file: TenetFile, lines: LineIndex, pos: Position): SymbolRef | undefined {
  for (const t of file.tenets) {
    if (contains(t.idRange, pos)) return { kind: 'tenet', id: t.id, range: idRangeWithin(lines, t.idRange, t.id) };
    if (t.parent && contains(t.parent.range, pos)) return { kind: 'tenet', id: t.parent.value, range: idRangeWithin(lines, t.parent.range, t.parent.value) };
  }
  return tenetIdAt(lines, pos);
}

/** An id-shaped word under the cursor (works in broken YAML and anywhere in the text). */
export function tenetIdAt(lines: LineIndex, pos: Position): SymbolRef | undefined {
  if (pos.line < 0 || pos.line >= lines.lineCount) return undefined;
  const text = lines.lineText(pos.line);
  const isIdChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9-]/.test(c);
  let start = Math.min(pos.character, text.length);
  while (start > 0 && isIdChar(text[start - 1])) start--;
  let end = Math.min(pos.character, text.length);
  while (end < text.length && isIdChar(text[end])) end++;
  const word = text.slice(start, end).replace(/-+$/, '');
  if (!TENET_ID.test(word)) return undefined;
  return { kind: 'tenet', id: word, range: lineRange(pos.line, start, start + word.length) };
}

/** The exact range of `id` inside a larger range (brackets, quotes), or the range itself. */
export function idRangeWithin(lines: LineIndex, range: Range, id: string): Range {
  const s = lines.offsetAt(range.start);
  const e = lines.offsetAt(range.end);
  const at = lines.text.slice(s, e).indexOf(id);
  return at < 0 ? range : lines.rangeOf(s + at, s + at + id.length);
}

/** Whether a position lies in a range, both ends included (a cursor just after a word is on it). */
export function contains(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
