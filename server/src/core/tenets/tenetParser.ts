import { readStructure } from '../markdown/markdownStructure';
import { LineIndex, stripBom } from '../text/lineIndex';
import type { TenetDefinition, TenetFile } from './tenetModel';
import type { Range } from '../types';
import { getEntry, parseYaml, scalarText, stringList, type YamlMap, type YamlValue } from '../yaml/yamlTree';

const HEADING_ID = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\s*(?:[:—–-]\s*(.*))?$/;
const META_LINE = /^[a-z][a-z-]*\s*:(\s|$)/;

/** Reads a tenet file: markdown (one heading per tenet) or YAML (a list, or `tenets:` holding one). */
export function parseTenetFile(file: string, rawText: string): TenetFile {
  const text = stripBom(rawText);
  return /\.ya?ml$/i.test(file) ? parseYamlTenets(file, text) : parseMarkdownTenets(file, text);
}

function parseMarkdownTenets(file: string, text: string): TenetFile {
  const lines = new LineIndex(text);
  const { headings } = readStructure(text);
  const tenets: TenetDefinition[] = [];
  const problems: TenetFile['problems'] = [];
  headings.forEach((h, i) => {
    const m = HEADING_ID.exec(h.text);
    if (!m) return;
    const id = m[1]!;
    const headingLine = lines.positionAt(h.start).line;
    const idCol = lines.lineText(headingLine).indexOf(id);
    const idRange = lines.rangeOf(h.start + Math.max(0, idCol), h.start + Math.max(0, idCol) + id.length);
    const sectionEnd = headings[i + 1]?.start ?? text.length;
    const endLine = lines.positionAt(sectionEnd).line;
    // Metadata: the `key: value` lines right after the heading (blank lines allowed before them).
    let line = headingLine + 1;
    while (line < endLine && lines.lineText(line).trim() === '') line++;
    const metaStartLine = line;
    while (line < endLine && META_LINE.test(lines.lineText(line))) line++;
    let meta: YamlValue | undefined;
    if (line > metaStartLine) {
      const from = lines.lineStarts[metaStartLine]!;
      const to = lines.lineStarts[line] ?? text.length;
      const parsed = parseYaml(text.slice(from, to), lines, from);
      problems.push(...parsed.problems);
      meta = parsed.root;
    }
    // Statement: the prose that follows, up to the next heading.
    const stmtFrom = lines.lineStarts[line] ?? text.length;
    const stmtTo = line < endLine ? sectionEnd : stmtFrom;
    const raw = text.slice(stmtFrom, stmtTo);
    const lead = raw.length - raw.trimStart().length;
    const statement = raw.trim().replace(/\s+/g, ' ');
    const statementRange = lines.rangeOf(stmtFrom + lead, stmtFrom + lead + raw.trim().length);
    tenets.push(fromMeta(file, id, idRange, lines.rangeOf(h.start, h.end), m[2]?.trim() || undefined, meta, statement, statementRange));
  });
  return { file, text, tenets, problems };
}

function parseYamlTenets(file: string, text: string): TenetFile {
  const lines = new LineIndex(text);
  const parsed = parseYaml(text, lines);
  const problems = [...parsed.problems];
  // A mapping holds its list under `tenets:`; a mapping without that key is a mistake to report, not an empty file.
  const tenetsEntry = parsed.root?.kind === 'map' ? getEntry(parsed.root, 'tenets') : undefined;
  const root = tenetsEntry ? tenetsEntry.value : parsed.root;
  const tenets: TenetDefinition[] = [];
  if (root && root.kind !== 'seq') {
    problems.push({ message: 'A YAML tenet file is a list of tenets (or a `tenets:` key holding one).', range: root.range, severity: 'error' });
  }
  for (const item of root?.kind === 'seq' ? root.items : []) {
    if (item.kind !== 'map') {
      problems.push({ message: 'Each tenet is a mapping with at least `id` and `statement`.', range: item.range, severity: 'error' });
      continue;
    }
    const idValue = getEntry(item, 'id')?.value;
    const id = scalarText(idValue);
    if (id === undefined || !idValue) {
      problems.push({ message: 'This tenet has no `id`.', range: item.range, severity: 'error' });
      continue;
    }
    const stmtValue = getEntry(item, 'statement')?.value;
    const statement = (scalarText(stmtValue) ?? '').replace(/\s+/g, ' ');
    tenets.push(fromMeta(file, id, idValue.range, item.range, scalarText(getEntry(item, 'title')?.value), item, statement, stmtValue?.range ?? idValue.range));
  }
  return { file, text, tenets, problems };
}

function fromMeta(
  file: string,
  id: string,
  idRange: Range,
  range: Range,
  title: string | undefined,
  meta: YamlValue | undefined,
  statement: string,
  statementRange: Range,
): TenetDefinition {
  const map: YamlMap | undefined = meta?.kind === 'map' ? meta : undefined;
  const text = (key: string) => scalarText(getEntry(map, key)?.value);
  const loc = (key: string) => {
    const v = getEntry(map, key)?.value;
    const t = scalarText(v);
    return t !== undefined && v ? { value: t, range: v.range } : undefined;
  };
  const list = (key: string) =>
    stringList(getEntry(map, key)?.value)
      .flatMap((t) => t.value.split(','))
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
  const tags = list('tags');
  return {
    id,
    file,
    idRange,
    range,
    title: text('title') ?? title,
    layer: loc('layer'),
    function: text('function')?.toLowerCase(),
    team: text('team')?.toLowerCase(),
    parent: loc('parent'),
    tags,
    aliases: list('aliases'),
    statement,
    statementRange,
    status: text('status')?.toLowerCase() === 'retired' ? 'retired' : 'active',
  };
}
