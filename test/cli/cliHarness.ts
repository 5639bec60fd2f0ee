import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { RULE_IDS } from '../../server/src/rules/registry';
import { writeFiles } from '../helpers/files';

// Runs the built CLI (`dist/cli.js`, made by `npm run build`) as a child process on temporary
// workspaces, the way CI runs it.

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

// An interrupted build can leave an empty file behind.
if (!fs.existsSync(CLI) || fs.statSync(CLI).size === 0) throw new Error(`${CLI} is missing or empty: run \`npm run build\` before the CLI tests.`);

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder holding `files` (paths with `/`), removed after the test file. */
export function makeDir(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'decision-memos-cli-')));
  tempDirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

export { writeFiles };

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`. Colour variables are cleared unless `env` sets them. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): CliResult {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
  const cleanEnv = Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A `.decisions.yaml` that turns every rule off except `on` (with their default severity unless
 * given), so these tests depend only on the rules they name, not on rules still being written.
 */
export function configOnly(on: Record<string, string | undefined>, extra: string[] = []): string {
  const lines = ['rules:'];
  for (const id of RULE_IDS) {
    if (!(id in on)) lines.push(`  ${id}: off`);
    else if (on[id] !== undefined) lines.push(`  ${id}: ${on[id]}`);
  }
  return [...extra, ...lines].join('\n') + '\n';
}

/** A memo with front matter fields (`key: value` lines) and a short body. */
export function memo(fields: string[], body = '# A decision\n'): string {
  return ['---', ...fields, '---', body].join('\n');
}

/** Every file under `dir` with its size, mode and modification time: equal snapshots mean nothing was written. */
export function treeSnapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(d, entry.name);
      const st = fs.lstatSync(abs);
      out.push(`${path.relative(dir, abs)} ${entry.isDirectory() ? 'dir' : st.size} ${st.mode} ${st.mtimeMs}`);
      if (entry.isDirectory()) walk(abs);
    }
  };
  walk(dir);
  return out;
}

/** True when text has no Node stack frame lines (`    at fn (file:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(node:)/m.test(text) || /\bat (Object|Module|node:)/.test(text);
}
