import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { action, runAction } from './actionHarness';
import { configOnly, makeDir, memo } from './cliHarness';

// action.yml, the composite GitHub Action, run as the runner runs it (actionHarness.ts). The
// copy installed in a repository is exercised in npmPackage.test.ts; here the action's own
// checkout (this repository, with its built dist/cli.js) is used.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('action.yml', () => {
  it('is a composite action with the inputs paths, format (github by default) and max-warnings', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['format', 'max-warnings', 'paths']);
    expect(action.inputs.format!.default).toBe('github');
    expect(action.runs.steps[0]!.env).toEqual({
      INPUT_PATHS: '${{ inputs.paths }}',
      INPUT_FORMAT: '${{ inputs.format }}',
      INPUT_MAX_WARNINGS: '${{ inputs.max-warnings }}',
      ACTION_PATH: '${{ github.action_path }}',
    });
  });

  const workspace = () =>
    makeDir({
      'docs/.decisions.yaml': configOnly({ 'owner-missing': undefined, 'status-invalid': undefined }),
      'docs/decisions/0001-a.md': memo(['status: maybe', 'owners: [ann]']),
      'docs/decisions/0002-b.md': memo(['status: draft']),
      'other notes/.decisions.yaml': configOnly({ 'owner-missing': undefined }),
      'other notes/decisions/0003-c.md': memo(['status: draft']),
    });

  it('annotates with the CLI of its own checkout when the repository has none installed', () => {
    const dir = workspace();
    const r = runAction(dir, { paths: 'docs' }, ROOT);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error file=docs/decisions/0001-a.md,line=2,col=9,');
    expect(r.stdout).toContain('::warning file=docs/decisions/0002-b.md,line=1,col=1,');
  });

  it('takes paths one per line (spaces kept), any format, and fails on too many warnings', () => {
    const dir = workspace();
    const r = runAction(dir, { paths: 'docs\nother notes\n', format: 'json' }, ROOT);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { files: number }).files).toBe(3);
    // A name with a space needs a line of its own: a single line is split at spaces.
    const warningsOnly = runAction(dir, { paths: 'other notes\n', 'max-warnings': '0' }, ROOT);
    expect(warningsOnly.status).toBe(1);
    expect(warningsOnly.stderr).toContain('too many warnings (1; the maximum is 0)');
    expect(runAction(dir, { paths: 'other notes\n' }, ROOT).status).toBe(0);
    expect(runAction(dir, { paths: 'other notes' }, ROOT).stderr).toBe('decision-memos: no such file or directory: other\n');
  });
});
