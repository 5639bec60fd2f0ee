import { stringify } from 'yaml';
import type { MemoModel } from '../memo/memoModel';
import { blockAroundLine, blockOpenAtEnd } from './proseInsertion';
import type { Range, TextEdit } from '../types';
import type { YamlMap, YamlSeq, YamlValue } from '../yaml/yamlTree';

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
  // After a `...` line (YAML's end of document, a BOM allowed before it) a new line would start a second document.
  if (/^\ufeff?\.\.\.(?:[ \t]|$)/m.test(memo.text.slice(fm.contentStart, fm.contentEnd))) return undefined;
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
  const indent = rootKeyIndent(memo);
  if (offset === undefined || indent === undefined) return undefined;
  // The content may end without a line end when the closing fence directly follows; guard anyway.
  const before = memo.text.slice(0, offset);
  const needsEol = before.length > 0 && !before.endsWith('\n') && !before.endsWith('\r');
  return insert(memo, offset, (needsEol ? eol : '') + lines.map((l) => indent + l).join(eol) + eol);
}

/**
 * Adds lines to the front matter right after the last of `afterKeys` it has (so `owners:` lands
 * beside `status:` and `title:`, where the reader looks for it), else at the end, creating the
 * front matter if the memo has none.
 */
export function addFrontMatterLinesAfter(memo: MemoModel, afterKeys: readonly string[], lines: string[]): TextEdit | undefined {
  const map = memo.frontMatter?.map;
  const indent = rootKeyIndent(memo);
  const anchors = (map?.entries ?? []).filter((e) => afterKeys.includes(e.key));
  const last = anchors[anchors.length - 1];
  if (!last || indent === undefined || frontMatterInsertOffset(memo) === undefined) return addFrontMatterLines(memo, lines);
  const eol = memo.lines.eol;
  return insert(memo, memo.lines.lineContentEnd(lastContentLine(memo, last.range)), eol + lines.map((l) => indent + l).join(eol));
}

/**
 * The indentation of the front matter's keys (YAML allows the whole mapping to be indented, and
 * a line at another indentation would not belong to it). Undefined when lines cannot be added:
 * a `{…}` mapping, or a mapping that shares its first line with something else.
 */
function rootKeyIndent(memo: MemoModel): string | undefined {
  const map = memo.frontMatter?.map;
  if (!map) return '';
  if (memo.text[memo.lines.offsetAt(map.range.start)] === '{') return undefined;
  const lead = memo.lines.lineText(map.range.start.line).slice(0, map.range.start.character);
  return /^ *$/.test(lead) ? lead : undefined;
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
    // A map item's range runs to the start of the next key: its last line with content is where it ends.
    const afterLine = last ? lastContentLine(memo, last.range) : lineOfFirst;
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

/** Appends a block of lines at the end of the memo, separated by a blank line (before a code fence or HTML block left open there). */
export function appendToBody(memo: MemoModel, lines: string[]): TextEdit {
  const eol = memo.lines.eol;
  const text = memo.text;
  const open = blockOpenAtEnd(memo);
  // Appended after a code fence or HTML block left open, the lines would be code: put them before it.
  if (open !== undefined) return insertBeforeBlock(memo, open, lines);
  // The last line end as written: a `\n` added after a final `\r` would merge with it into one `\r\n`.
  const lastEol = /(?:\r\n|\n|\r)$/.exec(text)?.[0];
  const endsWithBlank = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))$/.test(text) || text.length === 0;
  const lead = text.length === 0 ? '' : endsWithBlank ? '' : (lastEol ?? eol + eol);
  return insert(memo, text.length, lead + lines.join(eol) + eol);
}

/** Lines on their own, before the block whose first line starts at `blockStart`, with a blank line after them. */
function insertBeforeBlock(memo: MemoModel, blockStart: number, lines: string[]): TextEdit {
  const eol = memo.lines.eol;
  const previous = memo.lines.positionAt(blockStart).line - 1;
  const lead = blockStart <= memo.bodyStart || memo.lines.lineText(previous).trim() === '' ? '' : eol;
  return insert(memo, blockStart, lead + lines.join(eol) + eol + eol);
}

/** Inserts lines right after a given line (e.g. after the claim line). */
export function insertAfterLine(memo: MemoModel, line: number, lines: string[]): TextEdit {
  const eol = memo.lines.eol;
  // After a line of a code fence or HTML block that goes on, the lines would be code: put them before the block.
  const block = blockAroundLine(memo, line);
  if (block !== undefined) return insertBeforeBlock(memo, block, lines.slice(lines[0] === '' ? 1 : 0));
  return insert(memo, memo.lines.lineContentEnd(line), eol + lines.join(eol));
}

/** Replaces a range of the memo with new text. */
export function replaceRange(memo: MemoModel, range: TextEdit['range'], newText: string): TextEdit {
  return { range, newText };
}

/** A one-line string as a YAML scalar: plain when it reads back as the same string, quoted otherwise (`"0007"`, `"@alice"`). */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A one-line string as a scalar that reads back the same in block and in flow style (`[…]`, `{…}`). */
export function yamlFlowSafeScalar(value: string): string {
  const plain = yamlScalar(value);
  return /^["']/.test(plain) || !/[,[\]{}]/.test(plain) ? plain : JSON.stringify(value);
}

/** One-line strings as a YAML flow list (`[marco, "@ann"]`), each item quoted only where YAML needs it. */
export function yamlFlowList(values: readonly string[]): string {
  return stringify([...values], { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

// YAML maps inside front matter lists (`- path: …` / `  limits: …`), in block or flow style.

type Pairs = readonly (readonly [string, string])[];

/** `{a: 1, b: 2}`: a map written for a flow context. */
function flowMap(pairs: Pairs): string {
  return `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** `- a: 1` then `  b: 2`: a block list item holding a map, at the list's dash indentation. */
function blockMapItem(pairs: Pairs, dashIndent: string): string[] {
  return pairs.map(([k, v], i) => `${dashIndent}${i === 0 ? '- ' : '  '}${k}: ${v}`);
}

/** A scalar's source, quoted when it would change meaning inside `[…]` or `{…}`. */
function flowSafe(source: string): string {
  if (/^["']/.test(source) || !/[,[\]{}]/.test(source)) return source;
  return `'${source.replace(/'/g, "''")}'`;
}

/** A range without the line ends and blank lines that YAML block nodes carry at their end. */
export function contentRange(memo: MemoModel, range: Range): Range {
  const start = memo.lines.offsetAt(range.start);
  let end = memo.lines.offsetAt(range.end);
  while (end > start && /\s/.test(memo.text[end - 1]!)) end--;
  return memo.lines.rangeOf(start, end);
}

function lastContentLine(memo: MemoModel, range: Range): number {
  return contentRange(memo, range).end.line;
}

/**
 * Adds a map item to a front matter list, keeping the list's style: block lines under a block
 * list (or under a bare `key:`), `{a: 1}` in a flow list; a single value becomes a flow list.
 * Undefined when the value is a block map or a multi-line scalar (no edit keeps it intact).
 */
export function addMapToFrontMatterList(memo: MemoModel, key: string, pairs: Pairs): TextEdit | undefined {
  const entry = memo.fields.get(key);
  if (!entry) return addFrontMatterLines(memo, [`${key}:`, ...blockMapItem(pairs, '  ')]);
  const eol = memo.lines.eol;
  const value = entry.value;
  if (!value) {
    const keyIndent = /^\s*/.exec(memo.lines.lineText(entry.keyRange.start.line))![0];
    return insert(memo, memo.lines.lineContentEnd(entry.keyRange.end.line), eol + blockMapItem(pairs, keyIndent + '  ').join(eol));
  }
  const start = memo.lines.offsetAt(value.range.start);
  const end = memo.lines.offsetAt(value.range.end);
  const source = memo.text.slice(start, end);
  if (value.kind === 'seq' && source.startsWith('[')) {
    if (!source.endsWith(']')) return undefined;
    const last = value.items[value.items.length - 1];
    if (!last) {
      const block = asBlockList(memo, entry, start, end, pairs);
      if (block) return block;
    }
    return last ? insert(memo, memo.lines.offsetAt(last.range.end), `, ${flowMap(pairs)}`) : insert(memo, end - 1, flowMap(pairs));
  }
  if (value.kind === 'seq') {
    const last = value.items[value.items.length - 1];
    const line = last ? lastContentLine(memo, last.range) : value.range.start.line;
    const dashIndent = ' '.repeat(value.range.start.character);
    return insert(memo, memo.lines.lineContentEnd(line), eol + blockMapItem(pairs, dashIndent).join(eol));
  }
  if (value.kind === 'scalar' && value.range.start.line === value.range.end.line && !/^[|>]/.test(source)) {
    const empty = value.value === null || (typeof value.value === 'string' && value.value.trim() === '');
    const block = empty ? asBlockList(memo, entry, start, end, pairs) : undefined;
    if (block) return block;
    return { range: value.range, newText: empty ? `[${flowMap(pairs)}]` : `[${flowSafe(source)}, ${flowMap(pairs)}]` };
  }
  if (value.kind === 'map' && source.startsWith('{')) return { range: value.range, newText: `[${source}, ${flowMap(pairs)}]` };
  return undefined;
}

/**
 * `key: []` or `key: ~` holds nothing worth keeping in flow style: the value becomes a block list
 * with the new item, on lines a person can fill (and Enter indents right).
 */
function asBlockList(memo: MemoModel, entry: { keyRange: Range }, start: number, end: number, pairs: Pairs): TextEdit | undefined {
  if (entry.keyRange.start.line !== memo.lines.positionAt(end).line) return undefined;
  const keyIndent = /^\s*/.exec(memo.lines.lineText(entry.keyRange.start.line))![0];
  const colon = memo.text.indexOf(':', memo.lines.offsetAt(entry.keyRange.end));
  if (colon < 0 || colon >= start) return undefined;
  return { range: memo.lines.rangeOf(colon + 1, end), newText: memo.lines.eol + blockMapItem(pairs, keyIndent + '  ').join(memo.lines.eol) };
}

/** Adds `key: value` to a YAML map: a line at the map's key indentation, or `, key: value` inside `{…}`. */
export function addEntryToMap(memo: MemoModel, map: YamlMap, key: string, value: string): TextEdit | undefined {
  const first = map.entries[0];
  const last = map.entries[map.entries.length - 1];
  if (!first || !last) return undefined;
  if (memo.text[memo.lines.offsetAt(map.range.start)] === '{') return insert(memo, memo.lines.offsetAt(last.range.end), `, ${key}: ${value}`);
  const column = first.keyRange.start.character;
  // Only spaces and list dashes may stand before the first key, or the column is no indentation.
  if (!/^[ -]*$/.test(memo.lines.lineText(first.keyRange.start.line).slice(0, column))) return undefined;
  return insert(memo, memo.lines.lineContentEnd(lastContentLine(memo, last.range)), `${memo.lines.eol}${' '.repeat(column)}${key}: ${value}`);
}

/**
 * Turns a one-line scalar into a map that holds it under `key`, plus `more` pairs: block lines
 * when it is an item of a block list, `{key: …}` anywhere else. The scalar's source (quotes
 * included) is kept as written.
 */
export function scalarToMap(memo: MemoModel, scalar: YamlValue, list: YamlSeq | undefined, key: string, more: Pairs): TextEdit | undefined {
  if (scalar.kind !== 'scalar' || scalar.range.start.line !== scalar.range.end.line) return undefined;
  const source = memo.text.slice(memo.lines.offsetAt(scalar.range.start), memo.lines.offsetAt(scalar.range.end));
  if (source === '' || /^[|>]/.test(source)) return undefined;
  const inBlockList = list !== undefined && memo.text[memo.lines.offsetAt(list.range.start)] !== '[';
  if (!inBlockList) return { range: scalar.range, newText: flowMap([[key, flowSafe(source)], ...more]) };
  const column = scalar.range.start.character;
  if (!/^[ -]*$/.test(memo.lines.lineText(scalar.range.start.line).slice(0, column))) return undefined;
  const lines = [[key, source] as const, ...more].map(([k, v], i) => `${i === 0 ? '' : ' '.repeat(column)}${k}: ${v}`);
  return { range: scalar.range, newText: lines.join(memo.lines.eol) };
}
