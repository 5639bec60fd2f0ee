import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configOnly, hasStackTrace, makeDir, memo, runCli } from './cliHarness';

// Which files `check` looks at: folders as workspaces, files within the workspace found upward,
// several folders merged into one report.

const UNOWNED = memo(['status: draft', 'owners: []']);
const CONFIG = configOnly({ 'owner-missing': undefined });

function json(stdout: string) {
  return JSON.parse(stdout) as { root: string; files: number; diagnostics: Array<{ file: string; rule: string }> };
}

describe('check PATH', () => {
  it('checks the current folder when no path is given', () => {
    const dir = makeDir({ '.decisions.yaml': CONFIG, 'decisions/0001-a.md': UNOWNED });
    const out = json(runCli(['check', '-f', 'json'], dir).stdout);
    expect(out).toMatchObject({ root: dir, files: 1 });
  });

  it('treats a folder as the workspace root, with its own .decisions.yaml and globs', () => {
    const dir = makeDir({
      'ws/.decisions.yaml': configOnly({ 'owner-missing': undefined }, ['memos: ["records/*.md"]']),
      'ws/records/0001-a.md': UNOWNED,
      'ws/decisions/0002-ignored.md': UNOWNED,
    });
    const out = json(runCli(['check', 'ws', '-f', 'json'], dir).stdout);
    expect(out.root).toBe(path.join(dir, 'ws'));
    expect(out.files).toBe(1);
    expect(out.diagnostics.map((d) => d.file)).toEqual(['records/0001-a.md']);
  });

  it('checks a named file within the workspace found upward, and only that file', () => {
    const dir = makeDir({
      '.decisions.yaml': CONFIG,
      'decisions/0001-a.md': UNOWNED,
      'decisions/0002-b.md': UNOWNED,
      'decisions/sub/keep.txt': '',
    });
    const r = runCli(['check', '../0002-b.md', '-f', 'json'], path.join(dir, 'decisions', 'sub'));
    expect(r.status).toBe(0);
    const out = json(r.stdout);
    expect(out.root).toBe(dir);
    expect(out.files).toBe(1);
    expect(out.diagnostics.map((d) => d.file)).toEqual(['decisions/0002-b.md']);
  });

  it('checks a named file as a memo even when no memo glob matches it', () => {
    const dir = makeDir({ '.decisions.yaml': CONFIG, 'notes/idea.md': UNOWNED });
    const out = json(runCli(['check', 'notes/idea.md', '-f', 'json'], dir).stdout);
    expect(out.files).toBe(1);
    expect(out.diagnostics).toMatchObject([{ file: 'notes/idea.md', rule: 'owner-missing' }]);
  });

  it('without any .decisions.yaml, roots a named file at the current folder when it lies inside it', () => {
    const dir = makeDir({ 'decisions/0001-a.md': UNOWNED });
    const out = json(runCli(['check', 'decisions/0001-a.md', '-f', 'json'], dir).stdout);
    expect(out.root).toBe(dir);
    expect(out.diagnostics.map((d) => d.file)).toContain('decisions/0001-a.md');
  });

  it('without any .decisions.yaml, roots a file outside the current folder at its own folder', () => {
    const dir = makeDir({ 'elsewhere/decisions/0001-a.md': UNOWNED, 'here/keep.txt': '' });
    const out = json(runCli(['check', '../elsewhere/decisions/0001-a.md', '-f', 'json'], path.join(dir, 'here')).stdout);
    expect(out.root).toBe(path.join(dir, 'elsewhere', 'decisions'));
    expect(out.diagnostics.map((d) => d.file)).toContain('0001-a.md');
  });

  it('checks several folders each as its own workspace, in one report rooted at their common folder', () => {
    const dir = makeDir({
      'a/.decisions.yaml': CONFIG,
      'a/decisions/0001-x.md': UNOWNED,
      'b/.decisions.yaml': configOnly({}),
      'b/decisions/0001-y.md': UNOWNED,
      'b/decisions/0002-z.md': UNOWNED,
    });
    const out = json(runCli(['check', 'a', 'b', '-f', 'json'], dir).stdout);
    expect(out.root).toBe(dir);
    expect(out.files).toBe(3);
    // b turns owner-missing off in its own config; a does not.
    expect(out.diagnostics.map((d) => d.file)).toEqual(['a/decisions/0001-x.md']);
  });

  it('counts a folder named twice, or a folder and a file in it, once', () => {
    const dir = makeDir({ '.decisions.yaml': CONFIG, 'decisions/0001-a.md': UNOWNED });
    const out = json(runCli(['check', '.', 'decisions/0001-a.md', '.', '-f', 'json'], dir).stdout);
    expect(out.files).toBe(1);
    expect(out.diagnostics).toHaveLength(1);
  });

  it('exits 2 with one line on stderr for a path that does not exist', () => {
    const dir = makeDir({ '.decisions.yaml': CONFIG });
    const r = runCli(['check', 'nope.md'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('decision-memos: no such file or directory: nope.md\n');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('notes on stderr when a folder has no memos, and still exits 0', () => {
    const dir = makeDir({ 'readme.md': '# hi\n' });
    const r = runCli(['check'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ 0 memos checked: no problems.\n');
    expect(r.stderr).toMatch(/^decision-memos: no memos in .+ \(looked for decisions\/\*\*\/\*\.md, .+\)\.\n$/);
  });

  it('run from a folder inside a workspace, points at the workspace root', () => {
    const dir = makeDir({ '.decisions.yaml': CONFIG, 'decisions/0001-a.md': UNOWNED });
    const r = runCli(['check'], path.join(dir, 'decisions'));
    expect(r.stderr).toContain(`the workspace root looks like ${dir}.`);
  });
});
