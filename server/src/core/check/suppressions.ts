import type { LineIndex } from '../text/lineIndex';
import type { Diagnostic, Range } from '../types';

// Inline suppression, as markdownlint users write it (memo-format v2 "Inline suppression"):
//
//   <!-- decision-memos-disable-next-line RULE[, RULE] -->   the line below
//   <!-- decision-memos-disable RULE -->  …  <!-- decision-memos-enable RULE -->   a region
//   <!-- decision-memos-disable-file RULE -->   the whole file, front matter included
//
// No rule named means every rule. Text after ` -- ` is the reason (a SARIF justification).
// Comments inside code blocks are examples, not suppressions. A suppression that suppresses
// nothing is reported by suppression-unused.

type SuppressionKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface Suppression {
  kind: SuppressionKind;
  /** The rules named, as written; empty: every rule. */
  rules: { id: string; range: Range }[];
  /** The whole comment. */
  range: Range;
  /** The reason given after ` -- `, if any. */
  reason: string | undefined;
}

const COMMENT = /<!--\s*decision-memos-(disable-next-line|disable-file|disable|enable)\b([^]*?)-->/g;

/** The suppression comments of a memo body (never throws; a memo without any costs one `includes`). */
export function readSuppressions(text: string, lines: LineIndex, bodyStart: number, excluded: Array<[number, number]>): Suppression[] {
  if (!text.includes('decision-memos-', bodyStart)) return [];
  const out: Suppression[] = [];
  COMMENT.lastIndex = bodyStart;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    if (inCode(text, excluded, m.index)) continue;
    const kind = m[1] as SuppressionKind;
    // The arguments stand right before the closing `-->`.
    const argsAt = m.index + m[0].length - 3 - m[2]!.length;
    const [list, ...reason] = m[2]!.split(/\s--\s/);
    const rules: Suppression['rules'] = [];
    for (const id of list!.matchAll(/[A-Za-z][\w-]*/g)) {
      const at = argsAt + id.index;
      rules.push({ id: id[0], range: lines.rangeOf(at, at + id[0].length) });
    }
    const why = reason.join(' -- ').trim();
    out.push({ kind, rules, range: lines.rangeOf(m.index, m.index + m[0].length), reason: why || undefined });
  }
  return out;
}

/**
 * Whether an offset lies in code: the excluded spans are code and HTML, and the comment itself is
 * an HTML node (a span starting at `<`), which is where a suppression belongs.
 */
function inCode(text: string, excluded: Array<[number, number]>, at: number): boolean {
  let lo = 0;
  let hi = excluded.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = excluded[mid]!;
    if (e <= at) lo = mid + 1;
    else if (s > at) hi = mid - 1;
    else return text[s] !== '<';
  }
  return false;
}

/** Which suppression (and which of its rules) silenced a diagnostic. */
interface Use {
  suppression: Suppression;
  /** The rule id as named, or undefined for a suppression of every rule. */
  rule: string | undefined;
}

export interface SuppressionResult {
  /** Every diagnostic, suppressed ones marked. */
  diagnostics: Diagnostic[];
  /** The suppressions (and rules of them) that silenced nothing; `unknown` names no rule the checker has. */
  unused: { suppression: Suppression; rules: (Suppression['rules'][number] & { unknown: boolean })[] | 'all' }[];
}

/**
 * Marks the diagnostics the comments silence (`suppressed`, with the reason) and says which
 * comments silenced nothing. `known` is every rule id: naming another is an unused suppression.
 */
export function applySuppressions(diagnostics: Diagnostic[], suppressions: readonly Suppression[], known: ReadonlySet<string>): SuppressionResult {
  if (suppressions.length === 0) return { diagnostics, unused: [] };
  const used = new Set<string>();
  const key = (s: Suppression, rule: string | undefined) => `${s.range.start.line}:${s.range.start.character}:${rule ?? '*'}`;
  const out = diagnostics.map((d) => {
    const use = silencer(d, suppressions);
    if (!use) return d;
    used.add(key(use.suppression, use.rule));
    return { ...d, suppressed: { ...(use.suppression.reason ? { justification: use.suppression.reason } : {}) } };
  });
  const unused: SuppressionResult['unused'] = [];
  for (const s of suppressions) {
    if (s.kind === 'enable') continue;
    if (s.rules.length === 0) {
      if (!used.has(key(s, undefined))) unused.push({ suppression: s, rules: 'all' });
      continue;
    }
    const idle = s.rules.filter((r) => !known.has(r.id) || !used.has(key(s, r.id))).map((r) => ({ ...r, unknown: !known.has(r.id) }));
    if (idle.length > 0) unused.push({ suppression: s, rules: idle });
  }
  return { diagnostics: out, unused };
}

/** The suppression that silences a diagnostic, if any: the file's, then a region's, then the line above's. */
function silencer(d: Diagnostic, suppressions: readonly Suppression[]): Use | undefined {
  const names = (s: Suppression) => (s.rules.length === 0 ? { suppression: s, rule: undefined } : s.rules.some((r) => r.id === d.rule) ? { suppression: s, rule: d.rule } : undefined);
  const line = d.range.start.line;
  for (const s of suppressions) if (s.kind === 'disable-file') {
    const n = names(s);
    if (n) return n;
  }
  // Regions: the last disable above the line (for this rule) not closed by an enable since.
  let region: Use | undefined;
  for (const s of suppressions) {
    if (s.range.start.line > line) break;
    if (s.kind === 'disable') region = names(s) ?? region;
    else if (s.kind === 'enable' && region && (s.rules.length === 0 || s.rules.some((r) => r.id === d.rule))) region = undefined;
  }
  if (region) return region;
  for (const s of suppressions) {
    if (s.kind === 'disable-next-line' && s.range.end.line + 1 === line) {
      const n = names(s);
      if (n) return n;
    }
  }
  return undefined;
}
