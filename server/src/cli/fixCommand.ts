import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';
import type { Rule } from '../core/check/rule';
import { applyEdits } from '../core/fixes/applyEdits';
import { selectFixAll } from '../core/fixes/fixAll';
import { stripBom } from '../core/text/lineIndex';
import type { Diagnostic } from '../core/types';
import { CachedInspectFs } from '../core/workspace/cachedInspectFs';
import { NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import { ALL_RULES } from '../rules/registry';
import { writeFileAtomic } from './atomicWrite';
import type { CommandIo } from './checkCommand';
import { countSeverities } from './checkReport';
import { checkTarget, finishCheck, mergeOutcomes, ruleFailureLog, type TargetOutcome } from './checkRun';
import { EXIT_CANNOT_RUN } from './cliError';
import { shouldUseColor } from './colorSupport';
import { formatStylish } from './formats/stylish';
import { OverlayFs } from './overlayFs';
import { isInside, resolveTargets } from './targets';

// `decision-memos fix [PATH...]`: applies every fix the editor's "fix all" applies (the safe
// ones, chosen by core/fixes/fixAll.ts), then reports what remains as `check` would. A fix can
// make another problem fixable (or uncover one its neighbour's edit skipped), so the files are
// checked and fixed again in memory until a pass finds nothing more: a second `fix` run then
// changes nothing. Only then is anything written, each file at once (atomicWrite.ts), keeping
// its line ends (the edits use the file's own), its byte-order mark and its permissions.

export interface FixCommandOptions {
  /** Print a unified diff of the changes instead of writing them. */
  dryRun?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
}

/** Passes after which fixes that keep producing new fixes are left for the next run. */
const MAX_PASSES = 10;

/** One file's fixes, from the bytes on disk to the text after the last pass. */
interface FileFix {
  root: string;
  file: string;
  original: Buffer;
  text: string;
  /** Rule id → how many of its problems were fixed. */
  fixed: Map<string, number>;
}

/** Runs `fix` and returns the exit code `check` would give the fixed files (2 also when a file could not be written). */
export function runFix(paths: readonly string[], options: FixCommandOptions, io: CommandIo, rules: readonly Rule[] = ALL_RULES): number {
  const targets = resolveTargets(paths, io.cwd);
  const { failures, onRuleError } = ruleFailureLog();
  const outcomes: TargetOutcome[] = [];
  const fixes: FileFix[] = [];
  let cannotRun = false;
  for (const target of targets) {
    const overlay = new OverlayFs(new NodeWorkspaceFs(target.root));
    // One cache of `inspect` answers for every pass: fixes change text, never which files exist.
    const wsFs = new CachedInspectFs(overlay);
    const files = new Map<string, FileFix | 'refused'>();
    let outcome = checkTarget(target, rules, io.today, { onRuleError, fs: wsFs });
    for (let pass = 1; applyPass(outcome.diagnostics, target.root, overlay, files, io); pass++) {
      outcome = checkTarget(target, rules, io.today, { onRuleError, fs: wsFs });
      if (pass === MAX_PASSES) {
        io.note(`fixes in ${target.root} were still making more fixes possible after ${MAX_PASSES} passes; run fix again.`);
        break;
      }
    }
    outcomes.push(outcome);
    for (const f of files.values()) if (f !== 'refused' && f.text !== f.original.toString('utf8')) fixes.push(f);
    if ([...files.values()].includes('refused')) cannotRun = true;
  }
  const report = mergeOutcomes(outcomes);
  const display = (f: FileFix) => displayPath(path.join(f.root, ...f.file.split('/')), io.cwd);
  if (options.dryRun) {
    for (const f of fixes) io.stdout(unifiedDiff(display(f), f.original.toString('utf8'), f.text));
    for (const f of fixes) io.note(`would fix ${display(f)}: ${describeFixed(f.fixed)}`);
    io.note(`${fixes.length === 0 ? 'nothing to fix' : `would fix ${plural(fixes.length, 'file')}`}; then ${remaining(report.diagnostics)}.`);
  } else {
    const lines: string[] = [];
    for (const f of fixes) {
      const written = write(f, io);
      if (written) lines.push(`${display(f)}: fixed ${describeFixed(f.fixed)}`);
      else cannotRun = true;
    }
    if (lines.length === 0) lines.push('Nothing to fix.');
    const colors = pc.createColors(shouldUseColor(options.color, { env: io.env, isTTY: io.stdoutIsTTY }));
    const shown = options.quiet ? { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') } : report;
    io.stdout(`${lines.join('\n')}\n\n${formatStylish(shown, { colors, cwd: io.cwd, errorsOnly: options.quiet })}`);
  }
  // Every pass runs every rule: a rule that crashed is told once.
  const code = finishCheck(countSeverities(report.diagnostics), outcomes, [...new Set(failures)], options.maxWarnings, io);
  return cannotRun ? EXIT_CANNOT_RUN : code;
}

/**
 * Applies the safe fixes of one check's diagnostics to the overlay's texts. Returns whether any
 * text changed (another pass is then due).
 */
function applyPass(diagnostics: readonly Diagnostic[], root: string, overlay: OverlayFs, files: Map<string, FileFix | 'refused'>, io: CommandIo): boolean {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.fixes?.some((f) => f.safe)) continue;
    byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  }
  let changed = false;
  for (const [file, list] of byFile) {
    const state = files.get(file) ?? firstTouch(root, file, io);
    files.set(file, state);
    if (state === 'refused') continue;
    // Positions count from after a byte-order mark, as the parser reads the file.
    const bom = state.text.startsWith('\ufeff') ? '\ufeff' : '';
    const body = stripBom(state.text);
    const { edits, fixed } = selectFixAll(body, list);
    const next = bom + applyEdits(body, edits);
    if (next === state.text) continue;
    state.text = next;
    overlay.texts.set(file, next);
    for (const d of fixed) state.fixed.set(d.rule, (state.fixed.get(d.rule) ?? 0) + 1);
    changed = true;
  }
  return changed;
}

/** The file's bytes before any fix; refused when they are not UTF-8, which rewriting would silently alter. */
function firstTouch(root: string, file: string, io: CommandIo): FileFix | 'refused' {
  const abs = path.join(root, ...file.split('/'));
  let original: Buffer;
  try {
    original = fs.readFileSync(abs);
  } catch (error) {
    io.note(`could not read ${abs}: ${(error as Error).message}`);
    return 'refused';
  }
  const text = original.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(original)) {
    io.note(`${abs} is not valid UTF-8; left as it is (fixing it would change bytes outside the fixes).`);
    return 'refused';
  }
  return { root, file, original, text, fixed: new Map() };
}

/** Writes a fixed file unless it changed on disk since it was read. */
function write(f: FileFix, io: CommandIo): boolean {
  const abs = path.join(f.root, ...f.file.split('/'));
  try {
    if (!fs.readFileSync(abs).equals(f.original)) {
      io.note(`${abs} changed while it was being fixed; left as it is now.`);
      return false;
    }
    writeFileAtomic(abs, Buffer.from(f.text, 'utf8'));
    return true;
  } catch (error) {
    io.note(`could not write ${abs}: ${(error as Error).message}`);
    return false;
  }
}

/** `3 problems (supersede-broken ×2, owner-missing)`. */
function describeFixed(fixed: Map<string, number>): string {
  const total = [...fixed.values()].reduce((a, b) => a + b, 0);
  const rules = [...fixed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule));
  return `${plural(total, 'problem')} (${rules.join(', ')})`;
}


function remaining(diagnostics: readonly Diagnostic[]): string {
  const c = countSeverities(diagnostics);
  if (diagnostics.length === 0) return 'no problems remain';
  return `${plural(diagnostics.length, 'problem')} remain${diagnostics.length === 1 ? 's' : ''} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}, ${plural(c.hint, 'hint')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A patch `git apply` and `patch -p1` take: `a/` and `b/` prefixes, no index line. */
function unifiedDiff(file: string, before: string, after: string): string {
  const name = file.split(path.sep).join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } });
}

function displayPath(abs: string, cwd: string): string {
  return isInside(abs, cwd) ? path.relative(cwd, abs) : abs;
}
