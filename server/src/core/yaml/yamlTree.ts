import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import { parseSimpleYaml } from './yamlFast';
import { MAX_YAML_NESTING, yamlNestingExceeded } from './yamlLimits';
import type { Range } from '../types';

// A small, position-carrying view of a YAML document. Every consumer of YAML in the product
// (front matter, tenet files, people, config) reads this instead of the `yaml` library's
// node types, so ranges are always mapped to the containing document the same way.

export type YamlValue = YamlScalar | YamlSeq | YamlMap | YamlOther;

export interface YamlScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The scalar's source text as written (for dates that YAML might read as numbers). */
  source: string;
  range: Range;
}
export interface YamlSeq {
  kind: 'seq';
  items: YamlValue[];
  range: Range;
}
export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
  range: Range;
}
/** An alias, a complex key, or nesting deeper than we care to follow. */
interface YamlOther {
  kind: 'other';
  range: Range;
}
export interface YamlEntry {
  key: string;
  keyRange: Range;
  /** Undefined when the key has no value at all (`owners:`). */
  value: YamlValue | undefined;
  /** From the key's start to the value's end. */
  range: Range;
}

export interface YamlProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface ParsedYaml {
  root: YamlValue | undefined;
  problems: YamlProblem[];
}

/** Our documents nest two or three levels; anything deeper is left as `other` (and cannot blow the stack). */
const MAX_DEPTH = 64;

/**
 * Parses YAML that sits at `baseOffset` in a document described by `lines`.
 * Never throws: syntax errors and pathological input become problems with exact ranges.
 */
export function parseYaml(source: string, lines: LineIndex, baseOffset = 0): ParsedYaml {
  // A lone \r ends a line for YAML and for our line index, but not for the `yaml` library, which
  // would read `a: 1\rb: 2` as one line. Same length, so every offset stays where it was.
  const text = source.replace(/\r(?!\n)/g, '\n');
  // Nesting deep enough to exhaust the library's stack can abort the process (see yamlLimits.ts).
  const tooDeep = yamlNestingExceeded(text);
  if (tooDeep !== undefined) {
    const range = lines.rangeOf(baseOffset + tooDeep, baseOffset + Math.min(tooDeep + 1, text.length));
    return { root: undefined, problems: [{ message: `YAML is nested more than ${MAX_YAML_NESTING} levels deep; it was not read`, range, severity: 'error' }] };
  }
  return parseSimpleYaml(text, lines, baseOffset) ?? parseYamlWithLibrary(text, lines, baseOffset);
}

/** Parses YAML with the `yaml` library: everything the fast path (yamlFast.ts) leaves to it. */
export function parseYamlWithLibrary(source: string, lines: LineIndex, baseOffset = 0): ParsedYaml {
  const at = (start: number, end: number): Range => lines.rangeOf(baseOffset + start, baseOffset + Math.max(start, end));
  try {
    const doc = parseDocument(source, {
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
      lineCounter: new LineCounter(),
    });
    const problems: YamlProblem[] = [];
    const problemAt = (pos: [number, number]) => at(...problemOffsets(source, pos[0], pos[1]));
    for (const e of doc.errors) problems.push({ message: cleanMessage(e.message), range: problemAt(e.pos), severity: 'error' });
    for (const w of doc.warnings) problems.push({ message: cleanMessage(w.message), range: problemAt(w.pos), severity: 'warning' });
    const root = doc.contents ? convert(doc.contents as YamlNode, at, 0) : undefined;
    return { root, problems };
  } catch (err) {
    // The parser recurses on nesting; 20,000 levels of `[` can exhaust the stack.
    const message = err instanceof RangeError ? 'YAML is nested too deeply to read' : `YAML could not be read: ${String(err)}`;
    return { root: undefined, problems: [{ message, range: at(0, Math.min(source.length, 1)), severity: 'error' }] };
  }
}

/**
 * Where a problem is shown. The parser notices an unclosed `[` or quote only when the input runs
 * out: at the start of the blank line after the block, or at the end of the source, which in
 * front matter is the closing `---`. Such a problem belongs to the last line with content
 * before it, and covers that line's content. Any other position is kept as the parser gave it.
 */
function problemOffsets(source: string, start: number, end: number): [number, number] {
  const atLineStart = start === 0 || start > source.length || source[start - 1] === '\n' || source[start - 1] === '\r';
  if (!atLineStart) return [start, end];
  const restOfLine = /^[^\r\n]*/.exec(source.slice(start))![0];
  if (start < source.length && restOfLine.trim() !== '') return [start, end];
  let last = Math.min(start, source.length) - 1;
  while (last >= 0 && /\s/.test(source[last]!)) last--;
  if (last < 0) return [start, end];
  const lineStart = Math.max(source.lastIndexOf('\n', last), source.lastIndexOf('\r', last)) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))![0].length;
  return [lineStart + indent, last + 1];
}

function cleanMessage(message: string): string {
  // The library appends "at line N, column M" and a code excerpt; the range already says where.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function convert(node: YamlNode, at: (s: number, e: number) => Range, depth: number): YamlValue {
  const [start, valueEnd] = node.range ?? [0, 0];
  const range = at(start, valueEnd);
  if (depth > MAX_DEPTH || isAlias(node)) return { kind: 'other', range };
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { kind: 'scalar', value, source: node.source === undefined ? String(v) : String(node.source), range };
  }
  if (isSeq(node)) {
    const items: YamlValue[] = [];
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'range' in item) items.push(convert(item as YamlNode, at, depth + 1));
    }
    return { kind: 'seq', items, range };
  }
  if (isMap(node)) {
    const entries: YamlEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      if (!keyNode || !isScalar(keyNode) || !keyNode.range) continue;
      const keyRange = at(keyNode.range[0], keyNode.range[1]);
      const valueNode = pair.value as YamlNode | null;
      const value = valueNode && valueNode.range ? convert(valueNode, at, depth + 1) : undefined;
      // A `key:` with nothing after it parses as an empty scalar; treat it as absent.
      const present = value && !(value.kind === 'scalar' && value.value === null && value.source === '') ? value : undefined;
      entries.push({
        key: String(keyNode.value),
        keyRange,
        value: present,
        range: { start: keyRange.start, end: present ? present.range.end : keyRange.end },
      });
    }
    return { kind: 'map', entries, range };
  }
  return { kind: 'other', range };
}

/** The entry with this key (the first one; duplicates are a YAML error already). */
export function getEntry(map: YamlValue | undefined, key: string): YamlEntry | undefined {
  if (!map || map.kind !== 'map') return undefined;
  return map.entries.find((e) => e.key === key);
}

/** A scalar's text, or undefined for anything that is not a non-empty scalar. */
export function scalarText(value: YamlValue | undefined): string | undefined {
  if (!value || value.kind !== 'scalar' || value.value === null) return undefined;
  const text = typeof value.value === 'string' ? value.value : value.source;
  return text.trim() === '' ? undefined : text.trim();
}

/** A scalar or a list of scalars, as located strings (`owners: alice` and `owners: [alice]` alike). */
export function stringList(value: YamlValue | undefined): { value: string; range: Range }[] {
  if (!value) return [];
  if (value.kind === 'scalar') {
    const t = scalarText(value);
    return t === undefined ? [] : [{ value: t, range: value.range }];
  }
  if (value.kind === 'seq') {
    const out: { value: string; range: Range }[] = [];
    for (const item of value.items) {
      const t = scalarText(item);
      if (t !== undefined) out.push({ value: t, range: item.range });
    }
    return out;
  }
  return [];
}
