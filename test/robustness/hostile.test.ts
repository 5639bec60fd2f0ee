import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, hasStackTrace, makeDir, treeSnapshot, writeFiles } from '../cli/cliHarness';

// Hostile workspaces for the built CLI (`dist/cli.js`): YAML alias bombs, binary and huge
// memos, nesting 20,000 deep, invalid UTF-8, symlink loops, links and paths that lead out of
// the workspace (to a FIFO, which blocks whoever reads it), settings files of the wrong shape or
// kind. Each time the CLI must finish in bounded time with exit code 0/1 (2 for a bad
// config, its problems printed), print diagnostics or one-line notes but no stack trace, still
// check the good memo beside the hostile files, and write nothing.
// (One suite of hostile inputs sharing one workspace builder; over 300 lines on purpose.)

/** Far above what any case needs (each takes well under a second); reaching it means a hang. */
const TIMEOUT_MS = 30_000;
const GOOD = 'decisions/0001-good.md';
/** A memo with one deliberate error (an impossible date): its diagnostic proves it was checked. */
const GOOD_MEMO = '---\nid: "0001"\nstatus: draft\nowners: [alice]\ndate: 2026-02-30\n---\n# A good memo\n';
const IS_ROOT = process.getuid?.() === 0;

interface JsonReport {
  files: number;
  diagnostics: Array<{ file: string; rule: string; severity: string; message: string; line: number; column: number }>;
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  report: JsonReport;
}

/** A temporary folder holding the workspace (`ws/`) and a folder outside it (`outside/`). */
function sandbox(files: Record<string, string | Buffer> = {}): { root: string; ws: string; outside: string } {
  const root = makeDir();
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(outside);
  fs.mkdirSync(ws);
  writeFiles(ws, { [GOOD]: GOOD_MEMO });
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(ws, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return { root, ws, outside };
}

function symlink(target: string, at: string): void {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at);
}

function fifo(at: string): void {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  execFileSync('mkfifo', [at]);
}

/**
 * Runs `check --format json` on the workspace and asserts what must hold for any input:
 * finished in time, an expected exit code, no stack trace, one-line notes, the good memo
 * checked, nothing written anywhere under the sandbox.
 */
function checkSurvives(box: { root: string; ws: string }, options: { exit?: number[]; args?: string[] } = {}): Outcome {
  const before = treeSnapshot(box.root);
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...(options.args ?? ['.'])], {
    cwd: box.ws,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const elapsed = Date.now() - started;
  expect(r.error, `the CLI did not finish (${elapsed} ms): ${String(r.error)}`).toBeUndefined();
  expect(r.signal, r.stderr.slice(0, 2000)).toBeNull();
  expect(options.exit ?? [0, 1]).toContain(r.status);
  expect(hasStackTrace(r.stderr), r.stderr).toBe(false);
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^decision-memos: \S.{0,400}$/);
  const report = JSON.parse(r.stdout) as JsonReport;
  const good = report.diagnostics.filter((d) => d.file === GOOD);
  expect(good.map((d) => d.rule)).toContain('date-invalid');
  expect(treeSnapshot(box.root)).toEqual(before);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, report };
}

function rulesOn(outcome: Outcome, file: string): string[] {
  return outcome.report.diagnostics.filter((d) => d.file === file).map((d) => d.rule);
}

// ── YAML alias bombs ──────────────────────────────────────────────────────────────────────

/** Nine levels of nine-fold aliases: 387,420,489 strings if anyone expanded them. */
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('YAML alias bombs (billion laughs)', () => {
  it('in a memo front matter: the aliases are not expanded, the memo is checked', () => {
    const box = sandbox({ 'decisions/0002-bomb.md': `---\n${BOMB}\nowners: *i\ntenets: *i\nevidence: *i\n<<: *i\n---\n# Bomb\n` });
    const out = checkSurvives(box);
    expect(rulesOn(out, 'decisions/0002-bomb.md')).toContain('owner-missing');
  });

  it('in tenets.yaml: reported on the tenet file', () => {
    const out = checkSurvives(sandbox({ 'tenets.yaml': `${BOMB}\ntenets: *i\n` }));
    expect(rulesOn(out, 'tenets.yaml')).toContain('tenet-file-invalid');
  });

  it('in people.yaml: reported on the people file', () => {
    const out = checkSurvives(sandbox({ 'people.yaml': `${BOMB}\npeople: *i\n` }));
    expect(rulesOn(out, 'people.yaml')).toContain('config-invalid');
  });

  it('in .decisions.yaml: the config is invalid (exit 2), the defaults apply', () => {
    // The bomb's keys are no settings (so the config is invalid anyway); `memos` takes the alias.
    const config = `${BOMB.replace(/^(\w):/gm, 'x$1:')}\nmemos: *i\n`;
    const out = checkSurvives(sandbox({ '.decisions.yaml': config }), { exit: [2] });
    expect(rulesOn(out, '.decisions.yaml')).toContain('config-invalid');
    expect(out.stderr).toMatch(/\.decisions\.yaml is invalid/);
  });
});

// ── Files that are not memos ──────────────────────────────────────────────────────────────

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

describe('files that are not text memos', () => {
  it('a PNG and a file of NUL bytes named .md are reported as unreadable', () => {
    const out = checkSurvives(sandbox({ 'decisions/0002-image.md': PNG, 'decisions/0003-nul.md': Buffer.alloc(4096), 'tenets/binary.md': PNG }));
    expect(rulesOn(out, 'decisions/0002-image.md')).toEqual(['file-unreadable']);
    expect(rulesOn(out, 'decisions/0003-nul.md')).toEqual(['file-unreadable']);
    expect(rulesOn(out, 'tenets/binary.md')).toEqual(['file-unreadable']);
  });

  it('invalid UTF-8 bytes are read (as replacement characters) and checked', () => {
    // Raw bytes (latin1 keeps each \xNN a single byte): an encoded surrogate, stray continuation bytes, truncated sequences.
    const bytes = Buffer.concat([Buffer.from('---\nowners: [b'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(']\ntitle: \xed\xa0\x80\n---\n# T \x80\x81\n', 'latin1'), Buffer.from([0xf0, 0x9f])]);
    const out = checkSurvives(sandbox({ 'decisions/0002-bytes.md': bytes }));
    expect(rulesOn(out, 'decisions/0002-bytes.md')).not.toContain('file-unreadable');
    expect(out.report.files).toBe(2);
  });

  it('a 5 MB memo is checked in bounded time', () => {
    const line = 'Claim: We believe [[CO-TRUST]] keeps *latency* low because `cache` and [links](x.md) work. ✓\n';
    const body = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const out = checkSurvives(sandbox({ 'decisions/0002-huge.md': `---\nowners: [alice]\n---\n# Huge\n\n${body}` }));
    expect(out.report.files).toBe(2);
  });

  it('a memo over the 10 MB limit is reported, not read', () => {
    const out = checkSurvives(sandbox({ 'decisions/0002-too-big.md': 'a'.repeat(10 * 1024 * 1024 + 1) }));
    expect(rulesOn(out, 'decisions/0002-too-big.md')).toEqual(['file-unreadable']);
  });
});

// ── Nesting 20,000 deep ───────────────────────────────────────────────────────────────────

describe('nesting 20,000 deep', () => {
  const N = 20_000;
  it('in front matter: `[[[[…`, `{a: {a: …`, and block maps 2,000 deep', () => {
    const blockMaps = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const out = checkSurvives(
      sandbox({
        'decisions/0002-flow.md': `---\nowners: ${'['.repeat(N)}\n---\n# T\n`,
        'decisions/0003-closed.md': `---\nowners: ${'['.repeat(N)}${']'.repeat(N)}\n---\n# T\n`,
        'decisions/0004-maps.md': `---\nowners: ${'{a: '.repeat(N)}\n---\n# T\n`,
        'decisions/0005-block.md': `---\n${blockMaps}\n---\n# T\n`,
      }),
    );
    expect(rulesOn(out, 'decisions/0002-flow.md')).toContain('front-matter-invalid');
    expect(rulesOn(out, 'decisions/0004-maps.md')).toContain('front-matter-invalid');
    for (const f of ['decisions/0002-flow.md', 'decisions/0003-closed.md', 'decisions/0004-maps.md', 'decisions/0005-block.md']) expect(rulesOn(out, f).length).toBeGreaterThan(0);
  });

  it('in the markdown body: `>>>>…` quotes, `- - - -…` lists, `1. 1. …`, and deep indentation', () => {
    const stairs = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * (i % 200))}- x`).join('\n');
    checkSurvives(
      sandbox({
        'decisions/0002-quotes.md': `# T\n\n${'>'.repeat(N)} Claim: deep\n`,
        'decisions/0003-lists.md': `# T\n\n${'- '.repeat(N)}[[CO-TRUST]]\n`,
        'decisions/0004-ordered.md': `# T\n\n<div>x</div>\n\n${'1. '.repeat(N)}x\n`,
        'decisions/0005-stairs.md': `# T\n\n<div>x</div>\n\n${stairs}\n`,
        'decisions/0006-many.md': `# T\n\n<b>x</b>\n\n${'- - - - - - - - x\n'.repeat(5000)}`,
      }),
    );
  });

  it('in tenets.yaml, people.yaml and a markdown tenet file', () => {
    const out = checkSurvives(
      sandbox({
        'tenets.yaml': '- '.repeat(N) + 'x\n',
        'people.yaml': '['.repeat(N) + '\n',
        'tenets/deep.md': `## T-1: deep\nlayer: ${'['.repeat(N)}\n\n${'>'.repeat(N)} When a, we choose b over c because d.\n`,
      }),
    );
    expect(rulesOn(out, 'people.yaml')).toContain('config-invalid');
  });

  it('in .decisions.yaml: invalid (exit 2), reported', () => {
    const out = checkSurvives(sandbox({ '.decisions.yaml': `rules: ${'{a: '.repeat(N)}\n` }), { exit: [2] });
    expect(rulesOn(out, '.decisions.yaml')).toContain('config-invalid');
  });
});

// ── Links, loops and paths out of the workspace ───────────────────────────────────────────

describe('symlinks and paths that lead out of the workspace', () => {
  it('a symlink loop in the memo folder (a folder linked to its parent, a link to itself) does not hang the walk', () => {
    const box = sandbox();
    symlink('..', path.join(box.ws, 'decisions', 'parent'));
    symlink('.', path.join(box.ws, 'decisions', 'here.md'));
    symlink('self.md', path.join(box.ws, 'decisions', 'self.md'));
    symlink('b.md', path.join(box.ws, 'decisions', 'a.md'));
    symlink('a.md', path.join(box.ws, 'decisions', 'b.md'));
    const out = checkSurvives(box);
    expect(out.report.files).toBeGreaterThanOrEqual(1);
  });

  it('evidence through symlinks to a FIFO outside is never read (reading it would block), and is reported', () => {
    const box = sandbox();
    fifo(path.join(box.outside, 'secret.md'));
    symlink(path.join(box.outside, 'secret.md'), path.join(box.ws, 'evidence', 'secret.md'));
    symlink(box.outside, path.join(box.ws, 'evidence', 'out'));
    writeFiles(box.ws, {
      'decisions/0002-links.md': '---\nstatus: proposed\nowners: [alice]\nevidence:\n  - path: evidence/secret.md\n    limits: x\n  - path: evidence/out/secret.md\n    limits: x\n---\n# T\n',
    });
    const out = checkSurvives(box);
    const outside = out.report.diagnostics.filter((d) => d.file === 'decisions/0002-links.md' && d.rule === 'evidence-outside-workspace');
    expect(outside).toHaveLength(2);
  });

  it('memo, tenet and people files that are symlinks to a FIFO outside are never read', () => {
    const box = sandbox();
    fifo(path.join(box.outside, 'pipe'));
    symlink(path.join(box.outside, 'pipe'), path.join(box.ws, 'decisions', '0002-linked.md'));
    symlink(path.join(box.outside, 'pipe'), path.join(box.ws, 'tenets', 'linked.md'));
    symlink(path.join(box.outside, 'pipe'), path.join(box.ws, 'people.yaml'));
    // The folder walk skips symbolic links altogether; the people file is read by name.
    const whole = checkSurvives(box);
    expect(rulesOn(whole, 'people.yaml')).toContain('config-invalid');
    // A linked memo named on the command line is looked at, and refused.
    const named = checkSurvives(box, { args: ['decisions/0002-linked.md', GOOD] });
    expect(rulesOn(named, 'decisions/0002-linked.md')).toEqual(['file-unreadable']);
  });

  it('a FIFO inside the workspace as a memo named on the command line, as people.yaml or as .decisions.yaml is not read', () => {
    const box = sandbox();
    fifo(path.join(box.ws, 'decisions', '0002-pipe.md'));
    fifo(path.join(box.ws, 'people.yaml'));
    const named = checkSurvives(box, { args: ['decisions/0002-pipe.md', GOOD] });
    expect(rulesOn(named, 'decisions/0002-pipe.md')).toEqual(['file-unreadable']);
    const whole = checkSurvives(box);
    expect(rulesOn(whole, 'people.yaml')).toContain('config-invalid');
    fifo(path.join(box.ws, '.decisions.yaml'));
    const config = checkSurvives(box, { exit: [2] });
    expect(rulesOn(config, '.decisions.yaml')).toContain('config-invalid');
  });

  it('`..`, absolute, home, file: and Windows evidence paths are reported as outside, never looked up', () => {
    const targets = ['../../outside/x.md', 'decisions/../../../outside/x.md', '/etc/passwd', '~/x.md', 'file:///etc/passwd', 'C:\\\\x\\\\y.md', '\\\\\\\\server\\\\share\\\\x.md', '..\\\\..\\\\x.md'];
    const evidence = targets.map((t) => `  - path: "${t}"\n    limits: x`).join('\n');
    const out = checkSurvives(sandbox({ 'decisions/0002-paths.md': `---\nstatus: proposed\nowners: [alice]\nevidence:\n${evidence}\n---\n# T\n` }));
    const outside = out.report.diagnostics.filter((d) => d.file === 'decisions/0002-paths.md' && d.rule === 'evidence-outside-workspace');
    expect(outside).toHaveLength(targets.length);
  });

  it('a config whose globs and people path point outside reads nothing there', () => {
    const box = sandbox();
    writeFiles(box.outside, { 'x.md': '---\nowners: []\n---\n# Outside\n', 'people.yaml': '- alice\n' });
    writeFiles(box.ws, { '.decisions.yaml': 'memos: ["decisions/**/*.md", "../outside/*.md", "/etc/*.md"]\ntenets: ["../outside/**/*.md"]\npeople: ../outside/people.yaml\n' });
    const out = checkSurvives(box);
    expect(out.report.files).toBe(1);
    expect(out.report.diagnostics.map((d) => d.file).filter((f) => f.startsWith('..') || path.isAbsolute(f))).toEqual([]);
    // The people path is reported where it is written.
    const people = out.report.diagnostics.filter((d) => d.file === '.decisions.yaml' && d.rule === 'config-invalid');
    expect(people.map((d) => d.message)).toEqual([expect.stringMatching(/^The people directory `\.\.\/outside\/people\.yaml` could not be read: this file resolves outside the workspace/)]);
  });
});

// ── Settings files of the wrong shape or kind ─────────────────────────────────────────────

describe('settings files of the wrong shape or kind', () => {
  const wrongShapes: Record<string, string> = {
    '`memos: 5`': 'memos: 5\n',
    'a list at the top level': '- decisions/**/*.md\n- tenets.yaml\n',
    'an unknown rule': 'rules: {nope: error}\n',
    'an unknown severity': 'rules: {owner-missing: loud}\n',
    'a negative threshold': 'evidence: {required: {one-way: -1}}\n',
    'a string': 'just a string\n',
    'a YAML syntax error': 'memos: [unclosed\n',
  };
  for (const [name, config] of Object.entries(wrongShapes)) {
    it(`.decisions.yaml with ${name}: exit 2, its problems printed, the memos checked with the defaults`, () => {
      const out = checkSurvives(sandbox({ '.decisions.yaml': config }), { exit: [2] });
      expect(rulesOn(out, '.decisions.yaml')).toContain('config-invalid');
      expect(out.stderr).toMatch(/^decision-memos: .*\.decisions\.yaml is invalid/m);
    });
  }

  it('.decisions.yaml that is a directory: exit 2, reported', () => {
    const box = sandbox();
    fs.mkdirSync(path.join(box.ws, '.decisions.yaml'));
    const out = checkSurvives(box, { exit: [2] });
    expect(rulesOn(out, '.decisions.yaml')).toContain('config-invalid');
  });

  it.skipIf(IS_ROOT)('.decisions.yaml that cannot be read (chmod 000): exit 2, reported (skipped as root, who can read it)', () => {
    const box = sandbox({ '.decisions.yaml': 'memos: ["decisions/**/*.md"]\n' });
    fs.chmodSync(path.join(box.ws, '.decisions.yaml'), 0o000);
    const out = checkSurvives(box, { exit: [2] });
    expect(rulesOn(out, '.decisions.yaml')).toContain('config-invalid');
  });

  it('tenet files that are directories (`tenets/x.md/`, `tenets.yaml/`) do not stop the check', () => {
    const box = sandbox({ 'tenets/x.md/inner.md': '## T-1: inner\nlayer: company\n\nWhen a, we choose b over c because d.\n' });
    fs.mkdirSync(path.join(box.ws, 'tenets.yaml'));
    const out = checkSurvives(box);
    expect(out.report.files).toBe(1);
  });

  it('people.yaml that is a directory is reported', () => {
    const box = sandbox({ '.decisions.yaml': 'people: people.yaml\n' });
    fs.mkdirSync(path.join(box.ws, 'people.yaml'));
    const out = checkSurvives(box);
    expect(rulesOn(out, 'people.yaml')).toContain('config-invalid');
  });
});
