import { readFrontMatter } from './frontMatter';
import { INLINE_CITATION, isUrl, memoIdFromPath, memoRefToId } from '../ids';
import { isExcluded, readBodyStructure, type MarkdownStructure } from '../markdown/markdownStructure';
import { type BodyLine, type Citation, type EvidenceEntry, type FieldSource, type MemoModel, type Section, type Verdict } from './memoModel';
import { LineIndex, stripBom } from '../text/lineIndex';
import type { Located } from '../types';
import { getEntry, scalarText, stringList, type YamlEntry, type YamlValue } from '../yaml/yamlTree';
import { EVIDENCE_TARGET_KEYS, LIMITS_KEYS, MEMO_STATUSES, OWNER_KEYS, STATUS_ALIASES, type MemoStatus } from '../../shared/vocabulary';


/** Parses a memo once into the model every rule reads. Never throws. */
export function parseMemo(file: string, rawText: string): MemoModel {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(lines);
  const fields = new Map<string, YamlEntry>();
  for (const e of frontMatter?.map?.entries ?? []) if (!fields.has(e.key)) fields.set(e.key, e);
  const bodyStart = frontMatter ? (lines.lineStarts[frontMatter.range.end.line + 1] ?? text.length) : 0;
  const structure = readBodyStructure(text, bodyStart);
  const body = scanBody(text, lines, structure, bodyStart);
  const fm = (key: string) => fields.get(key);
  let words: string[] | undefined;

  const idEntry = fm('id');
  const idText = scalarText(idEntry?.value);
  const id =
    idText !== undefined && idEntry?.value
      ? { value: idText, range: idEntry.value.range, derived: false }
      : { value: memoIdFromPath(file), range: lines.rangeOf(0, 0), derived: true };

  const titleText = scalarText(fm('title')?.value);
  const h1 = structure.headings.find((h) => h.depth === 1) ?? structure.headings[0];
  const title: Located<string> | undefined =
    titleText !== undefined
      ? { value: titleText, range: fm('title')!.value!.range }
      : h1 && h1.text
        ? { value: h1.text, range: lines.rangeOf(h1.start, h1.end) }
        : undefined;

  const status = located(fm('status')) ?? body.status;
  const { statusValue, supersededBy: statusSupersededBy } = normaliseStatus(status);

  const ownersEntry = OWNER_KEYS.map((k) => fm(k)).find((e) => e !== undefined);
  const owners = ownersEntry ? splitPeople(stringListOrMapIds(ownersEntry.value), text, lines) : body.owners;

  const evidenceEntry = fm('evidence');
  const citations: Citation[] = [
    ...stringListOrMapIds(fm('tenets')?.value).map((c) => ({ id: c.value, range: c.range, source: 'front-matter' as const })),
    ...body.inlineCitations,
  ];

  return {
    file,
    text,
    lines,
    frontMatter,
    fields,
    id,
    title,
    status,
    statusValue,
    statusSupersededBy,
    date: located(fm('date')) ?? body.date,
    owners,
    ownersEntry,
    approver: splitPeople(stringList(fm('approver')?.value ?? fm('approvers')?.value), text, lines),
    consulted: stringList(fm('consulted')?.value),
    informed: stringList(fm('informed')?.value),
    reversibility: plain(fm('reversibility')),
    scope: plain(fm('scope')),
    citations,
    verdicts: body.verdicts,
    evidence: readEvidence(evidenceEntry?.value),
    evidenceEntry,
    supersedes: stringList(fm('supersedes')?.value).map((s) => ({ value: memoRefToId(s.value), range: s.range })),
    supersededBy: stringList(fm('superseded-by')?.value ?? fm('superseded_by')?.value).map((s) => ({
      value: memoRefToId(s.value),
      range: s.range,
    })),
    claims: body.claims,
    boundaries: body.boundaries,
    sections: body.sections,
    bodyStart,
    // Words are for tenet relevance only; most checks never ask, so they are read on demand.
    get words() {
      return (words ??= proseWords(lines, structure, bodyStart));
    },
  };
}

function plain(entry: YamlEntry | undefined): Located<string> | undefined {
  const t = scalarText(entry?.value);
  return t === undefined || !entry?.value ? undefined : { value: t, range: entry.value.range };
}

function located(entry: YamlEntry | undefined): FieldSource<string> | undefined {
  const l = plain(entry);
  return l ? { ...l, from: 'front-matter' } : undefined;
}

/** Strings, or maps with an `id` (`- id: CO-TRUST`), from a scalar or a list. */
function stringListOrMapIds(value: YamlValue | undefined): Located<string>[] {
  if (value?.kind !== 'seq') return stringList(value);
  const out: Located<string>[] = [];
  for (const item of value.items) {
    if (item.kind === 'map') {
      const idValue = getEntry(item, 'id')?.value;
      const t = scalarText(idValue);
      if (t !== undefined && idValue) out.push({ value: t, range: idValue.range });
    } else out.push(...stringList(item));
  }
  return out;
}

/** `deciders: Ann, Bob` names two people; each gets its own range. */
function splitPeople(items: Located<string>[], text: string, lines: LineIndex): Located<string>[] {
  const out: Located<string>[] = [];
  for (const item of items) {
    if (!item.value.includes(',')) {
      out.push(item);
      continue;
    }
    let cursor = lines.offsetAt(item.range.start);
    const end = lines.offsetAt(item.range.end);
    for (const part of item.value.split(',')) {
      const name = part.trim();
      if (!name) continue;
      const at = text.indexOf(name, cursor);
      if (at < 0 || at + name.length > end) out.push({ value: name, range: item.range });
      else {
        out.push({ value: name, range: lines.rangeOf(at, at + name.length) });
        cursor = at + name.length;
      }
    }
  }
  return out;
}

// Words real ADR folders use for our statuses (adr-tools users write `Pending` for proposed).

/** `Accepted`, `superseded by [ADR-0005](0005-x.md)`, `Proposed (2020-01-01)` → a known status. */
function normaliseStatus(status: Located<string> | undefined): {
  statusValue: MemoStatus | undefined;
  supersededBy: Located<string> | undefined;
} {
  if (!status) return { statusValue: undefined, supersededBy: undefined };
  const cleaned = status.value.replace(/[*_`]/g, '').trim().toLowerCase();
  const word = /^[a-z-]+/.exec(cleaned)?.[0] ?? '';
  const statusValue = (MEMO_STATUSES as readonly string[]).includes(word) ? (word as MemoStatus) : STATUS_ALIASES[word];
  let supersededBy: Located<string> | undefined;
  const by = /^superseded\s+by\s*:?\s*(.+)$/i.exec(status.value.replace(/[*_`]/g, '').trim());
  if (statusValue === 'superseded' && by) supersededBy = { value: memoRefToId(by[1]!.trim()), range: status.range };
  return { statusValue, supersededBy };
}

function readEvidence(value: YamlValue | undefined): EvidenceEntry[] {
  if (!value) return [];
  const items = value.kind === 'seq' ? value.items : [value];
  const out: EvidenceEntry[] = [];
  for (const item of items) {
    if (item.kind === 'scalar') {
      const t = scalarText(item);
      if (t === undefined) continue;
      out.push({ target: t, kind: isUrl(t) ? 'url' : 'path', targetRange: item.range, range: item.range, limits: undefined, date: undefined, isMap: false });
    } else if (item.kind === 'map') {
      const targetEntry = firstEntry(item, EVIDENCE_TARGET_KEYS);
      const target = scalarText(targetEntry?.value);
      const limitsEntry = firstEntry(item, LIMITS_KEYS);
      const limitsText = scalarText(limitsEntry?.value) ?? (limitsEntry?.value?.kind === 'seq' ? stringList(limitsEntry.value).map((s) => s.value).join('; ') || undefined : undefined);
      const dateEntry = getEntry(item, 'date');
      const dateText = scalarText(dateEntry?.value);
      out.push({
        target: target ?? '',
        kind: target !== undefined && isUrl(target) ? 'url' : 'path',
        targetRange: targetEntry?.value?.range ?? item.range,
        range: item.range,
        limits: limitsText !== undefined && limitsEntry?.value ? { value: limitsText, range: limitsEntry.value.range } : undefined,
        date: dateText !== undefined && dateEntry?.value ? { value: dateText, range: dateEntry.value.range } : undefined,
        isMap: true,
        ...(target === undefined ? { malformed: 'an evidence entry needs a `path` or a `url`' } : {}),
      });
    } else {
      out.push({ target: '', kind: 'path', targetRange: item.range, range: item.range, limits: undefined, date: undefined, isMap: false, malformed: 'an evidence entry is a path, a URL, or a map with `path` or `url`' });
    }
  }
  return out;
}

interface BodyFacts {
  claims: BodyLine[];
  boundaries: BodyLine[];
  inlineCitations: Citation[];
  verdicts: Verdict[];
  sections: Section[];
  status: FieldSource<string> | undefined;
  date: FieldSource<string> | undefined;
  owners: Located<string>[];
}

const KEYWORD_LINE = /^(\s{0,3}(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?)(claim|boundary)((?:\*\*|__|\*|_)?\s*:\s*(?:\*\*|__|\*|_)?\s*)(.*)$/i;
const BULLET_FIELD = /^(\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?)(status|deciders|decision-makers|date)((?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.+?)\s*$/i;
const VERDICT_MARK = /^\s*(?:[:\-–—]\s*)?(?:\*\*)?(✓|✔|✔️|✅|✗|✘|❌|✖)(?:\*\*)?\s*(.*)$/u;
const WORD = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;

function scanBody(text: string, lines: LineIndex, structure: MarkdownStructure, bodyStart: number): BodyFacts {
  const facts: BodyFacts = { claims: [], boundaries: [], inlineCitations: [], verdicts: [], sections: [], status: undefined, date: undefined, owners: [] };
  const { excluded, headings } = structure;
  const firstLine = lines.positionAt(bodyStart).line;
  const headingLines = new Map<number, (typeof headings)[number]>();
  for (const h of headings) if (h.start >= bodyStart) headingLines.set(lines.positionAt(h.start).line, h);

  // Sections: each heading to the next heading of the same or a higher level.
  const bodyHeadings = headings.filter((h) => h.start >= bodyStart);
  bodyHeadings.forEach((h, i) => {
    // A scan, not `slice(i + 1).find`: copying the tail for each heading is quadratic in headings.
    let next: (typeof bodyHeadings)[number] | undefined;
    for (let j = i + 1; j < bodyHeadings.length && !next; j++) if (bodyHeadings[j]!.depth <= h.depth) next = bodyHeadings[j];
    const end = next ? next.start : text.length;
    facts.sections.push({ title: h.text, depth: h.depth, headingRange: lines.rangeOf(h.start, h.end), range: lines.rangeOf(h.start, end) });
  });

  let inStatusSection = false;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line]!;
    const lineText = lines.lineText(line);
    const heading = headingLines.get(line);
    if (heading) {
      inStatusSection = /^status$/i.test(heading.text);
      continue;
    }
    // Lines that begin inside code or HTML are not prose.
    if (isExcluded(excluded, start + (lineText.length - lineText.trimStart().length))) continue;
    if (inStatusSection && !facts.status && lineText.trim() !== '') {
      const value = lineText.replace(/^\s*(?:[-*+]\s+)?/, '').trim();
      const at = start + lineText.indexOf(value);
      facts.status = { value, range: lines.rangeOf(at, at + value.length), from: 'body' };
      inStatusSection = false;
    }
    const kw = KEYWORD_LINE.exec(lineText);
    if (kw && !isExcluded(excluded, start + kw[1]!.length)) {
      const textAt = start + kw[1]!.length + kw[2]!.length + kw[3]!.length;
      const sentence = kw[4]!.replace(/(?:\*\*|__)\s*$/, '').trimEnd();
      const item: BodyLine = { range: lines.lineRange(line), text: sentence, textRange: lines.rangeOf(textAt, textAt + sentence.length) };
      (kw[2]!.toLowerCase() === 'claim' ? facts.claims : facts.boundaries).push(item);
    }
    const bf = BULLET_FIELD.exec(lineText);
    if (bf && !isExcluded(excluded, start)) {
      const key = bf[2]!.toLowerCase();
      const valueAt = start + bf[1]!.length + bf[2]!.length + bf[3]!.length;
      const value = bf[4]!;
      const loc = { value, range: lines.rangeOf(valueAt, valueAt + value.length), from: 'body' as const };
      if (key === 'status' && !facts.status) facts.status = loc;
      else if (key === 'date' && !facts.date) facts.date = loc;
      else if ((key === 'deciders' || key === 'decision-makers') && facts.owners.length === 0) {
        let cursor = valueAt;
        for (const part of value.split(',')) {
          const name = part.trim();
          if (!name) continue;
          const at = text.indexOf(name, cursor);
          facts.owners.push({ value: name, range: lines.rangeOf(at, at + name.length) });
          cursor = at + name.length;
        }
      }
    }
    for (const m of lineText.matchAll(INLINE_CITATION)) {
      const at = start + m.index;
      if (isExcluded(excluded, at, at + m[0].length)) continue;
      const id = m[1]!.trim();
      const range = lines.rangeOf(at, at + m[0].length);
      facts.inlineCitations.push({ id, range, source: 'inline' });
      const after = VERDICT_MARK.exec(lineText.slice(m.index + m[0].length));
      if (after) {
        const mark = after[1]!;
        facts.verdicts.push({ id, verdict: /[✓✔✅]/u.test(mark) ? 'supports' : 'conflicts', reason: after[2]!.trim(), range: lines.lineRange(line) });
      }
    }
  }
  return facts;
}

/** Lower-cased words of the headings and prose lines of the body (not code, not front matter). */
function proseWords(lines: LineIndex, structure: MarkdownStructure, bodyStart: number): string[] {
  const words: string[] = [];
  for (let line = lines.positionAt(bodyStart).line; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line]!;
    const lineText = lines.lineText(line);
    if (isExcluded(structure.excluded, start + (lineText.length - lineText.trimStart().length))) continue;
    collectWords(lineText, words);
  }
  return words;
}

function collectWords(line: string, into: string[]): void {
  for (const m of line.toLowerCase().matchAll(WORD)) if (m[0].length > 2) into.push(m[0]);
}

/** The first of `keys` a map holds (keys are alternatives, in order of preference). */
function firstEntry(map: YamlValue, keys: readonly string[]): YamlEntry | undefined {
  for (const k of keys) {
    const e = getEntry(map, k);
    if (e) return e;
  }
  return undefined;
}
