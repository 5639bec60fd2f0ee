import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { mergeAudits, mergedToJson } from '../audit/mergeAudit';
import type { RepoAudit } from '../audit/mergedReport';
import { renderMergedHtml } from '../audit/renderMergedHtml';
import { renderMergedMarkdown, renderMergedText } from '../audit/renderMergedText';
import { TENET_LAYERS } from '../shared/vocabulary';
import { auditReportSchema } from './auditReportSchema';
import type { CommandIo } from './checkCommand';
import { CliError, EXIT_OK } from './cliError';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';

// `decision-memos audit --merge <report.json|folder>...`: reads repositories' JSON reports,
// refuses any that is not this tool's report of this version (one line naming the file, exit 2,
// nothing written), and renders the merged audit (audit/mergeAudit.ts). A report is read whole,
// checked (size, nesting, schema, figures that contradict each other) and only then reduced to
// the few figures the merge needs; the parsed file is dropped before the next one is read.

/** Largest report file read (a 1,000-memo report is about 0.3 MB). */
const MAX_REPORT_BYTES = 32 * 1024 * 1024;
/** Most reports one merge reads. */
const MAX_REPORTS = 10_000;
/** Deepest nesting of arrays and objects (a report nests four deep). */
const MAX_DEPTH = 16;
/** Most values (commas) in one file: a 10,000-memo report holds well under a tenth of this. */
const MAX_VALUES = 2_000_000;

export type MergeFormat = 'text' | 'markdown' | 'json' | 'html';

/** Merges the reports named by `inputs` (files, or folders whose *.json are read in name order); 0 with a report, else throws a CliError. */
export function runAuditMerge(inputs: readonly string[], options: { format: MergeFormat; output?: string }, io: CommandIo): number {
  const files = reportFiles(inputs, io.cwd);
  const repos: RepoAudit[] = [];
  const byName = new Map<string, string>();
  for (const file of files) {
    const repo = readReport(file, path.resolve(io.cwd, file));
    const other = byName.get(repo.name);
    if (other !== undefined) throw refuse(file, `its repository name \`${printable(repo.name)}\` is also the name in ${other}; give each repository its own --name`);
    byName.set(repo.name, file);
    repos.push(repo);
  }
  const merged = mergeAudits(repos);
  const text =
    options.format === 'json'
      ? JSON.stringify(mergedToJson(merged, { name: TOOL_NAME, version: TOOL_VERSION }), null, 2) + '\n'
      : options.format === 'html'
        ? renderMergedHtml(merged)
        : options.format === 'markdown'
          ? renderMergedMarkdown(merged)
          : renderMergedText(merged);
  if (options.output) {
    fs.writeFileSync(path.resolve(io.cwd, options.output), text);
    io.note(`merged ${repos.length} report(s); wrote ${options.output}`);
  } else io.stdout(text);
  return EXIT_OK;
}

/** The report files, as the user would write them: folders expanded to their *.json (sorted), each real file once. */
function reportFiles(inputs: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (shown: string) => {
    let real: string;
    try {
      real = fs.realpathSync(path.resolve(cwd, shown));
    } catch {
      throw new CliError(`no such report file or folder: ${printable(shown)}`);
    }
    if (seen.has(real)) return;
    seen.add(real);
    out.push(shown);
    if (out.length > MAX_REPORTS) throw new CliError(`more than ${MAX_REPORTS} reports to merge; merge them in groups`);
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.resolve(cwd, input));
    } catch {
      throw new CliError(`no such report file or folder: ${printable(input)}`);
    }
    if (!stat.isDirectory()) {
      add(input);
      continue;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.resolve(cwd, input), { withFileTypes: true });
    } catch (error) {
      throw new CliError(`${printable(input)}: cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const names = entries
      .filter((d) => !d.isDirectory() && d.name.toLowerCase().endsWith('.json'))
      .map((d) => d.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) throw new CliError(`${printable(input)}: no *.json report in this folder`);
    for (const name of names) add(path.join(input, name));
  }
  return out;
}

/** Reads, checks and reduces one report; throws a CliError naming `shown` for anything else. */
function readReport(shown: string, abs: string): RepoAudit {
  const text = readText(shown, abs);
  const shape = scan(text);
  if (shape) throw refuse(shown, shape);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw refuse(shown, `not JSON (${printable((error as Error).message).slice(0, 120)}); a truncated upload?`);
  }
  const origin = originProblem(data);
  if (origin) throw refuse(shown, origin);
  const validate = validator();
  if (!validate(data)) throw refuse(shown, `not of the audit report's JSON shape: ${schemaError(validate.errors ?? [])}`);
  const report = data as ValidReport;
  const contradiction = contradictionIn(report);
  if (contradiction) throw refuse(shown, contradiction);
  return toRepoAudit(report, shown);
}

function readText(shown: string, abs: string): string {
  let fd: number;
  try {
    // Non-blocking, so a FIFO named *.json cannot hang the merge; it is refused below.
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw refuse(shown, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw refuse(shown, 'not a regular file');
    if (stat.size > MAX_REPORT_BYTES) throw refuse(shown, `${stat.size} bytes, over the ${MAX_REPORT_BYTES / 1024 / 1024} MiB a report may have`);
    // Read at most one byte past the cap: a file that grows while it is read is still capped.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_REPORT_BYTES) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_REPORT_BYTES) throw refuse(shown, `over the ${MAX_REPORT_BYTES / 1024 / 1024} MiB a report may have`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw refuse(shown, 'not UTF-8 text');
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Nesting and size checked on the text, before JSON.parse builds anything of it. */
function scan(text: string): string | undefined {
  let inString = false;
  let depth = 0;
  let values = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels; a report nests four`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && ++values > MAX_VALUES) return `more than ${MAX_VALUES} values`;
  }
  return undefined;
}

/** Which tool and version wrote it: asked first, so a foreign or older report gets a message that says so. */
function originProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not an audit report (the JSON is not an object)';
  const tool = own(data, 'tool');
  if (typeof tool !== 'object' || tool === null) return `not an audit report of ${TOOL_NAME} ${TOOL_VERSION} (no \`tool\`: write it again with this version's audit --format json)`;
  const name = own(tool, 'name');
  const version = own(tool, 'version');
  if (name !== TOOL_NAME) return `written by ${typeof name === 'string' ? `\`${printable(name).slice(0, 100)}\`` : 'an unnamed tool'}, not ${TOOL_NAME}`;
  if (own(data, 'kind') === 'merged') return 'a merged report; merge the repositories\' own reports (audit --format json)';
  if (version !== TOOL_VERSION) return `written by ${TOOL_NAME} ${typeof version === 'string' ? printable(version).slice(0, 100) : '(no version)'}, this is ${TOOL_VERSION}; run the same version in every repository`;
  const format = own(data, 'version');
  if (format !== 1) return `report format ${typeof format === 'number' ? format : 'unknown'}; this tool reads format 1`;
  return undefined;
}

/** Figures no real report holds together: a bad file is refused, not merged as far as it makes sense. */
function contradictionIn(r: ValidReport): string | undefined {
  if (r.citing > r.memos) return `\`citing\` (${r.citing}) exceeds \`memos\` (${r.memos})`;
  const byStatus = Object.values(r.byStatus).reduce((n, v) => n + v, 0);
  if (byStatus !== r.memos) return `\`byStatus\` counts ${byStatus} memos, \`memos\` says ${r.memos}`;
  for (const t of r.tenets) {
    if (t.citations > r.memos) return `tenet \`${printable(t.id).slice(0, 100)}\` has ${t.citations} citations, more than the ${r.memos} memos`;
  }
  for (const c of r.conflicts) {
    if (c.memos.length > r.memos) return `tenet \`${printable(c.tenet).slice(0, 100)}\` is judged ✗ by ${c.memos.length} memos, more than the ${r.memos} memos`;
  }
  return undefined;
}

interface ValidReport {
  name: string;
  date: string;
  since?: string;
  memos: number;
  citing: number;
  byStatus: Record<string, number>;
  tenets: { id: string; title?: string; layer: string; status: 'active' | 'retired'; citations: number }[];
  conflicts: { tenet: string; memos: string[] }[];
  owners: { owner: string; open: number; accepted: number }[];
  reviews: { overdue: { file: string; due: string; source: 'review-by' | 'stage gate'; owners: string[] }[] };
}

/** Copies the primitives the merge needs into fresh objects: nothing of the parsed file (no prototype, no extra key) goes further. */
function toRepoAudit(r: ValidReport, source: string): RepoAudit {
  const layers: readonly string[] = TENET_LAYERS;
  return {
    name: r.name,
    source,
    since: r.since,
    date: r.date,
    memos: r.memos,
    citing: r.citing,
    tenets: r.tenets.map((t) => ({ id: t.id, title: t.title, layer: layers.includes(t.layer) ? (t.layer as RepoAudit['tenets'][number]['layer']) : 'unknown', status: t.status, citations: t.citations })),
    conflicts: r.conflicts.map((c) => ({ tenet: c.tenet, memos: [...c.memos] })),
    owners: r.owners.map((o) => ({ owner: o.owner, open: o.open, accepted: o.accepted })),
    overdue: r.reviews.overdue.map((i) => ({ file: i.file, due: i.due, source: i.source, owners: [...i.owners] })),
  };
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  // allErrors off: the first problem is the one-line message, and a huge file stops at it.
  return (compiled ??= new Ajv({ allErrors: false, strict: false, strictNumbers: true }).compile(auditReportSchema));
}

function schemaError(errors: readonly ErrorObject[]): string {
  const first = errors[0];
  if (!first) return 'invalid';
  const where = first.instancePath || '(the top level)';
  const extra = first.keyword === 'required' ? ` \`${String((first.params as { missingProperty?: unknown }).missingProperty)}\`` : '';
  return printable(`${where} ${first.message ?? 'is invalid'}${extra}`).slice(0, 300);
}

function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function refuse(file: string, why: string): CliError {
  return new CliError(`${printable(file)}: refused, ${why} (nothing was merged)`);
}

/** Text from a report or a file name, safe for a one-line message. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, '?');
}
