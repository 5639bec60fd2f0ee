import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/workspace/config';
import { planNewMemo } from '../core/memo/newMemo';
import { findWorkspaceRoot, NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import { Workspace } from '../core/workspace/workspace';
import { RULE_IDS } from '../rules/registry';
import type { CommandIo } from './checkCommand';
import { CliError, EXIT_OK } from './cliError';
import { baseTakenIds, readBaseRef } from './gitBase';
import { isInside, toWorkspacePath } from './targets';

// `decision-memos new "Title"`: writes the next memo from the template, numbered after the
// workspace's existing memos, and prints its path. It creates one file and never overwrites.

export interface NewCommandOptions {
  status?: string;
  /** Folder to put the memo in; by default the planner chooses (where most memos live). */
  dir?: string;
  /** A git ref whose memo ids the new id must also avoid (the branch this one merges into). */
  base?: string;
}

/** Creates the memo file and returns the exit code. Throws CliError when it cannot. */
export function runNew(title: string, options: NewCommandOptions, io: CommandIo): number {
  if (title.trim() === '') throw new CliError('a new memo needs a title, e.g. decision-memos new "Use Postgres for search"');
  const dir = options.dir === undefined ? undefined : path.resolve(io.cwd, options.dir);
  if (dir !== undefined && fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new CliError(`--dir is not a folder: ${options.dir}`);

  const start = dir ?? io.cwd;
  const root = findWorkspaceRoot(start, CONFIG_FILE) ?? (isInside(start, io.cwd) ? io.cwd : start);
  const ws = loadMemoIndex(root);
  if (ws.configInvalid) {
    throw new CliError(`${path.join(root, CONFIG_FILE)} is invalid, so where memos go is unknown; run \`decision-memos check\` to see why.`);
  }

  // Numbered after the base's ids too, so two branches adding a memo each do not both take the next number.
  const takenIds = options.base === undefined ? [] : baseTakenIds(readBaseRef(ws, options.base));
  const plan = planNewMemo(ws, title, {
    today: io.today,
    takenIds,
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(dir !== undefined ? { folder: toWorkspacePath(root, dir) } : {}),
  });
  const target = path.join(root, ...plan.path.split('/'));
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // `wx`: fail rather than replace a file that appeared under the same name.
    fs.writeFileSync(target, plan.content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${target} already exists; not overwriting it.`);
    throw new CliError(`could not write ${target}: ${(error as Error).message}`);
  }
  io.stdout(`${displayPath(target, io.cwd)}\n`);
  if (!ws.isMemoFile(plan.path)) {
    io.note(`${plan.path} is outside the memo globs (${ws.config.memos.join(', ')}), so \`decision-memos check\` only checks it when named.`);
  }
  return EXIT_OK;
}

/** A workspace with its settings loaded and every memo indexed: what the planner numbers against. */
function loadMemoIndex(root: string): Workspace {
  const ws = new Workspace(new NodeWorkspaceFs(root), RULE_IDS);
  ws.loadSharedFiles();
  for (const file of ws.listMemoFiles()) {
    const memo = ws.readMemo(file);
    if (memo) ws.indexMemo(memo);
  }
  return ws;
}

function displayPath(abs: string, cwd: string): string {
  return isInside(abs, cwd) ? path.relative(cwd, abs) : abs;
}
