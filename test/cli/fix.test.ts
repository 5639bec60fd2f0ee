import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { localToday } from '../../server/src/core/dates';
import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import { selectFixAll } from '../../server/src/core/fixes/fixAll';
import { stripBom } from '../../server/src/core/text/lineIndex';
import type { Diagnostic } from '../../server/src/core/types';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { NodeWorkspaceFs } from '../../server/src/node/nodeWorkspaceFs';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { configOnly, hasStackTrace, makeDir, runCli, treeSnapshot } from './cliHarness';

// `decision-memos fix`: what it writes must be exactly the editor's "fix all" applied to each
// file — every other byte as it was — and nothing else may change.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKSPACES = ['examples/workspace', ...fs.readdirSync(path.join(ROOT, 'test/fixtures/corpus'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `test/fixtures/corpus/${e.name}`)];

/** A copy of a workspace in a temporary folder (the originals are never touched). */
function copyOf(rel: string): string {
  const dir = makeDir();
  fs.cpSync(path.join(ROOT, rel), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** Every file below `dir` (relative path → bytes and mode). */
function files(dir: string): Map<string, { bytes: Buffer; mode: number }> {
  const out = new Map<string, { bytes: Buffer; mode: number }>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) out.set(path.relative(dir, abs).split(path.sep).join('/'), { bytes: fs.readFileSync(abs), mode: fs.statSync(abs).mode });
    }
  };
  walk(dir);
  return out;
}

/** In process, one pass of "fix all" per file: the reported diagnostics' safe edits applied to the original text. */
function expectedFixes(dir: string): Map<string, { text: string; rules: string[] }> {
  const ws = new Workspace(new NodeWorkspaceFs(dir), RULE_IDS, localToday());
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of checkWorkspace(ws, ALL_RULES).diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out = new Map<string, { text: string; rules: string[] }>();
  for (const [file, list] of byFile) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8');
    const { edits, fixed } = selectFixAll(stripBom(raw), list);
    if (edits.length === 0) continue;
    out.set(file, { text: (raw.startsWith('\ufeff') ? '\ufeff' : '') + applyEdits(stripBom(raw), edits), rules: fixed.map((d) => d.rule) });
  }
  return out;
}

describe('fix on the example workspace and the corpus', () => {
  for (const rel of WORKSPACES) {
    it(`${rel}: writes exactly the safe fixes, every other byte kept, and a second run changes nothing`, () => {
      const dir = copyOf(rel);
      const before = files(dir);
      const expected = expectedFixes(dir);
      const r = runCli(['fix'], dir);
      expect(hasStackTrace(r.stderr)).toBe(false);
      const after = files(dir);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [file, was] of before) {
        const now = after.get(file)!;
        expect(now.mode, file).toBe(was.mode);
        const fixed = expected.get(file);
        expect(now.bytes.toString('utf8') === (fixed ? fixed.text : was.bytes.toString('utf8')) && (fixed !== undefined || now.bytes.equals(was.bytes)), file).toBe(true);
      }
      // What it says it fixed: each changed file with its rules.
      for (const [file, { rules }] of expected) expect(r.stdout).toContain(`${file}: fixed ${rules.length} problem${rules.length === 1 ? '' : 's'} (${[...new Set(rules)].sort()[0]}`);
      if (expected.size === 0) expect(r.stdout.startsWith('Nothing to fix.\n')).toBe(true);
      // The exit code is check's on the fixed files.
      expect(r.status).toBe(runCli(['check'], dir).status);

      const snapshot = treeSnapshot(dir);
      const again = runCli(['fix'], dir);
      expect(again.stdout.startsWith('Nothing to fix.\n')).toBe(true);
      expect(treeSnapshot(dir)).toEqual(snapshot);
      expect(again.status).toBe(r.status);
    });
  }

  it('found something to fix in the example workspace and the corpus (the test above is not vacuous)', () => {
    const total = WORKSPACES.reduce((n, rel) => n + expectedFixes(path.join(ROOT, rel)).size, 0);
    expect(total).toBeGreaterThanOrEqual(3);
  });
});

describe('fix --dry-run', () => {
  it('writes nothing and prints a unified diff that turns each file into what fix writes', () => {
    const dir = copyOf('examples/workspace');
    const snapshot = treeSnapshot(dir);
    const before = files(dir);
    const r = runCli(['fix', '--dry-run'], dir);
    expect(treeSnapshot(dir)).toEqual(snapshot);
    expect(r.stdout).toMatch(/^--- a\/decisions\/problems\/0124-missing-back-link\.md\n\+\+\+ b\/decisions\/problems\/0124-missing-back-link\.md\n@@ /);
    expect(r.stderr).toContain('would fix decisions/problems/0124-missing-back-link.md: 1 problem (supersede-broken)');
    const patches = parsePatch(r.stdout);
    const real = runCli(['fix'], dir);
    expect(real.status).toBe(r.status);
    const after = files(dir);
    for (const patch of patches) {
      const file = patch.oldFileName!.replace(/^a\//, '');
      expect(applyPatch(before.get(file)!.bytes.toString('utf8'), patch), file).toBe(after.get(file)!.bytes.toString('utf8'));
    }
    expect(patches.length).toBeGreaterThan(0);
  });
});

const BACK_LINKS = configOnly({ 'supersede-broken': undefined });

describe('fix keeps what it does not own', () => {
  it('keeps CRLF line ends, the byte-order mark and the permissions', () => {
    const dir = makeDir({
      '.decisions.yaml': BACK_LINKS,
      'decisions/0001-old.md': '\ufeff---\r\nid: "0001"\r\nstatus: superseded\r\n---\r\n# Old\r\n',
      'decisions/0002-new.md': '---\nid: "0002"\nstatus: accepted\nsupersedes: ["0001"]\n---\n# New\n',
    });
    fs.chmodSync(path.join(dir, 'decisions/0001-old.md'), 0o640);
    const r = runCli(['fix'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('decisions/0001-old.md: fixed 1 problem (supersede-broken)');
    expect(fs.readFileSync(path.join(dir, 'decisions/0001-old.md'), 'utf8')).toBe('\ufeff---\r\nid: "0001"\r\nstatus: superseded\r\nsuperseded-by:\r\n  - "0002"\r\n---\r\n# Old\r\n');
    expect(fs.statSync(path.join(dir, 'decisions/0001-old.md')).mode & 0o777).toBe(0o640);
    // No temporary file is left behind.
    expect(fs.readdirSync(path.join(dir, 'decisions')).sort()).toEqual(['0001-old.md', '0002-new.md']);
  });

  it('writes through a named symbolic link, which stays a link', () => {
    const dir = makeDir({
      '.decisions.yaml': BACK_LINKS,
      'decisions/0002-new.md': '---\nid: "0002"\nstatus: accepted\nsupersedes: ["0003"]\n---\n# New\n',
      'real/0003-linked.md': '---\nid: "0003"\nstatus: superseded\n---\n# Linked\n',
    });
    fs.symlinkSync('../real/0003-linked.md', path.join(dir, 'decisions/0003-linked.md'));
    const r = runCli(['fix', 'decisions/0003-linked.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('decisions/0003-linked.md: fixed 1 problem (supersede-broken)');
    expect(fs.lstatSync(path.join(dir, 'decisions/0003-linked.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real/0003-linked.md'), 'utf8')).toBe('---\nid: "0003"\nstatus: superseded\nsuperseded-by:\n  - "0002"\n---\n# Linked\n');
    expect(fs.readdirSync(path.join(dir, 'real'))).toEqual(['0003-linked.md']);
  });

  it('fixes again what one pass had to skip (two inserts at one spot), so one run settles', () => {
    const dir = makeDir({
      '.decisions.yaml': BACK_LINKS,
      'decisions/0001-old.md': '---\nid: "0001"\nstatus: superseded\n---\n# Old\n',
      'decisions/0002-a.md': '---\nid: "0002"\nstatus: accepted\nsupersedes: ["0001"]\n---\n# A\n',
      'decisions/0003-b.md': '---\nid: "0003"\nstatus: accepted\nsupersedes: ["0001"]\n---\n# B\n',
    });
    // One pass of fix all takes only the first of the two back-links.
    expect(expectedFixes(dir).get('decisions/0001-old.md')?.rules).toEqual(['supersede-broken']);
    const r = runCli(['fix'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('decisions/0001-old.md: fixed 2 problems (supersede-broken ×2)');
    expect(fs.readFileSync(path.join(dir, 'decisions/0001-old.md'), 'utf8')).toBe('---\nid: "0001"\nstatus: superseded\nsuperseded-by:\n  - "0002"\n  - "0003"\n---\n# Old\n');
    const snapshot = treeSnapshot(dir);
    expect(runCli(['fix'], dir).stdout.startsWith('Nothing to fix.\n')).toBe(true);
    expect(treeSnapshot(dir)).toEqual(snapshot);
  });

  it('leaves a file that is not valid UTF-8 alone, says so, and exits 2', () => {
    const dir = makeDir({
      '.decisions.yaml': BACK_LINKS,
      'decisions/0002-new.md': '---\nid: "0002"\nstatus: accepted\nsupersedes: ["0001"]\n---\n# New\n',
    });
    const latin1 = Buffer.concat([Buffer.from('---\nid: "0001"\nstatus: superseded\n---\n# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    fs.writeFileSync(path.join(dir, 'decisions/0001-old.md'), latin1);
    const r = runCli(['fix'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/0001-old\.md is not valid UTF-8; left as it is/);
    expect(fs.readFileSync(path.join(dir, 'decisions/0001-old.md')).equals(latin1)).toBe(true);
  });

  it('exits as check would after fixing: 0 once the only error is fixed, 2 with an invalid config', () => {
    const dir = makeDir({
      '.decisions.yaml': BACK_LINKS,
      'decisions/0001-old.md': '---\nid: "0001"\nstatus: superseded\n---\n# Old\n',
      'decisions/0002-new.md': '---\nid: "0002"\nstatus: accepted\nsupersedes: ["0001"]\n---\n# New\n',
    });
    expect(runCli(['check'], dir).status).toBe(1);
    expect(runCli(['fix'], dir).status).toBe(0);
    expect(runCli(['check'], dir).status).toBe(0);
    fs.writeFileSync(path.join(dir, '.decisions.yaml'), 'memos: [unclosed\n');
    const r = runCli(['fix'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.decisions.yaml is invalid');
  });

  it('fails in one line on a path that does not exist', () => {
    const r = runCli(['fix', 'nowhere'], makeDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('decision-memos: no such file or directory: nowhere\n');
  });
});
