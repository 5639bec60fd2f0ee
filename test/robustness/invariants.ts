import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { LineIndex, stripBom } from '../../server/src/core/text/lineIndex';
import type { Diagnostic, Fix, Range } from '../../server/src/core/types';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { normaliseRelative } from '../../server/src/core/workspace/workspaceFs';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, TODAY } from '../helpers/memoWorkspace';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';

// The invariants the robustness properties check on every generated input: nothing throws (a
// rule that throws is caught by the checker, so it is collected here and counted as a failure),
// every range lies inside its document, and every quick fix edits only its own range and
// removes the diagnostic it fixes.

/** Inputs below this size must be parsed and checked within BOUND_MS of CPU time. */
export const BOUNDED_INPUT_CHARS = 200_000;
/**
 * Generous on purpose: typical cases take milliseconds. CPU time, not wall-clock time, so a
 * loaded machine (other test files, other processes) does not make the bound flaky.
 */
export const BOUND_MS = 2000;

/** CPU milliseconds this process spent in `f`, and its result. */
export function cpuTimed<T>(f: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

export interface Checked {
  files: Record<string, string>;
  diagnostics: Diagnostic[];
  /** Rules that threw (the checker swallows these; a robust rule never does). */
  ruleErrors: string[];
}

/** Checks an in-memory workspace (tenets.yaml defaults to the shared fixture tenets), collecting rule crashes. */
export function checkFiles(files: Record<string, string>): Checked {
  const all = { 'tenets.yaml': BASE_TENETS, ...files };
  const ws = new Workspace(new InMemoryWorkspaceFs(all), RULE_IDS, TODAY);
  const ruleErrors: string[] = [];
  const { diagnostics } = checkWorkspace(ws, ALL_RULES, {
    onRuleError: (rule, file, error) => ruleErrors.push(`${rule} on ${file}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return { files: all, diagnostics, ruleErrors };
}

/** Why a range does not lie inside `text` (positions counted without a BOM), or undefined when it does. */
export function rangeProblem(text: string, range: Range): string | undefined {
  const lines = new LineIndex(stripBom(text));
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not integral: ${JSON.stringify(p)}`;
    if (p.line < 0 || p.line >= lines.lineCount) return `${name} line ${p.line} outside 0..${lines.lineCount - 1}`;
    const length = lines.lineText(p.line).length;
    if (p.character < 0 || p.character > length) return `${name} character ${p.character} outside 0..${length} on line ${p.line}`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    return `start after end: ${JSON.stringify(range)}`;
  }
  return undefined;
}

/** Every problem with the ranges of diagnostics, related locations and fix edits. */
export function rangeProblems(checked: Checked): string[] {
  const out: string[] = [];
  const textOf = (file: string) => checked.files[file];
  for (const d of checked.diagnostics) {
    const text = textOf(d.file);
    // Load diagnostics may name a file that is not there (an unreadable people file): position 0:0 only.
    if (text === undefined) {
      if (d.range.start.line !== 0 || d.range.end.line !== 0) out.push(`${d.rule} on missing ${d.file}: ${JSON.stringify(d.range)}`);
      continue;
    }
    const p = rangeProblem(text, d.range);
    if (p) out.push(`${d.rule} (${d.message}): ${p}`);
    for (const r of d.related ?? []) {
      const rt = textOf(r.file);
      const rp = rt === undefined ? `related file ${r.file} does not exist` : rangeProblem(rt, r.range);
      if (rp) out.push(`${d.rule} related ${r.file}: ${rp}`);
    }
    for (const f of d.fixes ?? []) {
      for (const e of f.edits) {
        const ep = rangeProblem(text, e.range);
        if (ep) out.push(`${d.rule} fix "${f.title}": ${ep}`);
      }
    }
  }
  return out;
}

/** The line end a text uses throughout, or undefined when it mixes them. `\n` for a text without any. */
export function uniformEol(text: string): string | undefined {
  const kinds = new Set(text.match(/\r\n|\r|\n/g) ?? ['\n']);
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Applies one fix to `text` (a BOM is kept, as editors do) and returns the problems with it:
 * overlapping edits, edits that split a character or change bytes outside their ranges, line
 * ends foreign to the document, a file created outside the workspace or over an existing one.
 */
export function applyFixChecked(text: string, fix: Fix, existing: ReadonlySet<string>): { result: string | undefined; problems: string[] } {
  const problems: string[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const spans = fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const s of spans) {
    for (const at of [s.start, s.end]) {
      if (at > 0 && isHighSurrogate(body.charCodeAt(at - 1)) && isLowSurrogate(body.charCodeAt(at))) problems.push(`edit splits a surrogate pair at offset ${at}`);
    }
  }
  const eol = uniformEol(body);
  if (eol !== undefined) {
    for (const s of spans) {
      const foreign = (s.newText.match(/\r\n|\r|\n/g) ?? []).filter((e) => e !== eol);
      if (foreign.length > 0) problems.push(`inserts ${JSON.stringify(foreign[0])} into a document that uses ${JSON.stringify(eol)}`);
    }
  }
  if (fix.createFile) {
    const target = normaliseRelative(fix.createFile.path);
    if (target === undefined || target === '') problems.push(`creates a file outside the workspace: ${fix.createFile.path}`);
    else if (existing.has(target)) problems.push(`creates ${target}, which exists already (it would be overwritten)`);
  }
  let result: string;
  try {
    result = applyEdits(body, fix.edits);
  } catch (error) {
    problems.push(`edits cannot be applied: ${String(error)}`);
    return { result: undefined, problems };
  }
  // Rebuild the expected text from the untouched spans: every byte outside the edits stays.
  let expected = '';
  let cursor = 0;
  for (const s of spans) {
    if (s.start < cursor) break;
    expected += body.slice(cursor, s.start) + s.newText;
    cursor = s.end;
  }
  expected += body.slice(cursor);
  if (expected !== result) problems.push('bytes outside the edited ranges changed');
  return { result: bom + result, problems };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Applies every fix offered on `file` (up to `maxFixes`, spread over the diagnostics) and
 * returns what went wrong: see `applyFixChecked`, plus a result that no longer parses, front
 * matter that was valid and no longer is or lost a key, and a diagnostic that survives its fix.
 */
export function fixProblems(checked: Checked, file: string, maxFixes = Infinity): string[] {
  const out: string[] = [];
  const text = checked.files[file]!;
  const before = parseMemo(file, text);
  const frontMatterWasValid = before.frontMatter !== undefined && !before.frontMatter.unclosed && !before.frontMatter.problems.some((p) => p.severity === 'error');
  const existing = new Set(Object.keys(checked.files));
  // Every diagnostic's first fix, then every second fix, …: a limit still reaches every rule.
  const withFixes = checked.diagnostics.filter((d) => d.file === file && d.fixes?.length);
  const longest = Math.max(0, ...withFixes.map((d) => d.fixes!.length));
  const queue = Array.from({ length: longest }, (_, i) => withFixes.filter((d) => i < d.fixes!.length).map((d) => ({ d, fix: d.fixes![i]! }))).flat();
  for (const { d, fix } of queue.slice(0, maxFixes)) {
    const where = `${d.rule} "${fix.title}"`;
    const { result, problems } = applyFixChecked(text, fix, existing);
    out.push(...problems.map((p) => `${where}: ${p}`));
    if (result === undefined) continue;
    let after;
    try {
      after = parseMemo(file, result);
    } catch (error) {
      out.push(`${where}: the fixed memo does not parse: ${String(error)}`);
      continue;
    }
    const fm = after.frontMatter;
    if (frontMatterWasValid && (!fm || fm.unclosed || fm.problems.some((p) => p.severity === 'error'))) {
      out.push(`${where}: valid front matter became invalid: ${fm?.problems.map((p) => p.message).join('; ') ?? 'gone'}`);
    }
    // Keys read from YAML with errors are the parser's best guess; only valid front matter must keep them all.
    if (frontMatterWasValid) for (const key of before.fields.keys()) if (!after.fields.has(key)) out.push(`${where}: front matter key \`${key}\` was lost`);
    const files = { ...checked.files, [file]: result, ...(fix.createFile ? { [fix.createFile.path]: fix.createFile.content } : {}) };
    const recheck = checkFiles(files);
    out.push(...recheck.ruleErrors.map((e) => `${where}: after the fix, ${e}`));
    const survivor = recheck.diagnostics.find((n) => n.file === file && n.rule === d.rule && n.message === d.message && sameRange(n.range, d.range));
    if (survivor) out.push(`${where}: the diagnostic is still there after its fix`);
  }
  return out;
}
