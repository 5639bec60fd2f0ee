import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/workspace/config';
import { findWorkspaceRoot } from '../node/nodeWorkspaceFs';
import { CliError } from './cliError';

// Turns the PATH arguments of `check` into workspaces to check:
// - a folder is a workspace root: all its memos are checked;
// - a file is checked within the workspace found upward from it (the nearest folder with
//   `.decisions.yaml`); with none, the current directory when the file lies inside it (so
//   `check x.md` agrees with `check`), else the file's own folder.
// Arguments that land in the same root are merged into one target; a folder argument wins over
// file arguments in it.

export interface CheckTarget {
  /** Absolute path of the workspace root. */
  root: string;
  /** Workspace-relative files named on the command line; undefined means every memo. */
  files: string[] | undefined;
}

/** Groups PATH arguments into workspace targets, in the order first named. Throws CliError for a missing path. */
export function resolveTargets(args: readonly string[], cwd: string): CheckTarget[] {
  const byRoot = new Map<string, CheckTarget>();
  for (const arg of args.length > 0 ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (!stat) throw new CliError(`no such file or directory: ${arg}`);
    if (stat.isDirectory()) {
      byRoot.set(abs, { root: abs, files: undefined });
      continue;
    }
    const root = workspaceRootOfFile(abs, cwd);
    const target = byRoot.get(root) ?? { root, files: [] };
    byRoot.set(root, target);
    if (target.files) target.files.push(toWorkspacePath(root, abs));
  }
  return [...byRoot.values()].map((t) => (t.files ? { root: t.root, files: [...new Set(t.files)] } : t));
}

/** The workspace a single file belongs to (see the rules at the top of this file). */
function workspaceRootOfFile(absFile: string, cwd: string): string {
  const found = findWorkspaceRoot(path.dirname(absFile), CONFIG_FILE);
  if (found) return found;
  return isInside(absFile, cwd) ? path.resolve(cwd) : path.dirname(absFile);
}

/** `/a/b` and `/a/b/c/d.md` → `c/d.md`. */
export function toWorkspacePath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

export function isInside(abs: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The deepest folder containing every root (the root itself when there is one). */
export function commonRoot(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  let common = path.resolve(roots[0]!);
  for (const root of roots.slice(1)) {
    while (!isInside(path.resolve(root), common)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

function statOrUndefined(abs: string): fs.Stats | undefined {
  try {
    return fs.statSync(abs);
  } catch {
    return undefined;
  }
}
