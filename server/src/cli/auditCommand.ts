import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditToJson, computeAudit } from '../audit/computeAudit';
import { renderHtml } from '../shared/audit/renderHtml';
import { renderMarkdown, renderText } from '../audit/renderText';
import { NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import { indexWorkspace, Workspace } from '../core/workspace/workspace';
import { RULE_IDS } from '../rules/registry';
import type { CommandIo } from './checkCommand';
import { runAuditMerge } from './auditMerge';
import { MAX_NAME } from './auditReportSchema';
import { CliError, EXIT_CANNOT_RUN, EXIT_OK } from './cliError';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';

// `decision-memos audit [PATH]`: the tenet usage report, computed from the same index `check`
// builds. It prints the report (or writes it with --output) and never changes a memo. With
// --merge it reads other runs' JSON reports instead and merges them (cli/auditMerge.ts).

export const AUDIT_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditCommandOptions {
  format: AuditFormat;
  since?: string;
  /** Write the report to this file instead of stdout. */
  output?: string;
  /** The repository's name in the JSON report (default: the workspace folder's name). */
  name?: string;
  /** JSON reports (files, or folders of *.json) to merge instead of auditing a workspace. */
  merge?: string[];
}

/** Runs the audit and returns the exit code: 0 with a report, 2 when it could not be made. */
export function runAudit(target: string | undefined, options: AuditCommandOptions, io: CommandIo): number {
  if (options.merge) {
    if (target !== undefined) throw new CliError(`--merge reads reports, not a workspace: put ${target} after --merge if it is a report`);
    if (options.since !== undefined) throw new CliError('--since does not apply to --merge: each report already covers its period');
    if (options.name !== undefined) throw new CliError('--name does not apply to --merge: each report carries its repository\'s name');
    return runAuditMerge(options.merge, { format: options.format, ...(options.output ? { output: options.output } : {}) }, io);
  }
  const root = path.resolve(io.cwd, target ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new CliError(`no such directory: ${target ?? '.'}`);
  }
  if (!stat.isDirectory()) throw new CliError(`the audit takes a workspace folder, not a file: ${target}`);
  if (options.since !== undefined && !isRealDate(options.since)) throw new CliError(`--since takes a date as YYYY-MM-DD, not \`${options.since}\``);
  const name = options.name ?? (path.basename(root) || 'workspace');
  // The same limits --merge applies, so every report written here can be merged.
  if (name.trim() === '' || name.length > MAX_NAME || /\p{Cc}/u.test(name)) throw new CliError(`--name takes 1 to ${MAX_NAME} printable characters`);

  const ws = new Workspace(new NodeWorkspaceFs(root, { oneRun: true }), RULE_IDS, io.today);
  indexWorkspace(ws);
  const report = computeAudit(ws, options.since ? { since: options.since } : {});
  const text =
    options.format === 'json'
      ? JSON.stringify(auditToJson(report, { tool: { name: TOOL_NAME, version: TOOL_VERSION }, name, date: io.today }), null, 2) + '\n'
      : options.format === 'html'
        ? renderHtml(report)
        : options.format === 'markdown'
          ? renderMarkdown(report)
          : renderText(report);
  if (options.output) {
    fs.writeFileSync(path.resolve(io.cwd, options.output), text);
    io.note(`wrote ${options.output}`);
  } else io.stdout(text);
  if (ws.configInvalid) {
    io.note(`${path.join(root, '.decisions.yaml')} is invalid; the report used the defaults (run \`check\` to see why)`);
    return EXIT_CANNOT_RUN;
  }
  return EXIT_OK;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}
