import * as path from 'node:path';
import pc from 'picocolors';
import type { Rule } from '../core/check/rule';
import { ALL_RULES } from '../rules/registry';
import { DEFAULT_CACHE_FILE, readCacheFile, writeCacheFile, type CacheFile } from './cacheFile';
import { narrowToChanged } from './changedTargets';
import { countSeverities, writeReport, type ReportWriter } from './checkReport';
import type { DiagnosticStream } from '../core/check/checker';
import type { Diagnostic } from '../core/types';
import { checkTarget, finishCheck, mergeOutcomes, ruleFailureLog } from './checkRun';
import { shouldUseColor } from './colorSupport';
import { githubWriter } from './formats/github';
import { jsonWriter } from './formats/json';
import { sarifWriter } from './formats/sarif';
import { stylishWriter } from './formats/stylish';
import { commonRoot, isInside, resolveTargets, type CheckTarget } from './targets';

// `decision-memos check [PATH...]`: checks workspaces with the same core the editor uses and
// prints one report. It reads and never writes (except its cache). Diagnostics go to stdout;
// notes about the run (an invalid config, a folder with no memos, a rule that crashed) go to
// stderr. `--changed` narrows the workspaces to what git says changed; `--base` compares memo
// ids with another branch.

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
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
  /** `--changed [REF]`: only memos changed against REF (`true`: against the default branch's merge base). */
  changed?: string | boolean;
  /** `--base REF`: report memo ids this branch adds that REF gives to other files. */
  base?: string;
  /** `--jobs N`: threads for a cold whole-workspace check (default: the cores). */
  jobs?: number;
}

/** Where the command reads its surroundings and writes its output; the real process in `main.ts`. */
export interface CommandIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Today's date as `YYYY-MM-DD` (the user's local date; fixed by tests). */
  today: string;
  /** The script worker threads run (the CLI bundle); without it everything runs on this thread. */
  workerScript?: string;
  /** How many cores the machine offers (the default of `--jobs`). */
  cores?: number;
  stdout(text: string): void;
  /** One line, without the `decision-memos: ` prefix or the newline. */
  note(line: string): void;
}

/**
 * Runs `check` and returns the exit code: 0 clean, 1 errors or too many warnings, 2 the check
 * could not be done properly. `rules` is every rule there is (tests pass their own).
 */
export function runCheck(paths: readonly string[], options: CheckCommandOptions, io: CommandIo, rules: readonly Rule[] = ALL_RULES): number {
  const targets = resolveTargets(paths, io.cwd).map((t) => (options.changed ? changedOnly(t, options.changed, rules, io) : t));
  const cacheFile = options.cache || options.cacheLocation ? path.resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE) : undefined;
  const cacheStore = cacheFile ? readCacheFile(cacheFile) : undefined;
  try {
    return checkTargets(targets, options, io, rules, cacheStore);
  } finally {
    cacheStore?.close();
  }
}

function checkTargets(targets: CheckTarget[], options: CheckCommandOptions, io: CommandIo, rules: readonly Rule[], cacheStore: CacheFile | undefined): number {
  const { failures, onRuleError } = ruleFailureLog();
  // No output format prints quick fixes, so they are not kept. SARIF reports what suppression
  // comments silence, marked as suppressed; every other format leaves it out.
  const withSuppressed = options.format === 'sarif';
  const targetOptions = {
    onRuleError,
    withoutFixes: true,
    ...(withSuppressed ? { includeSuppressed: true } : {}),
    ...(cacheStore ? { cacheStore } : {}),
    ...(options.base !== undefined ? { baseRef: options.base } : {}),
    ...(io.workerScript ? { threads: { jobs: options.jobs ?? io.cores ?? 1, explicit: options.jobs !== undefined, script: io.workerScript } } : {}),
  };
  /** What counts towards the exit code: suppressed results are shown in SARIF, never counted. */
  const counted = (list: readonly Diagnostic[]) => (withSuppressed ? list.filter((d) => !d.suppressed) : list);
  const shownOf = (list: Diagnostic[]) => (options.quiet ? list.filter((d) => d.severity === 'error') : list);
  const writer = writerFor(options, io, rules);
  const [only] = targets;
  if (targets.length === 1 && only && only.files === undefined) {
    // One whole workspace: the report is written a file at a time as the check finds it, so a
    // large run holds no diagnostics (the bytes are those of the report written at once).
    const counts = countSeverities([]);
    const output = new BufferedOutput(io);
    const stream: DiagnosticStream = {
      begin: (memoCount) => output.write(writer.begin(commonRoot([only.root]), memoCount)),
      file(list) {
        countSeverities(counted(list), counts);
        const shown = shownOf(list);
        if (shown.length > 0) output.write(writer.file(shown));
      },
    };
    const outcome = checkTarget(only, rules, io.today, { ...targetOptions, stream });
    output.write(writer.end());
    output.flush();
    if (cacheStore) writeCacheFile(cacheStore, io);
    return finishCheck(counts, [outcome], failures, options.maxWarnings, io);
  }
  const outcomes = targets.map((t) => checkTarget(t, rules, io.today, targetOptions));
  if (cacheStore) writeCacheFile(cacheStore, io);
  const everything = mergeOutcomes(outcomes);
  io.stdout(writeReport(writer, { ...everything, diagnostics: shownOf(everything.diagnostics) }));
  return finishCheck(countSeverities(counted(everything.diagnostics)), outcomes, failures, options.maxWarnings, io);
}

/** Output gathered into writes of about 64 KB: one write per file would be tens of thousands of system calls. */
class BufferedOutput {
  private buffered: string[] = [];
  private size = 0;

  constructor(private readonly io: CommandIo) {}

  write(text: string): void {
    if (text === '') return;
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= 65536) this.flush();
  }

  flush(): void {
    if (this.buffered.length > 0) this.io.stdout(this.buffered.join(''));
    this.buffered = [];
    this.size = 0;
  }
}

/** A target narrowed to what changed (`--changed`), with a note when that is nothing. */
function changedOnly(target: CheckTarget, changed: string | true, rules: readonly Rule[], io: CommandIo): CheckTarget {
  const selection = narrowToChanged(target, changed === true ? undefined : changed, rules.map((r) => r.id), io.today);
  if (selection.target.files?.length === 0) io.note(`no memo in ${target.root} changed against ${selection.against}.`);
  return selection.target;
}

function writerFor(options: CheckCommandOptions, io: CommandIo, rules: readonly Rule[]): ReportWriter {
  switch (options.format) {
    case 'json':
      return jsonWriter();
    case 'sarif':
      return sarifWriter(rules);
    case 'github': {
      // Annotations resolve against the checkout, which is GITHUB_WORKSPACE on a runner (when the
      // report's root lies inside it: the writer learns the root in `begin`).
      const workspace = io.env.GITHUB_WORKSPACE;
      let inner: ReportWriter | undefined;
      return {
        begin(root, memoCount) {
          inner = githubWriter({ base: workspace && isInside(root, workspace) ? workspace : io.cwd });
          return inner.begin(root, memoCount);
        },
        file: (list) => inner!.file(list),
        end: () => inner!.end(),
      };
    }
    default: {
      const colors = pc.createColors(shouldUseColor(options.color, { env: io.env, isTTY: io.stdoutIsTTY }));
      return stylishWriter({ colors, cwd: io.cwd, errorsOnly: options.quiet });
    }
  }
}
