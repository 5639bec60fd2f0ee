import * as fs from 'node:fs';
import * as path from 'node:path';
import pc from 'picocolors';
import { checkMemo, checkWorkspace, loadDiagnostics, sortDiagnostics, type CheckOptions } from '../core/check/checker';
import { CheckCache, settingsKey, type CacheData } from '../node/checkCache';
import { CONFIG_FILE } from '../core/workspace/config';
import type { MemoModel } from '../core/memo/memoModel';
import { findWorkspaceRoot, NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import type { Rule } from '../core/check/rule';
import type { Diagnostic } from '../core/types';
import { Workspace } from '../core/workspace/workspace';
import { ALL_RULES } from '../rules/registry';
import { countSeverities, type CheckReport } from './checkReport';
import { EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS } from './cliError';
import { shouldUseColor } from './colorSupport';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { TOOL_VERSION } from './toolInfo';
import { commonRoot, resolveTargets, toWorkspacePath, type CheckTarget } from './targets';
import { CachedInspectFs } from '../core/workspace/cachedInspectFs';

// `decision-memos check [PATH...]`: checks workspaces with the same core the editor uses and
// prints one report. It reads and never writes. Diagnostics go to stdout; notes about the run
// (an invalid config, a folder with no memos, a rule that crashed) go to stderr.

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface CheckCommandOptions {
  format: Format;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet?: boolean;
  /** `--color` / `--no-color`; undefined decides from the environment. */
  color?: boolean;
  /** Reuse results of unchanged memos from a cache file (written after the run). */
  cache?: boolean;
  /** Where the cache lives (default: `.decision-memos-cache.json` in the current folder). */
  cacheLocation?: string;
}

/** Where the command reads its surroundings and writes its output; the real process in `main.ts`. */
export interface CommandIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Today's date as `YYYY-MM-DD` (the user's local date; fixed by tests). */
  today: string;
  stdout(text: string): void;
  /** One line, without the `decision-memos: ` prefix or the newline. */
  note(line: string): void;
}

/** What checking one workspace produced, before the outcomes of all targets are merged. */
interface TargetOutcome {
  root: string;
  memoFiles: string[];
  diagnostics: Diagnostic[];
  configInvalid: boolean;
  configExists: boolean;
  memoGlobs: readonly string[];
  /** Whole-folder checks only: a folder with no memos is worth a note. */
  wholeFolder: boolean;
}

/**
 * Runs `check` and returns the exit code: 0 clean, 1 errors or too many warnings, 2 the check
 * could not be done properly. `rules` is every rule there is (tests pass their own).
 */
export function runCheck(paths: readonly string[], options: CheckCommandOptions, io: CommandIo, rules: readonly Rule[] = ALL_RULES): number {
  const targets = resolveTargets(paths, io.cwd);
  const ruleFailures: string[] = [];
  const onRuleError = (ruleId: string, file: string, error: unknown) =>
    ruleFailures.push(`rule ${ruleId} failed on ${file}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  const cacheFile = options.cache || options.cacheLocation ? path.resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE) : undefined;
  const cacheStore = cacheFile ? readCacheFile(cacheFile) : undefined;
  // No output format prints quick fixes, so they are not kept.
  const outcomes = targets.map((t) => checkTarget(t, rules, io.today, { onRuleError, withoutFixes: true }, cacheStore));
  if (cacheFile && cacheStore && cacheStore.dirty) writeCacheFile(cacheFile, cacheStore, io);
  const report = mergeOutcomes(outcomes);

  const counts = countSeverities(report.diagnostics);
  const shown = options.quiet ? { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') } : report;
  io.stdout(render(shown, options, io, rules));

  let exitCode = EXIT_OK;
  if (counts.error > 0) exitCode = EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.note(`too many warnings (${counts.warning}; the maximum is ${options.maxWarnings}).`);
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

function render(report: CheckReport, options: CheckCommandOptions, io: CommandIo, rules: readonly Rule[]): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, rules);
    default: {
      const colors = pc.createColors(shouldUseColor(options.color, { env: io.env, isTTY: io.stdoutIsTTY }));
      return formatStylish(report, { colors, cwd: io.cwd, errorsOnly: options.quiet });
    }
  }
}

/**
 * Checks one workspace: all its memos, or just the files named. A named file that no memo glob
 * matches is still checked as a memo (naming it says it is one); tenet files and the settings
 * files named are reported through the workspace check.
 */
function checkTarget(target: CheckTarget, rules: readonly Rule[], today: string, options: CheckOptions, cacheStore?: CacheStore): TargetOutcome {
  // One run sees one state of the disk, so each path is inspected once however many memos cite it.
  const ws = new Workspace(new CachedInspectFs(new NodeWorkspaceFs(target.root)), rules.map((r) => r.id), today);
  let cache: CheckCache | undefined;
  const cacheFactory = cacheStore
    ? (w: Workspace) => (cache = new CheckCache(cacheStore.roots[target.root], settingsKey(w, `${TOOL_VERSION}\0${rules.map((r) => r.id).join(',')}`)))
    : undefined;
  const result = checkWorkspace(ws, rules, { ...options, ...(target.files ? { onlyFiles: target.files } : {}), ...(cacheFactory ? { cache: cacheFactory } : {}) });
  // A partial check (named files) leaves the other entries as they were.
  if (cacheStore && cache?.changed) {
    cacheStore.roots[target.root] = target.files ? mergeEntries(cacheStore.roots[target.root], cache.toJSON()) : cache.toJSON();
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
    for (const memo of models) diagnostics.push(...checkMemo(memo, rules, ctx, options));
    const extraSet = new Set(extras);
    diagnostics.push(...loadDiagnostics(ws, rules, options).filter((d) => d.rule === 'file-unreadable' && extraSet.has(d.file)));
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

const DEFAULT_CACHE_FILE = '.decision-memos-cache.json';

/** The cache file: one entry set per workspace root. */
interface CacheStore {
  roots: Record<string, CacheData>;
  /** Something changed since the file was read: write it back. */
  dirty: boolean;
}

function readCacheFile(file: string): CacheStore {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheStore>;
    if (data && typeof data.roots === 'object' && data.roots !== null) return { roots: data.roots, dirty: false };
  } catch {
    // Missing or damaged: start afresh; the cache only ever saves time.
  }
  return { roots: {}, dirty: true };
}

/** Written to a temporary file and renamed, so an interrupted run never leaves half a cache. */
function writeCacheFile(file: string, store: CacheStore, io: CommandIo): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify({ roots: store.roots }));
      fs.renameSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch (error) {
    io.note(`could not write the cache ${file}: ${(error as Error).message}`);
  }
}

function mergeEntries(previous: CacheData | undefined, current: CacheData): CacheData {
  if (!previous || previous.settingsKey !== current.settingsKey) return current;
  return { ...current, entries: { ...previous.entries, ...current.entries } };
}

/** One report for all targets: paths relative to the deepest folder holding every root. */
function mergeOutcomes(outcomes: readonly TargetOutcome[]): CheckReport {
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
