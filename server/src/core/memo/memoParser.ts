import { readFrontMatter } from './frontMatter';
import { isUrl, memoIdFromPath, memoRefToId } from '../ids';
import { readBodyStructure } from '../markdown/markdownStructure';
import { proseLines, scanBody } from './bodyScanner';
import type { BodyStructures } from './structureModel';
import { readStructures } from './structures';
import { readSuppressions, type Suppression } from '../check/suppressions';
import type { Citation, EvidenceEntry, FieldSource, MemoModel, ProseLine } from './memoModel';
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
  let prose: ProseLine[] | undefined;
  let structures: BodyStructures | undefined;
  let suppressions: Suppression[] | undefined;

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
    decisionType: plain(fm('decision-type') ?? fm('decision_type')),
    impact: stringList(fm('impact')?.value ?? fm('impacts')?.value),
    spend: plain(fm('spend')),
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
    // Prose is for tenet relevance only; most checks never ask, so it is read on demand.
    get prose() {
      return (prose ??= proseLines(lines, structure, bodyStart));
    },
    get structures() {
      return (structures ??= readStructures({ text, lines, sections: body.sections, bodyStart, excluded: structure.excluded }));
    },
    get suppressions() {
      return (suppressions ??= readSuppressions(text, lines, bodyStart, structure.excluded));
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
        // `path:` written with nothing after it is a blank to fill (placeholder-left), not a malformed entry.
        ...(target === undefined ? (targetEntry ? { emptyTarget: targetEntry.keyRange } : { malformed: 'an evidence entry needs a `path` or a `url`' }) : {}),
      });
    } else {
      out.push({ target: '', kind: 'path', targetRange: item.range, range: item.range, limits: undefined, date: undefined, isMap: false, malformed: 'an evidence entry is a path, a URL, or a map with `path` or `url`' });
    }
  }
  return out;
}

/** The first of `keys` a map holds (keys are alternatives, in order of preference). */
function firstEntry(map: YamlValue, keys: readonly string[]): YamlEntry | undefined {
  for (const k of keys) {
    const e = getEntry(map, k);
    if (e) return e;
  }
  return undefined;
}
