import { type EvidenceEntry, type MemoModel } from '../memo/memoModel';
import type { Range } from '../types';
import { normaliseRelative } from '../workspace/workspaceFs';
import type { YamlSeq, YamlValue } from '../yaml/yamlTree';
import { DECIDING_STATUSES, LIMITS_PLACEHOLDER, PATH_PLACEHOLDER, REVERSIBILITIES, type Reversibility } from '../../shared/vocabulary';

// What the evidence rules share besides path resolution: the entry template their fixes insert,
// the placeholders that template leaves, which memos must cite evidence, and how artifacts are
// counted. One place, so the rules agree (evidence-missing and evidence-below-threshold must
// never report the same memo twice).

/**
 * The key/value pairs of the evidence entry a fix inserts: the path and the limitation are blanks
 * that placeholder-left reports until filled; the date is today's (a blank date would be one
 * more thing to fill for nothing).
 */
export function evidenceTemplate(today: string): readonly (readonly [string, string])[] {
  return [
    ['path', PATH_PLACEHOLDER],
    ['limits', LIMITS_PLACEHOLDER],
    ['date', today],
  ];
}

/** The blanks of the evidence template, in the order a snippet visits them. */
export const EVIDENCE_BLANKS = [PATH_PLACEHOLDER, LIMITS_PLACEHOLDER];

// Capitals only: `todo.md` is a file name, `TODO` is a blank to fill.
const PLACEHOLDERS = new Set([PATH_PLACEHOLDER, LIMITS_PLACEHOLDER, 'PATH', 'URL', 'TODO', 'TBD', 'FIXME', 'XXX', '...', '…', '?', '???']);
// Words that fill `limits:` without stating anything.
const NO_LIMITATION = new Set(['none', 'n/a', 'na', 'nil', '-', '—', 'unknown', 'no limits', 'no limitations', 'nothing']);

/** Whether a value is a template blank (`PATH-OR-URL`, `LIMITATION`, `TODO`, `…`) rather than content. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.trim());
}

/** Whether a `limits:` value states no limitation at all (a blank, or `none`, `n/a`). */
export function statesNoLimitation(text: string): boolean {
  return isPlaceholder(text) || NO_LIMITATION.has(text.trim().toLowerCase());
}

// Evidence is asked for once a memo asks for (or records) a decision. Drafts are still being
// written; rejected, deprecated and superseded memos are records, not asked for new content.

/** Whether the memo's status asks for evidence (proposed or accepted). */
export function needsEvidence(memo: MemoModel): boolean {
  return memo.statusValue !== undefined && DECIDING_STATUSES.includes(memo.statusValue);
}

/** The memo's reversibility as one of the three known values (`One-Way`, `one way` read as `one-way`). */
export function reversibilityOf(memo: MemoModel): Reversibility | undefined {
  const written = memo.reversibility?.value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (REVERSIBILITIES as readonly string[]).includes(written ?? '') ? (written as Reversibility) : undefined;
}

/**
 * The artifacts that count toward the threshold: entries with a path or URL, each target once
 * (citing the same report twice is one artifact). Placeholders count, one per entry, so that a
 * freshly inserted template satisfies the count while evidence-not-found still flags it.
 */
export function countedArtifacts(memo: MemoModel): EvidenceEntry[] {
  const seen = new Set<string>();
  const out: EvidenceEntry[] = [];
  for (const entry of memo.evidence) {
    if (entry.malformed) continue;
    if (!isPlaceholder(entry.target)) {
      const key = entry.kind === 'path' ? (normaliseRelative(entry.target) ?? entry.target) : entry.target;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(entry);
  }
  return out;
}

/** One item of the `evidence` list: its YAML node, the list holding it, and its parsed entry (none for an empty item). */
export interface EvidenceItem {
  node: YamlValue;
  /** The list the item is in; undefined when `evidence:` holds a single value. */
  list: YamlSeq | undefined;
  entry: EvidenceEntry | undefined;
}

/** The items of the `evidence` value, matched to the parsed entries by their ranges. */
export function evidenceItems(memo: MemoModel): EvidenceItem[] {
  const value = memo.evidenceEntry?.value;
  if (!value) return [];
  const list = value.kind === 'seq' ? value : undefined;
  const nodes = list ? list.items : [value];
  // By range in a map, not a search per item: a search per item is quadratic in the list's length.
  const byRange = new Map<string, EvidenceEntry>();
  for (const e of memo.evidence) if (!byRange.has(rangeKey(e.range))) byRange.set(rangeKey(e.range), e);
  return nodes.map((node) => ({ node, list, entry: byRange.get(rangeKey(node.range)) }));
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}

