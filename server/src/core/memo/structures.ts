import type { List, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isExcluded } from '../markdown/markdownStructure';
import { remarkLimitExceeded } from '../markdown/markdownLimits';
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import type { Section } from './memoModel';
import type { AlignmentSheet, BodyStructures, EvidenceLog, InvalidationLine, LabelledPart, Scorecard, TableModel, TableRow } from './structureModel';

// Reads the method's structures from the sections that hold them: `## Alignment sheet`,
// `## Scorecard…` and `## Evidence log` (any level, any case, a suffix allowed). Each such section
// is parsed with remark and its GFM table extension: list items and paragraphs give the labelled
// parts, table nodes the rows and cells, every one with its exact range. Only these sections are
// parsed this way, so a memo without them pays nothing; a section too large or too deeply nested
// for remark in bounded time is read line by line instead (the same parts and cells, by rows of
// `|`), so a 20,000-row log is checked, not a stall.

const SHEET = /^alignment sheet\b/i;
const SCORECARD = /^(?:alignment\s+)?scorecard\b/i;
const LOG = /^evidence log\b/i;

/** Above this many characters a section is read line by line: remark with tables costs about 5 µs a character. */
const REMARK_MAX_SECTION_CHARS = 60_000;

/** Labels, longest first (so `Owner and cadence` is not read as `Owner`). */
const LABELS: [canonical: string, pattern: string][] = [
  ['owner and cadence', 'owner\\s*(?:and|&)\\s*cadence'],
  ['feedback', 'feedback\\s+signals|feedback'],
  ['stage gate', 'stage\\s+gate'],
  ['decision owner', 'decision\\s+owner'],
  ['escalation path', 'escalation\\s+path'],
  ['mechanism', 'mechanism'],
  ['guardrail', 'guardrail'],
  ['cadence', 'review\\s+cadence|cadence'],
  ['owner', 'owner'],
  ['aim', 'aim'],
];
const LABEL_LINE = new RegExp(
  String.raw`^(\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*)(` +
    LABELS.map(([, p]) => p).join('|') +
    // The value is trimmed in code: `(.*?)[ \t]*$` is quadratic on a long run of spaces.
    // A closing `**` after the colon is followed by a space: `Aim: ___` keeps its blank.
    String.raw`)(\s*(?:\([^)\n]*\))?\s*(?:\*\*|__)?\s*:\s*(?:(?:\*\*|__)(?=\s|$))?[ \t]*)(.*)$`,
  'i',
);
const INVALIDATION = /^(\s*(?:>\s*)*(?:[-*+]\s+)?(?:\*\*|__|\*|_)?)(invalidated\s+if|invalidation)((?:\*\*|__|\*|_)?\s*:\s*(?:(?:\*\*|__|\*|_)(?=\s|$))?[ \t]*)(.*)$/i;

/** Table columns by canonical name: what a header cell may say. */
const COLUMNS: [canonical: string, pattern: RegExp][] = [
  ['signal', /^(?:capacity\s+)?signals?$/],
  ['threshold', /^thresholds?$/],
  ['cadence', /^cadence$/],
  ['action', /^(?:action|when crossed)$/],
  ['dependency', /^dependenc(?:y|ies)$/],
  ['owner', /^owners?$/],
  ['monitoring', /^monitoring$/],
  ['scale step', /^scale\s+step$/],
  ['claim', /^claim$/],
  ['evidence artifact', /^(?:evidence\s+)?artifact$|^evidence$/],
  ['quality limits', /^(?:quality\s+)?limits$/],
  ['threshold status', /^threshold\s+status$/],
  ['decision', /^decision$/],
  ['date', /^date$/],
  ['approver', /^approver$/],
];

const processor = unified().use(remarkParse).use(remarkGfm);

interface Source {
  text: string;
  lines: LineIndex;
  sections: readonly Section[];
  bodyStart: number;
  excluded: Array<[number, number]>;
}

/** Reads every alignment sheet, scorecard, evidence log and invalidation line of a memo body. Never throws. */
export function readStructures(src: Source): BodyStructures {
  const out: BodyStructures = { sheets: [], scorecards: [], logs: [], invalidations: readInvalidations(src) };
  for (const section of src.sections) {
    const kind = SHEET.test(section.title) ? 'sheet' : SCORECARD.test(section.title) ? 'scorecard' : LOG.test(section.title) ? 'log' : undefined;
    if (!kind) continue;
    const from = src.lines.offsetAt(section.headingRange.end);
    const to = src.lines.offsetAt(section.range.end);
    const blocks = readBlocks(src, from, to);
    if (kind === 'sheet') out.sheets.push(sheetOf(section, blocks));
    else if (kind === 'scorecard') out.scorecards.push(scorecardOf(section, blocks));
    else out.logs.push(logOf(section, blocks));
  }
  return out;
}

/** What a section holds: its labelled parts and its tables, in order. */
interface Blocks {
  parts: LabelledPart[];
  tables: TableModel[];
}

function readBlocks(src: Source, from: number, to: number): Blocks {
  const slice = src.text.slice(from, to);
  if (slice.length <= REMARK_MAX_SECTION_CHARS && remarkLimitExceeded(slice) === undefined) {
    try {
      return blocksFromTree(src, processor.parse(slice), from);
    } catch {
      // A stack the tree builder cannot hold: the line reader cannot fail that way.
    }
  }
  return blocksFromLines(src, from, to);
}

function blocksFromTree(src: Source, root: Root, base: number): Blocks {
  const parts: LabelledPart[] = [];
  const tables: TableModel[] = [];
  const range = (node: Nodes) => src.lines.rangeOf(base + node.position!.start.offset!, base + node.position!.end.offset!);
  for (const node of root.children) {
    if (!node.position) continue;
    // `Feedback signals:` on a line of its own, its signals in the list right below (not nested).
    const last = parts[parts.length - 1];
    if (node.type === 'list' && last?.label === 'feedback' && last.value === '' && last.items.length === 0 && !node.children.some((item) => item.position && LABEL_LINE.test(src.lines.lineText(src.lines.positionAt(base + item.position.start.offset!).line)))) {
      // The items are read for labels too: lines right below an item (lazy continuation) belong to it.
      last.items = listItems(src, node, base);
    }
    if (node.type === 'table') {
      const rows: TableRow[] = node.children.map((row) => ({
        range: range(row),
        cells: row.children.map((cell) => cellOf(src, base + cell.position!.start.offset!, base + cell.position!.end.offset!)),
      }));
      const table = tableOf(rows, range(node));
      if (table) tables.push(table);
    } else if (node.type === 'list') {
      for (const item of node.children) {
        if (!item.position) continue;
        const first = item.children[0];
        const sub = item.children.find((c) => c.type === 'list');
        const items = sub && sub.type === 'list' ? listItems(src, sub, base) : [];
        // The item's own line(s): up to its first nested list.
        const end = first?.position ? base + first.position.end.offset! : base + item.position.end.offset!;
        partsOfLines(src, base + item.position.start.offset!, end, parts, items, range(item));
      }
    } else if (node.type === 'paragraph') {
      partsOfLines(src, base + node.position.start.offset!, base + node.position.end.offset!, parts, [], undefined);
    }
  }
  return { parts, tables };
}

/** The items of a list node: each one's text without its bullet, and its range. */
function listItems(src: Source, list: List, base: number): LabelledPart['items'] {
  return list.children
    .filter((c) => c.position)
    .map((c) => ({
      text: src.text.slice(base + c.position!.start.offset!, base + c.position!.end.offset!).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim(),
      range: src.lines.rangeOf(base + c.position!.start.offset!, base + c.position!.end.offset!),
    }));
}

/** Labelled parts of a run of lines: each line starting with a label is a part (a paragraph may hold several). */
function partsOfLines(src: Source, from: number, to: number, into: LabelledPart[], items: LabelledPart['items'], itemRange: Range | undefined): void {
  const first = src.lines.positionAt(from).line;
  const last = src.lines.positionAt(Math.max(from, to - 1)).line;
  let current: LabelledPart | undefined;
  for (let line = first; line <= last; line++) {
    const start = src.lines.lineStarts[line]!;
    const text = src.lines.lineText(line);
    const m = LABEL_LINE.exec(text);
    if (!m) {
      // A wrapped line of the part above (same paragraph): its value runs on to this line's end.
      if (current && text.trim() !== '') extendValue(src, current, line);
      continue;
    }
    const labelAt = start + m[1]!.length;
    const valueAt = labelAt + m[2]!.length + m[3]!.length;
    const value = m[4]!.trimEnd();
    const label = LABELS.find(([, p]) => new RegExp(`^(?:${p})$`, 'i').test(m[2]!))![0];
    current = {
      label,
      written: m[2]!,
      labelRange: src.lines.rangeOf(labelAt, labelAt + m[2]!.length),
      value,
      valueRange: src.lines.rangeOf(valueAt, valueAt + value.length),
      range: line === first && itemRange ? itemRange : src.lines.lineRange(line),
      items: line === first ? items : [],
    };
    into.push(current);
  }
}

/**
 * Extends a part's value to the end of `line`. Line breaks read as spaces of the same length, so
 * an offset into the value is still an offset from its start in the source.
 */
function extendValue(src: Source, part: LabelledPart, line: number): void {
  const from = src.lines.offsetAt(part.valueRange.start);
  const to = src.lines.lineStarts[line]! + src.lines.lineText(line).trimEnd().length;
  part.value = src.text.slice(from, to).replace(/[\r\n]/g, ' ');
  part.valueRange = src.lines.rangeOf(from, to);
  const end = src.lines.lineRange(line).end;
  if (src.lines.offsetAt(part.range.end) < src.lines.offsetAt(end)) part.range = { start: part.range.start, end };
}

/** A cell from its source span: the text between its pipes, trimmed, and where that text stands. */
function cellOf(src: Source, from: number, to: number) {
  let s = from;
  let e = to;
  while (s < e && /[\s|]/.test(src.text[s]!)) s++;
  while (e > s && /\s/.test(src.text[e - 1]!)) e--;
  // The closing pipe belongs to the row, not to the text (an escaped `\|` is text).
  if (e > s && src.text[e - 1] === '|' && src.text[e - 2] !== '\\') e--;
  while (e > s && /\s/.test(src.text[e - 1]!)) e--;
  return { text: src.text.slice(s, e), range: src.lines.rangeOf(s, e) };
}

/** A table model from its rows (the first is the header); undefined when it has no header. */
function tableOf(rows: TableRow[], range: Range): TableModel | undefined {
  const [header, ...data] = rows;
  if (!header) return undefined;
  const columns = new Map<string, number>();
  header.cells.forEach((cell, i) => {
    const name = cell.text.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
    const known = COLUMNS.find(([, re]) => re.test(name));
    if (known && !columns.has(known[0])) columns.set(known[0], i);
  });
  return { header, columns, rows: data, range };
}

/** The line reader for sections remark should not see: tables are runs of `|` lines, parts are label lines. */
function blocksFromLines(src: Source, from: number, to: number): Blocks {
  const parts: LabelledPart[] = [];
  const tables: TableModel[] = [];
  let rows: TableRow[] = [];
  const flush = (endLine: number) => {
    if (rows.length === 0) return;
    const table = tableOf(rows, { start: rows[0]!.range.start, end: src.lines.lineRange(endLine).end });
    if (table) tables.push(table);
    rows = [];
  };
  const first = src.lines.positionAt(from).line;
  const last = src.lines.positionAt(Math.max(from, to - 1)).line;
  for (let line = first; line <= last; line++) {
    const start = src.lines.lineStarts[line]!;
    const text = src.lines.lineText(line);
    if (isExcluded(src.excluded, start)) continue;
    if (/^\s*\|/.test(text)) {
      // The delimiter row (`| --- | :-: |`) is syntax, not a row.
      if (!/^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(text)) rows.push(rowOfLine(src, line));
      continue;
    }
    flush(line - 1);
    // A list item under a part (indented, or right below an empty `Feedback signals:`) is one of its items.
    const item = LIST_ITEM.exec(text);
    const owner = parts[parts.length - 1];
    if (item && owner && !LABEL_LINE.test(text) && (item[1]!.length > 0 || (owner.label === 'feedback' && owner.value === '')) && owner.range.end.line >= line - 1) {
      owner.items.push({ text: text.slice(item[0].length).trim(), range: src.lines.lineRange(line) });
      owner.range = { start: owner.range.start, end: src.lines.lineRange(line).end };
      continue;
    }
    partsOfLines(src, start, start + text.length, parts, [], undefined);
  }
  flush(last);
  return { parts, tables };
}

/** A list item line: its indentation, then a bullet or a number. */
const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+/;

function rowOfLine(src: Source, line: number): TableRow {
  const start = src.lines.lineStarts[line]!;
  const text = src.lines.lineText(line);
  const cells: TableRow['cells'] = [];
  let cellStart = text.indexOf('|') + 1;
  for (let i = cellStart; i <= text.length; i++) {
    if (i === text.length || (text[i] === '|' && text[i - 1] !== '\\')) {
      if (i === text.length && text.slice(cellStart).trim() === '') break;
      cells.push(cellOf(src, start + cellStart, start + i));
      cellStart = i + 1;
    }
  }
  return { cells, range: src.lines.lineRange(line) };
}

function sheetOf(section: Section, blocks: Blocks): AlignmentSheet {
  const parts = new Map<string, LabelledPart>();
  for (const p of blocks.parts) if (!parts.has(p.label)) parts.set(p.label, p);
  return { headingRange: section.headingRange, range: section.range, parts };
}

function scorecardOf(section: Section, blocks: Blocks): Scorecard {
  const find = (label: string) => blocks.parts.find((p) => p.label === label);
  return {
    headingRange: section.headingRange,
    range: section.range,
    signals: blocks.tables.find((t) => t.columns.has('signal')),
    dependencies: blocks.tables.find((t) => t.columns.has('dependency')),
    decisionOwner: find('decision owner'),
    escalationPath: find('escalation path'),
  };
}

function logOf(section: Section, blocks: Blocks): EvidenceLog {
  return { headingRange: section.headingRange, range: section.range, table: blocks.tables.find((t) => t.columns.has('evidence artifact')) ?? blocks.tables[0] };
}

/** `Invalidated if: …` lines anywhere in the body's prose. */
function readInvalidations(src: Source): InvalidationLine[] {
  const out: InvalidationLine[] = [];
  // Cheap test first: most memos have no such line.
  if (!/invalidat/i.test(src.text.slice(src.bodyStart))) return out;
  for (let line = src.lines.positionAt(src.bodyStart).line; line < src.lines.lineCount; line++) {
    const start = src.lines.lineStarts[line]!;
    const text = src.lines.lineText(line);
    const m = INVALIDATION.exec(text);
    if (!m || isExcluded(src.excluded, start + m[1]!.length)) continue;
    const at = start + m[1]!.length + m[2]!.length + m[3]!.length;
    const value = m[4]!.trimEnd();
    out.push({ text: value, textRange: src.lines.rangeOf(at, at + value.length), range: src.lines.lineRange(line) });
  }
  return out;
}
