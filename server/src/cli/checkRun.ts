import * as path from 'node:path';
import { checkMemo, checkWorkspace, loadDiagnostics, sortDiagnostics, type CheckOptions, type DiagnosticStream } from '../core/check/checker';
import type { Rule } from '../core/check/rule';
import type { MemoModel } from '../core/memo/memoModel';
import type { Diagnostic } from '../core/types';
import { CachedInspectFs } from '../core/workspace/cachedInspectFs';
import { CONFIG_FILE } from '../core/workspace/config';
import { Workspace } from '../core/workspace/workspace';
import type { WorkspaceFs } from '../core/workspace/workspaceFs';
import { CheckCache, settingsKey, type CacheData } from '../node/checkCache';
import { CheckWorkerStopped, NodeCheckPool } from '../node/checkPool';
import { ALL_RULES } from '../rules/registry';
import { findWorkspaceRoot, NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import type { CacheStore } from './cacheFile';
import { baseFingerprint, readBaseRef } from './gitBase';
import { type CheckReport, type SeverityCounts } from './checkReport';
import type { CommandIo } from './checkCommand';
import { CliError, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS } from './cliError';
import { commonRoot, toWorkspacePath, type CheckTarget } from './targets';
import { TOOL_VERSION } from './toolInfo';

// Checking the targets of one command (`check`, `fix`) and turning the outcome into an exit code.
// Both commands go through here, so `fix` exits with exactly the code `check` would give the
// fixed files.

/** What checking one workspace produced, before the outcomes of all targets are merged. */
export interface TargetOutcome {
  root: string;
  memoFiles: string[];
  diagnostics: Diagnostic[];
  configInvalid: boolean;
  configExists: boolean;
  memoGlobs: readonly string[];
  /** Whole-folder checks only: a folder with no memos is worth a note. */
  wholeFolder: boolean;
}

export interface TargetCheckOptions extends CheckOptions {
  /** The workspace's files (default: the disk under the target's root). */
  fs?: WorkspaceFs;
  /** Reuse and record results (`--cache`). */
  cacheStore?: CacheStore;
  /** `--base REF`: the branch to compare memo ids with (memo-id-conflict). */
  baseRef?: string;
  /** Worker threads for a cold whole-workspace check (`--jobs`); the script is the CLI bundle. */
  threads?: { jobs: number; explicit: boolean; script: string };
  /** A whole-folder target's diagnostics go here as they are found; the outcome then holds none. */
  stream?: DiagnosticStream;
}

/**
 * Below this many memos a cold check stays on one thread unless `--jobs` asks otherwise: each
 * thread starts, loads the settings and warms up its compiler on its own, which at 1,000 memos
 * cost more CPU than the shared work saved (bench/.work/ws-1000: 2.8 s CPU on one thread, 3.7–4.3 s
 * on two, no faster), while at 10,000 two threads cut the wall time by a third.
 */
const AUTO_THREADS_FROM = 3000;

/**
 * Checks one workspace: all its memos, or just the files named. A named file that no memo glob
 * matches is still checked as a memo (naming it says it is one); tenet files and the settings
 * files named are reported through the workspace check.
 */
export function checkTarget(target: CheckTarget, rules: readonly Rule[], today: string, options: TargetCheckOptions): TargetOutcome {
  const { fs, cacheStore, baseRef, threads, stream, ...checkOptions } = options;
  if (stream && target.files) throw new Error('named files are not checked into a stream');
  // One run sees one state of the disk, so each path is inspected once however many memos cite it.
  const ws = new Workspace(fs ?? new CachedInspectFs(new NodeWorkspaceFs(target.root, { oneRun: true, ...(threads ? { readAheadScript: threads.script } : {}) })), rules.map((r) => r.id), today);
  if (baseRef !== undefined) {
    // The base's memos are those the workspace's own globs match.
    ws.loadConfig();
    ws.base = readBaseRef(ws, baseRef);
  }
  const cacheTag = `${TOOL_VERSION}\0${rules.map((r) => r.id).join(',')}${ws.base ? `\0base ${baseFingerprint(ws.base)}` : ''}`;
  let cache: CheckCache | undefined;
  const cacheFactory = cacheStore ? (w: Workspace) => (cache = new CheckCache(cacheStore.roots.get(target.root), settingsKey(w, cacheTag), cacheStore)) : undefined;
  // Workers read the disk and run the registry's rules themselves: only for those.
  const pool =
    threads && threads.jobs > 1 && !fs && rules.every((r) => ALL_RULES.includes(r))
      ? new NodeCheckPool(threads.jobs, threads.explicit ? 2 : AUTO_THREADS_FROM, {
          script: threads.script,
          root: target.root,
          today,
          ruleIds: rules.map((r) => r.id),
          options: { overrides: checkOptions.overrides, withoutFixes: checkOptions.withoutFixes, includeSuppressed: checkOptions.includeSuppressed },
        }, checkOptions.onRuleError)
      : undefined;
  let result;
  try {
    result = checkWorkspace(ws, rules, { ...checkOptions, ...(target.files ? { onlyFiles: target.files } : {}), ...(cacheFactory ? { cache: cacheFactory } : {}), ...(pool ? { pool } : {}), ...(stream ? { stream } : {}) });
  } catch (error) {
    // A worker that ran out of memory or died: the check could not be done, which is not a bug.
    throw error instanceof CheckWorkerStopped ? new CliError(error.message) : error;
  } finally {
    void pool?.close();
  }
  // A partial check (named files) leaves the other entries as they were.
  if (cacheStore && cache?.changed) {
    cacheStore.roots.set(target.root, target.files ? mergeEntries(cacheStore.roots.get(target.root), cache.toData()) : cache.toData());
    cacheStore.dirty = true;
  }
  const settingsFiles = new Set([CONFIG_FILE, ws.config.people]);
  const extras = (target.files ?? []).filter(
    (f) => !result.memoFiles.includes(f) && !result.tenetFiles.includes(f) && !ws.isTenetFile(f) && !settingsFiles.has(f),
  );
  const diagnostics = [...result.diagnostics];
  if (extras.length > 0) {
    // Index every extra memo before checking any, so cross-memo rules (duplicate ids,
    // supersedes links) see them all.
    const models: MemoModel[] = [];
    for (const file of extras) {
      const memo = ws.readMemo(file);
      if (!memo) continue;
      ws.indexMemo(memo);
      models.push(memo);
    }
    const ctx = ws.context();
    for (const memo of models) diagnostics.push(...checkMemo(memo, rules, ctx, checkOptions));
    const extraSet = new Set(extras);
    diagnostics.push(...loadDiagnostics(ws, rules, checkOptions).filter((d) => d.rule === 'file-unreadable' && extraSet.has(d.file)));
  }
  return {
    root: target.root,
    memoFiles: [...result.memoFiles, ...extras],
    diagnostics,
    configInvalid: ws.configInvalid,
    configExists: ws.configExists,
    memoGlobs: ws.config.memos,
    wholeFolder: target.files === undefined,
  };
}

function mergeEntries(previous: CacheData | undefined, current: CacheData): CacheData {
  if (!previous || previous.settingsKey !== current.settingsKey) return current;
  // A memo keeps its place in the file; this run's entry replaces what was read.
  return { ...current, entries: new Map([...previous.entries, ...current.entries]), indexed: new Map([...previous.indexed, ...current.indexed]) };
}

/** One report for all targets: paths relative to the deepest folder holding every root. */
export function mergeOutcomes(outcomes: readonly TargetOutcome[]): CheckReport {
  const root = commonRoot(outcomes.map((o) => o.root));
  const rebase = (from: string, file: string) => (from === root ? file : toWorkspacePath(root, path.join(from, ...file.split('/'))));
  const memos = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const o of outcomes) {
    for (const f of o.memoFiles) memos.add(rebase(o.root, f));
    for (const d of o.diagnostics) {
      const moved: Diagnostic = { ...d, file: rebase(o.root, d.file) };
      if (d.related) moved.related = d.related.map((r) => ({ ...r, file: rebase(o.root, r.file) }));
      diagnostics.push(moved);
    }
  }
  return { root, memoCount: memos.size, diagnostics: sortDiagnostics(diagnostics) };
}

/** Collects rule crashes as one-line notes instead of letting them end the run. */
export function ruleFailureLog(): { failures: string[]; onRuleError: NonNullable<CheckOptions['onRuleError']> } {
  const failures: string[] = [];
  return {
    failures,
    onRuleError: (ruleId, file, error) =>
      failures.push(`rule ${ruleId} failed on ${file}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`),
  };
}

/**
 * The exit code of a finished check, with its notes: 0 clean, 1 errors or too many warnings,
 * 2 the check could not be done properly (an invalid config, a rule that crashed).
 */
export function finishCheck(counts: SeverityCounts, outcomes: readonly TargetOutcome[], ruleFailures: readonly string[], maxWarnings: number | undefined, io: CommandIo): number {
  let exitCode = EXIT_OK;
  if (counts.error > 0) exitCode = EXIT_PROBLEMS;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.note(`too many warnings (${counts.warning}; the maximum is ${maxWarnings}).`);
    exitCode = EXIT_PROBLEMS;
  }
  for (const o of outcomes) {
    if (o.wholeFolder && o.memoFiles.length === 0) io.note(noMemosNote(o));
    if (o.configInvalid) {
      io.note(`${path.join(o.root, CONFIG_FILE)} is invalid (see the config-invalid diagnostics); its memos were checked with the default settings.`);
      exitCode = EXIT_CANNOT_RUN;
    }
  }
  for (const failure of ruleFailures) io.note(failure);
  if (ruleFailures.length > 0) exitCode = EXIT_CANNOT_RUN;
  return exitCode;
}

function noMemosNote(o: TargetOutcome): string {
  const note = `no memos in ${o.root} (looked for ${o.memoGlobs.join(', ')})`;
  // Run from inside a workspace (`cd decisions && decision-memos check`), the root is further up.
  const upward = o.configExists ? undefined : findWorkspaceRoot(path.dirname(o.root), CONFIG_FILE);
  return upward ? `${note}; the workspace root looks like ${upward}.` : `${note}.`;
}
