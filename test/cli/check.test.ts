import { describe, expect, it } from 'vitest';
import { configOnly, hasStackTrace, makeDir, memo, runCli, treeSnapshot } from './cliHarness';

// `decision-memos check`: the stylish and JSON formats, exit codes, and that it never writes.

const OWNED = memo(['status: draft', 'owners: [alice]']);
const UNOWNED = memo(['status: draft', 'owners: []']);
/** Front matter YAML with an error after two astral characters (two UTF-16 units each). */
const BROKEN = memo(['title: "😀😀" oops', 'owners: [alice]']);

function workspace(files: Record<string, string>, rules: Record<string, string | undefined> = { 'owner-missing': undefined, 'front-matter-invalid': undefined }) {
  return makeDir({ '.decisions.yaml': configOnly(rules), ...files });
}

function json(stdout: string) {
  return JSON.parse(stdout) as {
    version: number;
    root: string;
    files: number;
    diagnostics: Array<Record<string, unknown>>;
  };
}

describe('check --format stylish', () => {
  it('says how many memos were checked when all is well, and exits 0', () => {
    const dir = workspace({ 'decisions/0001-a.md': OWNED, 'decisions/0002-b.md': OWNED });
    const r = runCli(['check'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ 2 memos checked: no problems.\n');
    expect(r.stderr).toBe('');
  });

  it('groups diagnostics by file with aligned `line:col  severity  message  rule-id` lines and a summary', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED, 'decisions/0002-b.md': BROKEN });
    const r = runCli(['check'], dir);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('decisions/0001-a.md');
    expect(lines[1]).toMatch(/^ {2}3:1 {2}warning {2}`owners` names nobody; .+ {2}owner-missing$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('decisions/0002-b.md');
    expect(lines[4]).toMatch(/^ {2}2:15 {2}error {2}Front matter YAML error: .+ {2}front-matter-invalid$/);
    expect(lines[6]).toBe('✖ 2 problems (1 error, 1 warning, 0 infos, 0 hints)');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('names files relative to the current folder', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED });
    const r = runCli(['check', '..'], `${dir}/decisions`);
    expect(r.stdout.split('\n')[0]).toBe('0001-a.md');
  });

  it('counts infos and hints in the summary', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED, 'decisions/0002-b.md': UNOWNED }, { 'owner-missing': 'hint' });
    const r = runCli(['check'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✖ 2 problems (0 errors, 0 warnings, 0 infos, 2 hints)');
  });

  it('colours only for a terminal, FORCE_COLOR or --color; NO_COLOR and --no-color win over the environment', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED });
    const coloured = (env: Record<string, string>, args: string[] = []) => runCli(['check', ...args], dir, env).stdout.includes('\x1b[');
    expect(coloured({})).toBe(false);
    expect(coloured({ FORCE_COLOR: '1' })).toBe(true);
    expect(coloured({ FORCE_COLOR: '0' })).toBe(false);
    expect(coloured({ FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    expect(coloured({ FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
    expect(coloured({ NO_COLOR: '1' }, ['--color'])).toBe(true);
  });

  it('--quiet shows errors only', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED, 'decisions/0002-b.md': BROKEN });
    const r = runCli(['check', '--quiet'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('owner-missing');
    expect(r.stdout).toContain('front-matter-invalid');
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos, 0 hints)');
  });
});

describe('check --format json', () => {
  it('prints exactly version, root, files and diagnostics with 1-based UTF-16 positions', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED, 'decisions/0002-b.md': BROKEN });
    const r = runCli(['check', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    expect(Object.keys(out)).toEqual(['version', 'root', 'files', 'diagnostics']);
    expect(out).toMatchObject({ version: 1, root: dir, files: 2 });
    expect(out.diagnostics).toEqual([
      {
        file: 'decisions/0001-a.md',
        rule: 'owner-missing',
        severity: 'warning',
        message: expect.any(String),
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 11,
      },
      {
        file: 'decisions/0002-b.md',
        rule: 'front-matter-invalid',
        severity: 'error',
        message: expect.stringMatching(/^Front matter YAML error/),
        // `title: "😀😀" oops`: `oops` starts after 14 UTF-16 units.
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 19,
      },
    ]);
    for (const d of out.diagnostics) expect(Object.keys(d)).toEqual(['file', 'rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('includes every severity and leaves out rules set to off', () => {
    const hinted = runCli(['check', '-f', 'json'], workspace({ 'decisions/0001-a.md': UNOWNED }, { 'owner-missing': 'hint' }));
    expect(json(hinted.stdout).diagnostics.map((d) => d.severity)).toEqual(['hint']);
    const info = runCli(['check', '-f', 'json'], workspace({ 'decisions/0001-a.md': UNOWNED }, { 'owner-missing': 'info' }));
    expect(json(info.stdout).diagnostics.map((d) => d.severity)).toEqual(['info']);
    const off = runCli(['check', '-f', 'json'], workspace({ 'decisions/0001-a.md': UNOWNED }, {}));
    expect(off.status).toBe(0);
    expect(json(off.stdout)).toMatchObject({ files: 1, diagnostics: [] });
  });

  it('uses / separators in nested paths', () => {
    const dir = workspace({ 'decisions/2026/q1/0001-a.md': UNOWNED });
    expect(json(runCli(['check', '-f', 'json'], dir).stdout).diagnostics[0]!.file).toBe('decisions/2026/q1/0001-a.md');
  });
});

describe('check exit codes', () => {
  it('0 with warnings only, 1 with an error', () => {
    expect(runCli(['check'], workspace({ 'decisions/0001-a.md': UNOWNED })).status).toBe(0);
    expect(runCli(['check'], workspace({ 'decisions/0001-a.md': BROKEN })).status).toBe(1);
  });

  it('--max-warnings N fails only when warnings exceed N, and says so on stderr', () => {
    const dir = workspace({ 'decisions/0001-a.md': UNOWNED, 'decisions/0002-b.md': UNOWNED });
    expect(runCli(['check', '--max-warnings', '2'], dir).status).toBe(0);
    const over = runCli(['check', '--max-warnings', '1'], dir);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('decision-memos: too many warnings (2; the maximum is 1).\n');
    // The gate counts warnings even when --quiet hides them.
    expect(runCli(['check', '--quiet', '--max-warnings', '0', '-f', 'json'], dir).status).toBe(1);
  });

  it('2 for an invalid .decisions.yaml, after printing its diagnostics and checking the memos with the defaults', () => {
    const dir = makeDir({ '.decisions.yaml': 'memos: 5\nunknown-setting: true\n', 'decisions/0001-a.md': UNOWNED });
    const r = runCli(['check', '--format', 'json'], dir);
    expect(r.status).toBe(2);
    const out = json(r.stdout);
    const configProblems = out.diagnostics.filter((d) => d.file === '.decisions.yaml');
    expect(configProblems.length).toBeGreaterThan(0);
    expect(configProblems.every((d) => d.rule === 'config-invalid' && d.severity === 'error')).toBe(true);
    // The defaults (`decisions/**/*.md`) still found and checked the memo.
    expect(out.files).toBe(1);
    expect(out.diagnostics.some((d) => d.file === 'decisions/0001-a.md' && d.rule === 'owner-missing')).toBe(true);
    expect(r.stderr).toMatch(/^decision-memos: .*\.decisions\.yaml is invalid.*\n$/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('2 for a .decisions.yaml that is not YAML, with the syntax error shown in stylish output', () => {
    const dir = makeDir({ '.decisions.yaml': 'memos: [unclosed\n', 'decisions/0001-a.md': OWNED });
    const r = runCli(['check'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^\.decisions\.yaml\n {2}\d+:\d+ +error +.+config-invalid$/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('check writes nothing', () => {
  it('leaves the workspace byte-for-byte and time-for-time unchanged in every format', () => {
    const dir = workspace({
      'decisions/0001-a.md': UNOWNED,
      'decisions/0002-b.md': BROKEN,
      'tenets.yaml': '- id: CO-TRUST\n  layer: company\n  statement: When growth and trust conflict, we choose trust over growth because trust does not come back.\n',
    });
    const before = treeSnapshot(dir);
    for (const format of ['stylish', 'json', 'sarif']) runCli(['check', '--format', format], dir);
    runCli(['check', 'decisions/0001-a.md'], dir);
    expect(treeSnapshot(dir)).toEqual(before);
  });
});
