import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';
import type { ParsedYaml, YamlEntry, YamlScalar, YamlSeq, YamlValue } from './yamlTree';

// The fast path of the YAML reader. (One file, over 300 lines, on purpose: the rules below are one
// state machine that mirrors the library's parser, and splitting it would scatter that mirror.)
// Front matter is nearly always a flat block mapping of plain,
// quoted and `[a, b]` scalars, with a block list of small mappings under `evidence:`. For that
// subset a single pass over the lines builds exactly the tree the `yaml` library's path in
// yamlTree.ts builds (kinds, values, source strings, ranges), about 15 times faster. Anything
// else — anchors, tags, block scalars, flow maps, multi-line scalars, tabs, duplicate keys,
// empty list items, lines at an indent the subset does not expect — makes it give up (return
// undefined), and the caller parses with the library. A differential test checks that whenever
// this reader answers, its answer equals the library's.
//
// The hard part is where the library ends a block collection, because comment lines and blank
// lines belong to different nodes by rules of its parser, reproduced here:
// - A scalar or `[...]` value ends after its line (trailing comment and line break included),
//   and also takes the comment lines that follow it (blank lines between them too) while those
//   are indented deeper than the collection holding the value.
// - A key with no value (`owners:`) holds everything up to the next node: if a comment is among
//   it, the empty value ends where that next node starts (after its indentation), else right
//   after the `:` and the spaces behind it.
// - The remaining comment and blank lines before the next node stay at the end of a collection
//   that the next node leaves, if the collection is indented (not at column 0) and one of the
//   comments is at or right of the collection's indent; otherwise they move out to its parent.
// A block collection's range ends where its last item ends in those terms.

const enum LineKind {
  Blank,
  Comment,
  Content,
}

interface SourceLine {
  start: number;
  /** Offset just past the last character before the line break. */
  end: number;
  /** Offset of the next line (past the line break). */
  next: number;
  indent: number;
  kind: LineKind;
}

/** Comment and blank lines left at the end of a collection until a node or the end of input comes. */
interface Trailing {
  deepestCommentIndent: number;
  /** Where the next node starts (after its indentation), or the end of input. */
  end: number;
}

interface Read {
  value: YamlValue;
  /** The library's `range[2]`: where the node ends with the comments and line breaks it holds. */
  nodeEnd: number;
  trailing: Trailing | undefined;
  /** Index of the first line not read (a content line or the end). */
  next: number;
}

/** Tabs and characters the YAML spec treats specially (controls, BOM, Unicode line breaks, a lone CR). */
// eslint-disable-next-line no-control-regex -- the control characters YAML treats specially are what this looks for
const UNSUPPORTED_CHARS = /[\t\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** A plain key followed by `:` and a space or the line end. */
const KEY = /[A-Za-z0-9_][A-Za-z0-9_.-]*:(?=[ \r\n]|$)/y;
/** YAML's keys longer than this are an error; ours never are. */
const MAX_KEY_LENGTH = 1000;
/** Nesting deeper than this is the library's to read (convert() stops at 64). */
const MAX_DEPTH = 16;
/** Characters that cannot start a plain scalar (`-`, `?`, `:` can, when a safe character follows). */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Characters after which a `:` in a flow sequence's plain scalar may be a mapping indicator (as a space is anywhere). */
const UNSAFE_IN_FLOW = new Set([' ', ',', '[', ']', '{', '}']);
/** The single-character escapes of double-quoted scalars, as the `yaml` library decodes them. */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX = /^[0-9a-fA-F]+$/;

/** Thrown inside the reader when the input leaves the subset; never escapes this module. */
const NOT_SIMPLE = new Error('not simple YAML');

/**
 * The tree `parseYaml` would build for `source` (at `baseOffset` in the document of `lines`),
 * or undefined when the source is outside the simple subset and the `yaml` library must read it.
 */
export function parseSimpleYaml(source: string, lines: LineIndex, baseOffset: number): ParsedYaml | undefined {
  if (UNSUPPORTED_CHARS.test(source)) return undefined;
  const at = (start: number, end: number): Range => lines.rangeOf(baseOffset + start, baseOffset + Math.max(start, end));
  try {
    return { root: new SimpleYamlReader(source, at).readDocument(), problems: [] };
  } catch {
    // NOT_SIMPLE, or a bug here: either way the library gives the right answer.
    return undefined;
  }
}

function fail(): never {
  throw NOT_SIMPLE;
}

class SimpleYamlReader {
  private readonly lines: SourceLine[] = [];

  constructor(
    private readonly src: string,
    private readonly at: (start: number, end: number) => Range,
  ) {
    for (let start = 0; start < src.length; ) {
      const lineBreak = src.indexOf('\n', start);
      const next = lineBreak < 0 ? src.length : lineBreak + 1;
      let end = lineBreak < 0 ? src.length : lineBreak;
      if (end > start && src.charCodeAt(end - 1) === 13) end--;
      let indent = 0;
      while (start + indent < end && src.charCodeAt(start + indent) === 32) indent++;
      const kind = start + indent === end ? LineKind.Blank : src.charCodeAt(start + indent) === 35 ? LineKind.Comment : LineKind.Content;
      this.lines.push({ start, end, next, indent, kind });
      start = next;
    }
  }

  readDocument(): YamlValue | undefined {
    const first = this.nextContent(0);
    // Only comments and blank lines: the library's document has no contents either.
    if (first === this.lines.length) return undefined;
    const line = this.lines[first]!;
    if (line.indent !== 0) fail();
    const read = this.isDash(line) ? this.readSeq(first, 0, 0) : this.readMap(first, 0, 0);
    if (read.next < this.lines.length) fail();
    return read.value;
  }

  /** A block mapping whose first key starts at column `indent` of line `first` (after `- ` for a list item). */
  private readMap(first: number, indent: number, depth: number): Read {
    if (depth > MAX_DEPTH) fail();
    const { src, lines } = this;
    const entries: YamlEntry[] = [];
    const keys = new Set<string>();
    const start = lines[first]!.start + indent;
    for (let li = first; ; ) {
      const line = lines[li]!;
      const keyStart = line.start + indent;
      const colon = this.keyColon(keyStart);
      if (colon < 0) fail();
      const key = src.slice(keyStart, colon);
      // Keys the core schema reads as numbers, booleans or null, and duplicates, are the library's.
      if (typeof resolvePlain(key) !== 'string' || keys.has(key)) fail();
      keys.add(key);
      const keyRange = this.at(keyStart, colon);
      const valueStart = this.skipSpaces(colon + 1, line.end);
      let read: Read;
      if (valueStart < line.end && src.charCodeAt(valueStart) !== 35 /* # */) {
        read = this.afterInline(this.readInline(valueStart, line.end), li, indent);
      } else {
        const k = this.nextContent(li + 1);
        const child = lines[k];
        if (child && (child.indent > indent || (child.indent === indent && this.isDash(child)))) {
          read = this.isDash(child) ? this.readSeq(k, child.indent, depth + 1) : this.readMap(k, child.indent, depth + 1);
        } else {
          // No value. The library's empty scalar holds every line up to the next node.
          const commented = valueStart < line.end || this.hasComment(li + 1, k);
          const valueEnd = commented ? this.nodeStart(k) : valueStart;
          entries.push({ key, keyRange, value: undefined, range: keyRange });
          if (this.continues(k, indent)) {
            li = k;
            continue;
          }
          return this.close({ kind: 'map', entries, range: this.at(start, valueEnd) }, valueEnd, undefined, indent, k);
        }
      }
      const value = read.value;
      entries.push({ key, keyRange, value, range: { start: keyRange.start, end: value.range.end } });
      if (this.continues(read.next, indent)) {
        li = read.next;
        continue;
      }
      return this.close({ kind: 'map', entries, range: this.at(start, read.nodeEnd) }, read.nodeEnd, read.trailing, indent, read.next);
    }
  }

  /** A block sequence whose `-` indicators sit at column `indent`, the first on line `first`. */
  private readSeq(first: number, indent: number, depth: number): Read {
    if (depth > MAX_DEPTH) fail();
    const { src, lines } = this;
    const items: YamlValue[] = [];
    const start = lines[first]!.start + indent;
    for (let li = first; ; ) {
      const line = lines[li]!;
      if (line.indent !== indent || !this.isDash(line)) fail();
      const itemStart = this.skipSpaces(line.start + indent + 1, line.end);
      // Empty items (`-` alone) are the library's: their ranges follow yet other rules.
      if (itemStart === line.end || src.charCodeAt(itemStart) === 35 /* # */) fail();
      const read =
        this.keyColon(itemStart) >= 0
          ? this.readMap(li, itemStart - line.start, depth + 1)
          : this.afterInline(this.readInline(itemStart, line.end), li, indent);
      items.push(read.value);
      const next = lines[read.next];
      if (next && next.indent === indent && this.isDash(next)) {
        li = read.next;
        continue;
      }
      // A deeper line here would continue a scalar over lines.
      if (next && next.indent > indent) fail();
      const seq: YamlSeq = { kind: 'seq', items, range: this.at(start, read.nodeEnd) };
      return this.close(seq, read.nodeEnd, read.trailing, indent, read.next);
    }
  }

  /** Whether the line at `k` is the next item of the mapping at `indent`; fails on a line deeper than it. */
  private continues(k: number, indent: number): boolean {
    const line = this.lines[k];
    if (!line) return false;
    if (line.indent > indent) fail();
    return line.indent === indent;
  }

  /** Ends a collection: trailing comments at or right of an indented collection's column stay in it. */
  private close(value: YamlValue, valueEnd: number, trailing: Trailing | undefined, indent: number, next: number): Read {
    if (trailing && indent > 0 && trailing.deepestCommentIndent >= indent) return { value, nodeEnd: trailing.end, trailing: undefined, next };
    return { value, nodeEnd: valueEnd, trailing, next };
  }

  /** Where a value on line `li`, in a collection at `indent`, ends, and what follows it. */
  private afterInline(value: YamlValue, li: number, indent: number): Read {
    const { lines } = this;
    let nodeEnd = lines[li]!.next;
    let k = li + 1;
    for (; k < lines.length && lines[k]!.kind !== LineKind.Content; k++) {
      const line = lines[k]!;
      if (line.kind !== LineKind.Comment) continue;
      if (line.indent <= indent) break;
      nodeEnd = line.next;
    }
    let deepestCommentIndent = -1;
    for (; k < lines.length && lines[k]!.kind !== LineKind.Content; k++) {
      const line = lines[k]!;
      if (line.kind === LineKind.Comment) deepestCommentIndent = Math.max(deepestCommentIndent, line.indent);
    }
    const trailing = deepestCommentIndent >= 0 ? { deepestCommentIndent, end: this.nodeStart(k) } : undefined;
    return { value, nodeEnd, trailing, next: k };
  }

  /** A scalar or flow sequence from `start` to the line's end, which holds at most a comment after it. */
  private readInline(start: number, lineEnd: number): YamlValue {
    const c = this.src[start];
    let value: { node: YamlValue; end: number };
    if (c === '[') value = this.readFlowSeq(start, lineEnd);
    else if (c === '"') value = this.readDoubleQuoted(start, lineEnd);
    else if (c === "'") value = this.readSingleQuoted(start, lineEnd);
    else value = this.readPlain(start, lineEnd, false);
    this.expectLineEnd(value.end, lineEnd);
    return value.node;
  }

  private readFlowSeq(open: number, lineEnd: number): { node: YamlSeq; end: number } {
    const { src } = this;
    const items: YamlValue[] = [];
    let p = this.skipSpaces(open + 1, lineEnd);
    for (;;) {
      if (p >= lineEnd) fail();
      if (src[p] === ']') break;
      const c = src[p];
      const item = c === '"' ? this.readDoubleQuoted(p, lineEnd) : c === "'" ? this.readSingleQuoted(p, lineEnd) : this.readPlain(p, lineEnd, true);
      items.push(item.node);
      p = this.skipSpaces(item.end, lineEnd);
      if (src[p] === ',') p = this.skipSpaces(p + 1, lineEnd);
      else if (src[p] !== ']') fail();
    }
    return { node: { kind: 'seq', items, range: this.at(open, p + 1) }, end: p + 1 };
  }

  private readPlain(start: number, lineEnd: number, inFlow: boolean): { node: YamlScalar; end: number } {
    const { src } = this;
    const first = src[start]!;
    if (INDICATORS.has(first) && !((first === '-' || first === '?' || first === ':') && this.safeAfterIndicator(start + 1, lineEnd, inFlow))) fail();
    let end = start;
    let i = start;
    for (; i < lineEnd; i++) {
      const ch = src.charCodeAt(i);
      if (ch === 32 /* space */) {
        // ` #` starts a comment; in a flow sequence the sequence would go on past this line.
        if (src.charCodeAt(i + 1) === 35 /* # */) {
          if (inFlow) fail();
          break;
        }
        continue;
      }
      if (ch === 58 /* : */ && !this.safeAfterIndicator(i + 1, lineEnd, inFlow)) fail();
      if (inFlow && (ch === 44 /* , */ || ch === 93 /* ] */)) break;
      if (inFlow && (ch === 91 /* [ */ || ch === 123 /* { */ || ch === 125 /* } */)) fail();
      end = i + 1;
    }
    if (inFlow && i >= lineEnd) fail();
    const text = src.slice(start, end);
    return { node: { kind: 'scalar', value: resolvePlain(text), source: text, range: this.at(start, end) }, end };
  }

  private readDoubleQuoted(open: number, lineEnd: number): { node: YamlScalar; end: number } {
    const { src } = this;
    let text = '';
    let chunk = open + 1;
    for (let i = open + 1; i < lineEnd; ) {
      const ch = src[i];
      if (ch === '"') {
        text += src.slice(chunk, i);
        return { node: { kind: 'scalar', value: text, source: text, range: this.at(open, i + 1) }, end: i + 1 };
      }
      if (ch !== '\\') {
        i++;
        continue;
      }
      text += src.slice(chunk, i);
      // An escape at the line end continues the scalar on the next line.
      if (i + 1 >= lineEnd) fail();
      const code = src[i + 1]!;
      const simple = ESCAPES[code];
      if (simple !== undefined) {
        text += simple;
        i += 2;
      } else if (code === 'x' || code === 'u' || code === 'U') {
        const length = code === 'x' ? 2 : code === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + length);
        if (i + 2 + length > lineEnd || !HEX.test(hex)) fail();
        const point = parseInt(hex, 16);
        if (point > 0x10ffff) fail();
        text += String.fromCodePoint(point);
        i += 2 + length;
      } else {
        fail();
      }
      chunk = i;
    }
    return fail();
  }

  private readSingleQuoted(open: number, lineEnd: number): { node: YamlScalar; end: number } {
    const { src } = this;
    let text = '';
    let chunk = open + 1;
    for (let i = open + 1; i < lineEnd; i++) {
      if (src[i] !== "'") continue;
      if (i + 1 < lineEnd && src[i + 1] === "'") {
        text += src.slice(chunk, i + 1);
        chunk = ++i + 1;
        continue;
      }
      text += src.slice(chunk, i);
      return { node: { kind: 'scalar', value: text, source: text, range: this.at(open, i + 1) }, end: i + 1 };
    }
    return fail();
  }

  /** Whether `-`, `?` or `:` followed by the character at `p` is part of a plain scalar, not an indicator. */
  private safeAfterIndicator(p: number, lineEnd: number, inFlow: boolean): boolean {
    if (p >= lineEnd) return false;
    const c = this.src[p]!;
    return inFlow ? !UNSAFE_IN_FLOW.has(c) : c !== ' ';
  }

  /** After a value: spaces, then the line end or a comment (which needs a space before it). */
  private expectLineEnd(from: number, lineEnd: number): void {
    const p = this.skipSpaces(from, lineEnd);
    if (p < lineEnd && !(p > from && this.src.charCodeAt(p) === 35 /* # */)) fail();
  }

  /** Offset of the `:` after a plain key starting at `start`, or -1. */
  private keyColon(start: number): number {
    KEY.lastIndex = start;
    const m = KEY.exec(this.src);
    if (!m || m[0].length > MAX_KEY_LENGTH) return -1;
    return start + m[0].length - 1;
  }

  /** Whether a line (at its indent) is a `-` list item indicator. */
  private isDash(line: SourceLine): boolean {
    const p = line.start + line.indent;
    return this.src.charCodeAt(p) === 45 /* - */ && (p + 1 === line.end || this.src.charCodeAt(p + 1) === 32);
  }

  private nextContent(from: number): number {
    let k = from;
    while (k < this.lines.length && this.lines[k]!.kind !== LineKind.Content) k++;
    return k;
  }

  private hasComment(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.lines[k]!.kind === LineKind.Comment) return true;
    return false;
  }

  /** Where the node on line `k` starts (after its indentation), or the end of input. */
  private nodeStart(k: number): number {
    const line = this.lines[k];
    return line ? line.start + line.indent : this.src.length;
  }

  private skipSpaces(from: number, to: number): number {
    let p = from;
    while (p < to && this.src.charCodeAt(p) === 32) p++;
    return p;
  }
}

/** A plain scalar's value under the YAML 1.2 core schema, tested in the `yaml` library's tag order. */
function resolvePlain(text: string): string | number | boolean | null {
  // Most plain scalars start with a letter no core tag accepts first.
  if (!/^[-+.0-9~nNtTfF]/.test(text)) return text === '' ? null : text;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}
