import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configOnly, hasStackTrace, makeDir, memo, runCli, writeFiles } from './cliHarness';

// `check --changed [REF]`, `check --base REF` and `new --base REF` in temporary git repositories.

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A repository on `main` whose first commit holds `files`. */
function repo(files: Record<string, string>): string {
  const dir = makeDir(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  commitAll(dir, 'first');
  return dir;
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

interface JsonReport {
  files: number;
  diagnostics: { file: string; rule: string }[];
}

function checkJson(dir: string, ...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const r = runCli(['check', '--format', 'json', ...args], dir);
  expect(hasStackTrace(r.stderr)).toBe(false);
  return { status: r.status, report: r.stdout ? (JSON.parse(r.stdout) as JsonReport) : { files: -1, diagnostics: [] }, stderr: r.stderr };
}

/** The files a report has diagnostics on (with the config below, every memo has one: owner-missing). */
function checkedFiles(report: JsonReport): string[] {
  return [...new Set(report.diagnostics.map((d) => d.file))].sort();
}

const CONFIG = configOnly({ 'owner-missing': undefined, 'supersede-broken': undefined, 'memo-duplicate-id': undefined, 'memo-id-conflict': undefined, 'evidence-not-found': undefined });
const TENETS = '- id: CO-X\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n';

function workspace(): Record<string, string> {
  return {
    '.decisions.yaml': CONFIG,
    'tenets.yaml': TENETS,
    'people.yaml': '- ann\n',
    'decisions/0001-a.md': memo(['id: "0001"', 'status: superseded', 'superseded-by: ["0002"]']),
    'decisions/0002-b.md': memo(['id: "0002"', 'status: accepted', 'supersedes: ["0001"]']),
    'decisions/0003-c.md': memo(['id: "0003"', 'status: accepted', 'evidence: [evidence/report.md]']),
    'decisions/0004-d.md': memo(['id: "0004"', 'status: draft']),
    'evidence/report.md': '# Report\n',
  };
}

describe('check --changed', () => {
  it('outside a git repository: one line, exit 2', () => {
    const dir = makeDir(workspace());
    for (const args of [['--changed'], ['--changed', 'main'], ['--base', 'main']]) {
      const r = runCli(['check', ...args], dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^decision-memos: --(changed|base) compares with git, but .+ is not inside a git repository\.\n$/);
    }
  });

  it('checks nothing when nothing changed, and says so', () => {
    const dir = repo(workspace());
    const r = checkJson(dir, '--changed');
    expect(r.report.files).toBe(0);
    expect(r.report.diagnostics).toEqual([]);
    expect(r.stderr).toBe(`decision-memos: no memo in ${dir} changed against the merge base with main.\n`);
    expect(r.status).toBe(0);
  });

  it('checks the memos changed since the branch left main: committed, staged, unstaged and new', () => {
    const dir = repo(workspace());
    git(dir, 'checkout', '-q', '-b', 'feature');
    fs.appendFileSync(path.join(dir, 'decisions/0004-d.md'), 'More text.\n');
    commitAll(dir, 'edit d');
    // main moves on after the branch point: not a change of this branch.
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'decisions/0009-main-only.md': memo(['id: "0009"', 'status: draft']) });
    commitAll(dir, 'main only');
    git(dir, 'checkout', '-q', 'feature');
    expect(checkedFiles(checkJson(dir, '--changed').report)).toEqual(['decisions/0004-d.md']);

    fs.appendFileSync(path.join(dir, 'decisions/0003-c.md'), 'Staged.\n');
    git(dir, 'add', 'decisions/0003-c.md');
    writeFiles(dir, { 'decisions/0005-new.md': memo(['id: "0005"', 'status: draft']) });
    const r = checkJson(dir, '--changed');
    expect(checkedFiles(r.report)).toEqual(['decisions/0003-c.md', 'decisions/0004-d.md', 'decisions/0005-new.md']);
    expect(r.report.files).toBe(3);
    // Against a named ref: the working tree's changes since that commit.
    expect(checkedFiles(checkJson(dir, '--changed=HEAD').report)).toEqual(['decisions/0003-c.md', 'decisions/0005-new.md']);
  });

  it('adds the memos a changed id or link affects, and those whose evidence appeared or vanished', () => {
    const dir = repo(workspace());
    // 0002 supersedes 0001: changing 0001's id breaks 0002's link.
    writeFiles(dir, { 'decisions/0001-a.md': memo(['id: "0001a"', 'status: superseded', 'superseded-by: ["0002"]']) });
    const r = checkJson(dir, '--changed', 'main');
    expect(checkedFiles(r.report)).toEqual(['decisions/0001-a.md', 'decisions/0002-b.md']);
    expect(r.report.diagnostics.some((d) => d.file === 'decisions/0002-b.md' && d.rule === 'supersede-broken')).toBe(true);
    git(dir, 'checkout', '-q', '--', '.');

    // A deleted memo: the memos that linked to it are checked (it is not).
    fs.rmSync(path.join(dir, 'decisions/0002-b.md'));
    expect(checkedFiles(checkJson(dir, '--changed', 'main').report)).toEqual(['decisions/0001-a.md']);
    git(dir, 'checkout', '-q', '--', '.');

    // Evidence that vanished: the memo citing it now has a missing file.
    fs.rmSync(path.join(dir, 'evidence/report.md'));
    const gone = checkJson(dir, '--changed', 'main');
    expect(checkedFiles(gone.report)).toEqual(['decisions/0003-c.md']);
    expect(gone.report.diagnostics.map((d) => d.rule)).toContain('evidence-not-found');
  });

  it('checks every memo when a tenet file, the people directory or the config changed', () => {
    const all = ['decisions/0001-a.md', 'decisions/0002-b.md', 'decisions/0003-c.md', 'decisions/0004-d.md'];
    for (const [file, text] of [
      ['tenets.yaml', TENETS + '- id: CO-Y\n  layer: company\n  statement: When c and d conflict, we choose c over d because e.\n'],
      ['people.yaml', '- ann\n- bob\n'],
      ['.decisions.yaml', CONFIG + '# a comment\n'],
    ] as const) {
      const dir = repo(workspace());
      writeFiles(dir, { [file]: text });
      expect(checkedFiles(checkJson(dir, '--changed').report), file).toEqual(all);
    }
  });

  it('narrows named files to those that changed, and works on a workspace inside the repository', () => {
    const dir = repo({ 'README.md': '# Repo\n', ...Object.fromEntries(Object.entries(workspace()).map(([k, v]) => [`docs/${k}`, v])) });
    fs.appendFileSync(path.join(dir, 'docs/decisions/0004-d.md'), 'Changed.\n');
    fs.appendFileSync(path.join(dir, 'README.md'), 'Changed too.\n');
    expect(checkedFiles(checkJson(dir, 'docs', '--changed').report)).toEqual(['decisions/0004-d.md']);
    expect(checkJson(path.join(dir, 'docs'), 'decisions/0003-c.md', 'decisions/0004-d.md', '--changed').report.files).toBe(1);
  });

  it('refuses an unknown ref, and finds no default branch to compare with in one line', () => {
    const dir = repo(workspace());
    const r = runCli(['check', '--changed', 'no-such-branch'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('decision-memos: --changed no-such-branch: no such commit or branch in this repository.\n');
    git(dir, 'branch', '-m', 'main', 'trunk');
    const none = runCli(['check', '--changed'], dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('decision-memos: --changed found no default branch to compare with (origin/HEAD, main or master); name one: --changed REF.\n');
  });
});

describe('check --base and new --base', () => {
  /** main and a branch that each added memo 0005 after they parted. */
  function diverged(): string {
    const dir = repo(workspace());
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, { 'decisions/0005-on-feature.md': memo(['status: draft']) });
    // A rename on this branch keeps its id: the base's old file is this branch's own, not a clash.
    git(dir, 'mv', 'decisions/0004-d.md', 'decisions/0004-renamed.md');
    commitAll(dir, 'feature adds 0005');
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'decisions/0005-on-main.md': memo(['id: "0005"', 'status: draft']), 'decisions/0007-on-main.md': memo(['status: draft']) });
    commitAll(dir, 'main adds 0005 and 0007');
    git(dir, 'checkout', '-q', 'feature');
    return dir;
  }

  it('reports a memo id this branch adds that the base gave another file; not without --base', () => {
    const dir = diverged();
    const r = checkJson(dir, '--base', 'main');
    const conflicts = r.report.diagnostics.filter((d) => d.rule === 'memo-id-conflict');
    expect(conflicts).toEqual([expect.objectContaining({ file: 'decisions/0005-on-feature.md' })]);
    expect(r.status).toBe(1);
    expect(checkJson(dir).report.diagnostics.filter((d) => d.rule === 'memo-id-conflict')).toEqual([]);
    // The stylish output names the base and the other file.
    expect(runCli(['check', '--base', 'main'], dir).stdout).toContain('The id `0005` is also the id of decisions/0005-on-main.md on main');
    // With --changed, on the changed memos only.
    expect(checkJson(dir, '--changed', 'main', '--base', 'main').report.diagnostics.filter((d) => d.rule === 'memo-id-conflict')).toHaveLength(1);
  });

  it('without history (a shallow clone), still finds the clash', () => {
    const origin = diverged();
    const clone = makeDir();
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone], { stdio: 'ignore' });
    git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:main');
    expect(() => git(clone, 'merge-base', 'HEAD', 'main')).toThrow();
    const conflicts = checkJson(clone, '--base', 'main').report.diagnostics.filter((d) => d.rule === 'memo-id-conflict');
    expect(conflicts.map((d) => d.file)).toContain('decisions/0005-on-feature.md');
  });

  it('works on a workspace in a folder of the repository', () => {
    const dir = repo({ 'README.md': '# Repo\n', 'docs/.decisions.yaml': CONFIG, 'docs/decisions/0001-a.md': memo(['status: draft']) });
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, { 'docs/decisions/0002-here.md': memo(['status: draft']) });
    commitAll(dir, 'feature');
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'docs/decisions/0002-there.md': memo(['status: draft']) });
    commitAll(dir, 'main');
    git(dir, 'checkout', '-q', 'feature');
    const r = checkJson(dir, 'docs', '--base', 'main');
    expect(r.report.diagnostics.filter((d) => d.rule === 'memo-id-conflict').map((d) => d.file)).toEqual(['decisions/0002-here.md']);
    expect(runCli(['new', 'Next', '--base', 'main'], path.join(dir, 'docs')).stdout.trim()).toBe(path.join('decisions', '0003-next.md'));
  });

  it('refuses an unknown base in one line', () => {
    const r = runCli(['check', '--base', 'nope'], diverged());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('decision-memos: --base nope: no such commit or branch in this repository.\n');
    const dashed = runCli(['check', '--base=--output=x'], diverged());
    expect(dashed.status).toBe(2);
    expect(dashed.stderr).toBe('decision-memos: --base --output=x: no such commit or branch in this repository.\n');
  });

  it('new --base numbers after the ids of the working tree and of the base', () => {
    const dir = diverged();
    const plain = runCli(['new', 'Plain', '--dir', 'decisions'], dir);
    expect(plain.stdout.trim()).toBe(path.join('decisions', '0006-plain.md'));
    const based = runCli(['new', 'Based', '--dir', 'decisions', '--base', 'main'], dir);
    expect(based.status).toBe(0);
    expect(based.stdout.trim()).toBe(path.join('decisions', '0008-based.md'));
    expect(fs.readFileSync(path.join(dir, 'decisions/0008-based.md'), 'utf8')).toContain('id: "0008"');
    const bad = runCli(['new', 'X', '--base', 'nope'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('decision-memos: --base nope: no such commit or branch in this repository.\n');
  });
});
