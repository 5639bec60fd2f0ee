import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import type { Diagnostic } from '../../server/src/core/types';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';

// Runs the product's own rules on a labelled set (a workspace folder with `labels.yaml`) and
// measures what a user sees:
//   - hints: `tenet-relevant-uncited` on each memo as written (hints only fire on memos that cite
//     something); precision over all hints, recall over the labelled tenets a memo does not cite;
//   - fixes: each memo with its citations stripped (front matter `tenets`, verdict lines, inline
//     `[[ID]]`), the rest of the workspace as written: `tenet-missing`'s ranked "Cite X" fixes.
//     Recall@3 and MRR over memos with labels; the share of memos without a relevant tenet
//     (traps, and memos no tenet applies to) offered any fix.

export interface Labels {
  relevant: string[];
  trap: boolean;
}

export interface SetMetrics {
  name: string;
  memos: number;
  hintMemos: number;
  hints: number;
  hintPrecision: number;
  hintRecall: number;
  fixMemos: number;
  fixRecallAt3: number;
  mrr: number;
  traps: number;
  trapsOfferedFix: number;
  unlabelled: number;
  unlabelledOfferedFix: number;
  /** Per memo: what was hinted and offered, for reading the failures. */
  details: MemoDetail[];
}

export interface MemoDetail {
  file: string;
  relevant: string[];
  cited: string[];
  hinted: string[];
  fixes: string[];
  trap: boolean;
}

const TODAY = '2026-06-01';

export function loadSet(dir: string): { files: Record<string, string>; labels: Map<string, Labels> } {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (/\.(md|ya?ml)$/.test(e.name) && r !== 'labels.yaml' && r !== 'README.md') files[r] = fs.readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  const raw = parse(fs.readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as { memos: Record<string, { relevant?: string[]; trap?: boolean }> };
  const labels = new Map<string, Labels>();
  for (const [name, l] of Object.entries(raw.memos)) labels.set(`memos/${name}`, { relevant: l.relevant ?? [], trap: l.trap === true });
  return { files, labels };
}

function check(files: Record<string, string>): Diagnostic[] {
  const ws = new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY);
  return checkWorkspace(ws, ALL_RULES, { onRuleError: (rule, file, e) => { throw new Error(`${rule} on ${file}: ${String(e)}`); } }).diagnostics;
}

/** The tenet a relevance hint names (its related location is the tenet's definition, `ID: statement`). */
function hintedTenet(d: Diagnostic): string | undefined {
  return d.related?.[0]?.message.split(':')[0];
}

function fixTenets(d: Diagnostic | undefined): string[] {
  return (d?.fixes ?? []).map((f) => /^Cite ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)/.exec(f.title)?.[1]).filter((x): x is string => x !== undefined);
}

/** The memo with every citation removed: no `tenets:` entry, no verdict lines, no inline `[[ID]]`. */
export function stripCitations(file: string, text: string): string {
  const memo = parseMemo(file, text);
  let out = text;
  const entry = memo.fields.get('tenets');
  if (entry) {
    const start = memo.lines.lineStarts[entry.range.start.line]!;
    const endLine = entry.range.end.character === 0 ? entry.range.end.line : entry.range.end.line + 1;
    const end = memo.lines.lineStarts[endLine] ?? text.length;
    out = text.slice(0, start) + text.slice(end);
  }
  return out
    .split('\n')
    .filter((line) => !/^\s*(?:[-*+]\s+)?\[\[[^\]\n]+\]\]/.test(line))
    .join('\n')
    .replace(/\[\[[^\]\n]+\]\]/g, '');
}

export function evaluateSet(name: string, dir: string): SetMetrics {
  const { files, labels } = loadSet(dir);
  const asWritten = check(files);
  const details: MemoDetail[] = [];
  let tp = 0;
  let hints = 0;
  let expected = 0;
  let hintMemos = 0;
  let fixMemos = 0;
  let top3 = 0;
  let rr = 0;
  let traps = 0;
  let trapsOffered = 0;
  let unlabelled = 0;
  let unlabelledOffered = 0;
  for (const [file, label] of [...labels].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = files[file];
    if (text === undefined) throw new Error(`${name}: labels name ${file}, which does not exist`);
    const cited = [...new Set(parseMemo(file, text).citations.map((c) => c.id))];
    const relevant = new Set(label.relevant);
    const hinted = asWritten.filter((d) => d.file === file && d.rule === 'tenet-relevant-uncited').map(hintedTenet).filter((x): x is string => x !== undefined);
    if (cited.length > 0) {
      hintMemos++;
      hints += hinted.length;
      tp += hinted.filter((t) => relevant.has(t)).length;
      expected += label.relevant.filter((t) => !cited.includes(t)).length;
    }
    const stripped = check({ ...files, [file]: stripCitations(file, text) });
    const fixes = fixTenets(stripped.find((d) => d.file === file && d.rule === 'tenet-missing'));
    if (label.relevant.length > 0) {
      fixMemos++;
      const rank = fixes.findIndex((t) => relevant.has(t));
      if (rank >= 0 && rank < 3) top3++;
      if (rank >= 0) rr += 1 / (rank + 1);
    } else {
      unlabelled++;
      if (fixes.length > 0) unlabelledOffered++;
    }
    if (label.trap && label.relevant.length === 0) {
      traps++;
      if (fixes.length > 0) trapsOffered++;
    }
    details.push({ file, relevant: label.relevant, cited, hinted, fixes, trap: label.trap });
  }
  return {
    name,
    memos: labels.size,
    hintMemos,
    hints,
    hintPrecision: hints === 0 ? 1 : tp / hints,
    hintRecall: expected === 0 ? 1 : tp / expected,
    fixMemos,
    fixRecallAt3: fixMemos === 0 ? 1 : top3 / fixMemos,
    mrr: fixMemos === 0 ? 1 : rr / fixMemos,
    traps,
    trapsOfferedFix: traps === 0 ? 0 : trapsOffered / traps,
    unlabelled,
    unlabelledOfferedFix: unlabelled === 0 ? 0 : unlabelledOffered / unlabelled,
    details,
  };
}

/** Every candidate's score for every memo of a set (as written; cited tenets and their chains left out): for calibration curves. */
export function scoresOf(dir: string): { file: string; trap: boolean; cites: boolean; ranked: { id: string; score: number; relevant: boolean }[] }[] {
  const { files, labels } = loadSet(dir);
  const ws = new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY);
  checkWorkspace(ws, ALL_RULES, { onlyFiles: [] });
  const out = [];
  for (const [file, label] of labels) {
    const memo = parseMemo(file, files[file]!);
    const cited = new Set(memo.citations.map((c) => c.id));
    const covered = new Set<string>();
    for (const id of cited) {
      const t = ws.registry.get(id);
      if (t) for (const c of ws.registry.chain(t)) covered.add(c.id);
    }
    const candidates = ws.registry.all.filter((t) => t.status === 'active' && !cited.has(t.id) && !covered.has(t.id));
    const ranked = ws.relevance().rank(memo, candidates).map((r) => ({ id: r.tenet.id, score: r.score, relevant: label.relevant.includes(r.tenet.id) }));
    out.push({ file, trap: label.trap, cites: cited.size > 0, ranked });
  }
  return out;
}

/** The top of the ranking of each memo with what matched (for reading failures during development). */
export function explainSet(dir: string, top = 3): string[] {
  const { files, labels } = loadSet(dir);
  const ws = new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY);
  checkWorkspace(ws, ALL_RULES, { onlyFiles: [] });
  const out: string[] = [];
  for (const [file, label] of labels) {
    const memo = parseMemo(file, stripCitations(file, files[file]!));
    const ranked = ws.relevance().rank(memo, ws.registry.all).slice(0, top);
    out.push(`${file} ${label.trap ? '(trap) ' : ''}relevant=${label.relevant.join(',') || '-'}`);
    for (const r of ranked) out.push(`   ${label.relevant.includes(r.tenet.id) ? '+' : ' '} ${r.tenet.id} ${r.score.toFixed(0)} ${r.bothSides ? 'BOTH ' : ''}${r.situation ? 'SIT ' : ''}taught=${r.taughtBy} ${r.matched.slice(0, 8).join(', ')}`);
  }
  return out;
}

/** The signals of every (memo, tenet) pair of a set, each memo with its citations stripped: for fitting the weights on the dev set. */
export function featuresOf(dir: string): { file: string; tenet: string; relevant: boolean; trap: boolean; features: Record<string, number> }[] {
  const { files, labels } = loadSet(dir);
  const ws = new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY);
  checkWorkspace(ws, ALL_RULES, { onlyFiles: [] });
  const out = [];
  for (const [file, label] of labels) {
    const memo = parseMemo(file, stripCitations(file, files[file]!));
    for (const r of ws.relevance().rank(memo, ws.registry.all.filter((t) => t.status === 'active'))) {
      out.push({ file, tenet: r.tenet.id, relevant: label.relevant.includes(r.tenet.id), trap: label.trap, features: { ...r.features } });
    }
  }
  return out;
}
export { THRESHOLDS } from '../../server/src/core/relevance/model';
