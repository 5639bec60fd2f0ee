import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { parse } from 'yaml';

// action.yml's step run the way a GitHub runner runs a composite action's `run:` script: bash,
// with the `env:` the step maps its inputs to set here directly.

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: { shell: string; env: Record<string, string>; run: string }[] };
}

export const action = parse(fs.readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as Action;

/** Runs the action's step in `cwd` with the given inputs (defaults for the rest). */
export function runAction(cwd: string, inputs: Record<string, string>, actionPath: string): { status: number | null; stdout: string; stderr: string } {
  const step = action.runs.steps[0]!;
  const value = (name: string) => inputs[name] ?? action.inputs[name]!.default;
  const env = { ...process.env, INPUT_PATHS: value('paths'), INPUT_FORMAT: value('format'), INPUT_MAX_WARNINGS: value('max-warnings'), ACTION_PATH: actionPath, NO_COLOR: '1' };
  const r = spawnSync('bash', ['-e', '-c', step.run], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
