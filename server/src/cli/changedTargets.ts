import * as posix from 'node:path/posix';
import { parseMemo } from '../core/memo/memoParser';
import { CachedInspectFs } from '../core/workspace/cachedInspectFs';
import { DependencyGraph, fileKind } from '../core/workspace/dependencyGraph';
import { frontMatterSummary } from '../core/workspace/frontMatterSummary';
import { summarise, type MemoSummary } from '../core/workspace/memoIndex';
import { Workspace } from '../core/workspace/workspace';
import { NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import { defaultChangedBase, requireRepository, resolveCommit } from './git';
import { changedSince, readAt, type ChangedPath } from './gitTree';
import type { CheckTarget } from './targets';

// `check --changed [REF]`: narrows each workspace to the memos a change can have touched, asking
// the core's DependencyGraph (the one the editor asks after every keystroke) what else each
// changed file affects:
// - a changed config, people directory or tenet file (anything the graph calls shared): every memo;
// - a changed memo: itself, the memos sharing its old or new id, and those linked to it or from it
//   (supersedes) on either side of the change;
// - a file added or deleted elsewhere: the memos whose evidence names it.
// The old side of a changed memo is read from git, never from a checkout.

export interface ChangedSelection {
  target: CheckTarget;
  /** What was compared with, for notes (`main`, `the merge base with origin/HEAD`). */
  against: string;
}

/** The target narrowed to what changed since `ref` (default: where this branch left the default branch). */
export function narrowToChanged(target: CheckTarget, ref: string | undefined, ruleIds: readonly string[], today: string): ChangedSelection {
  const root = target.root;
  requireRepository(root, '--changed');
  const base = ref === undefined ? defaultChangedBase(root) : { ref, commit: resolveCommit(root, ref, '--changed') };
  const changes = changedSince(root, base.commit);
  const ws = new Workspace(new CachedInspectFs(new NodeWorkspaceFs(root, { oneRun: true })), ruleIds, today);
  ws.loadConfig();
  const kinds = changes.map((c) => ({ ...c, kind: fileKind(ws, c.path) }));
  const narrowed = (files: string[] | undefined): ChangedSelection => ({ target: { root, files: target.files ? (files === undefined ? target.files : target.files.filter((f) => files.includes(f))) : files }, against: base.ref });
  // Shared files: every memo reads them.
  if (kinds.some((c) => c.kind !== 'memo' && c.kind !== 'other')) return narrowed(undefined);
  if (changes.length === 0) return narrowed([]);
  return narrowed(affectedMemos(ws, kinds, root, base.commit));
}

/** The memos of the workspace a set of memo and other-file changes can have touched. */
function affectedMemos(ws: Workspace, changes: readonly (ChangedPath & { kind: string })[], root: string, commit: string): string[] {
  ws.loadSharedFiles();
  const memoFiles = ws.listMemoFiles();
  const present = new Set(memoFiles);
  const memoChanges = changes.filter((c) => c.kind === 'memo');
  // A file that appeared or vanished changes what evidence paths resolve to; names are matched
  // on the text first so only memos that may cite it are parsed in full.
  const presence = changes.filter((c) => c.kind === 'other' && c.change !== 'modified').map((c) => c.path);
  const needles = [...new Set(presence.flatMap((p) => ancestry(p).map((a) => posix.basename(a))))];
  const graph = new DependencyGraph(ws.memos);
  for (const file of memoFiles) {
    const text = ws.readMemoText(file);
    if (text === undefined) continue;
    const mayCite = needles.some((n) => text.includes(n));
    const model = mayCite ? parseMemo(file, text) : undefined;
    // Ids and links are all the graph reads of a memo (see frontMatterSummary).
    ws.memos.set(model ? summarise(model) : (frontMatterSummary(file, text) ?? summarise(parseMemo(file, text))));
    if (model) graph.setMemo(model);
  }
  const out = new Set<string>();
  const before = readAt(root, commit, memoChanges.filter((c) => c.change !== 'added').map((c) => c.path));
  for (const c of memoChanges) {
    if (present.has(c.path)) out.add(c.path);
    const old = before.get(c.path);
    const was: MemoSummary | undefined = old === undefined ? undefined : summarise(parseMemo(c.path, old));
    for (const f of graph.memoChanged(c.path, was, ws.memos.get(c.path)).files) out.add(f);
  }
  for (const p of presence) for (const f of graph.presenceChanged(p).files) out.add(f);
  return [...out].filter((f) => present.has(f)).sort();
}

/** `a/b/c.md` → `a/b/c.md`, `a/b`, `a`: a new folder makes every path below it resolve. */
function ancestry(p: string): string[] {
  const out: string[] = [];
  for (let at = p; at !== '.' && at !== ''; at = posix.dirname(at)) out.push(at);
  return out;
}
