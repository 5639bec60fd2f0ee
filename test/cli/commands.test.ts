import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../server/src/rules/registry';
import { configOnly, hasStackTrace, makeDir, memo, runCli, treeSnapshot } from './cliHarness';

// The program around `check`: help, version, argument errors, `rules` and `new`.

const packageVersion = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A usage failure: exit 2, nothing on stdout, one `decision-memos: …` line on stderr. */
function expectUsageFailure(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^decision-memos: [^\n]+\n$/);
  expect(hasStackTrace(r.stderr)).toBe(false);
}

describe('help and version', () => {
  it('--help lists the commands and exits 0', () => {
    const r = runCli(['--help'], makeDir());
    expect(r.status).toBe(0);
    for (const command of ['check', 'fix', 'new', 'rules']) expect(r.stdout).toContain(command);
  });

  it('check --help documents the options', () => {
    const r = runCli(['check', '--help'], makeDir());
    expect(r.status).toBe(0);
    for (const option of ['--format', '--max-warnings', '--quiet', '--no-color', '--changed', '--base', 'github']) expect(r.stdout).toContain(option);
  });

  it('fix --help and new --help document their options', () => {
    const fix = runCli(['fix', '--help'], makeDir());
    expect(fix.status).toBe(0);
    for (const option of ['--dry-run', '--max-warnings', '--quiet', '--color', '--no-color']) expect(fix.stdout).toContain(option);
    const created = runCli(['new', '--help'], makeDir());
    for (const option of ['--status', '--dir', '--base']) expect(created.stdout).toContain(option);
  });

  it('--version prints the package version', () => {
    const r = runCli(['--version'], makeDir());
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(packageVersion);
  });

  it('without a command, shows help on stderr and exits 2', () => {
    const r = runCli([], makeDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: decision-memos');
  });
});

describe('bad arguments exit 2 with one line and no stack trace', () => {
  const dir = makeDir({ 'decisions/0001-a.md': memo(['owners: [a]']) });
  it.each([
    [['check', '--bogus']],
    [['check', '--format', 'xml']],
    [['check', '--max-warnings', 'many']],
    [['check', '--max-warnings', '-1']],
    [['check', '--max-warnings']],
    [['chek']],
    [['new']],
    [['new', 'Title', '--status', 'maybe']],
    [['new', '   ']],
    [['fix', '--bogus']],
    [['fix', '--max-warnings', 'x']],
    [['check', '--base']],
  ])('%j', (args) => {
    expectUsageFailure(runCli(args, dir));
  });
});

describe('rules', () => {
  it('lists every rule with its default severity and description', () => {
    const r = runCli(['rules'], makeDir());
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL_RULES.length);
    for (const [i, rule] of ALL_RULES.entries()) {
      expect(lines[i]).toMatch(new RegExp(`^${rule.id} +${rule.defaultSeverity} +`));
      expect(lines[i]!.endsWith(rule.description)).toBe(true);
    }
  });
});

describe('new', () => {
  it('writes the next memo where most memos live, prints its path, and the memo parses cleanly', () => {
    const dir = makeDir({
      '.decisions.yaml': configOnly({ 'front-matter-invalid': undefined, 'status-invalid': undefined, 'date-invalid': undefined }),
      'docs/adr/0003-old.md': memo(['owners: [a]']),
      'docs/adr/0012-newer.md': memo(['owners: [a]']),
    });
    const r = runCli(['new', 'Use Postgres: for search!'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${path.join('docs', 'adr', '0013-use-postgres-for-search.md')}\n`);
    const text = fs.readFileSync(path.join(dir, 'docs/adr/0013-use-postgres-for-search.md'), 'utf8');
    expect(text).toMatch(/^---\nid: "0013"\ntitle: "Use Postgres: for search!"\nstatus: draft\ndate: \d{4}-\d{2}-\d{2}\n/);
    const check = runCli(['check', '-f', 'json'], dir);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
  });

  it('numbers from 0001 in the first glob folder of an empty workspace, and honours --status and --dir', () => {
    const dir = makeDir();
    expect(runCli(['new', 'First'], dir).stdout).toBe(`${path.join('decisions', '0001-first.md')}\n`);
    const r = runCli(['new', 'Second', '--status', 'proposed', '--dir', 'decisions/platform'], dir);
    expect(r.stdout).toBe(`${path.join('decisions', 'platform', '0002-second.md')}\n`);
    expect(fs.readFileSync(path.join(dir, 'decisions/platform/0002-second.md'), 'utf8')).toContain('\nstatus: proposed\n');
  });

  it('refuses to overwrite: exit 2 and nothing changed', () => {
    // A folder with the planned name is not a memo, so it does not move the numbering.
    const dir = makeDir({ 'decisions/0001-taken.md/keep.txt': '' });
    const before = treeSnapshot(dir);
    expectUsageFailure(runCli(['new', 'Taken'], dir));
    expect(treeSnapshot(dir)).toEqual(before);
  });

  it('refuses to plan against an invalid .decisions.yaml', () => {
    const dir = makeDir({ '.decisions.yaml': 'memos: [oops\n' });
    expectUsageFailure(runCli(['new', 'Anything'], dir));
    expect(fs.existsSync(path.join(dir, 'decisions'))).toBe(false);
  });
});
