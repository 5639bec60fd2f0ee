import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { candidatePaths, resolveEvidencePath } from '../../server/src/core/evidence/evidencePaths';
import { NodeWorkspaceFs } from '../../server/src/node/nodeWorkspaceFs';
import type { Diagnostic } from '../../server/src/core/types';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { type ReadResult } from '../../server/src/core/workspace/workspaceFs';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, goodMemo, TODAY } from '../helpers/memoWorkspace';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';

const MEMO = 'decisions/0001-cache.md';

describe('resolveEvidencePath', () => {
  const mem = new InMemoryWorkspaceFs({ 'decisions/reports/a.md': 'a', 'reports/b.md': 'b', 'reports/a.md': 'root a' });

  it('looks in the memo folder first, then at the workspace root', () => {
    expect(candidatePaths('reports/a.md', MEMO)).toEqual(['decisions/reports/a.md', 'reports/a.md']);
    expect(resolveEvidencePath('reports/a.md', MEMO, mem)).toEqual({ kind: 'found', path: 'decisions/reports/a.md', isDirectory: false });
    expect(resolveEvidencePath('reports/b.md', MEMO, mem)).toEqual({ kind: 'found', path: 'reports/b.md', isDirectory: false });
    expect(resolveEvidencePath('./reports/', MEMO, mem)).toEqual({ kind: 'found', path: 'decisions/reports', isDirectory: true });
  });

  it('creates missing files where the memo-folder lookup finds them', () => {
    expect(resolveEvidencePath('reports/c.md', MEMO, mem)).toEqual({ kind: 'missing', path: 'decisions/reports/c.md', looked: ['decisions/reports/c.md', 'reports/c.md'], isFolder: false });
    expect(resolveEvidencePath('../c.md', MEMO, mem)).toEqual({ kind: 'missing', path: 'c.md', looked: ['c.md'], isFolder: false });
    expect(resolveEvidencePath('reports/c.md#x', MEMO, mem)).toMatchObject({ kind: 'missing', path: 'decisions/reports/c.md' });
  });

  it('classifies targets by shape before touching the file system', () => {
    const never = new InMemoryWorkspaceFs();
    never.inspect = () => {
      throw new Error('inspected');
    };
    const cases: [string, unknown][] = [
      ['https://example.com/a', { kind: 'url' }],
      ['doi:10.1000/182', { kind: 'url' }],
      ['file:///etc/hosts', { kind: 'outside', reason: 'file-url' }],
      ['file:notes.md', { kind: 'outside', reason: 'file-url' }],
      ['/etc/hosts', { kind: 'outside', reason: 'absolute' }],
      ['C:\\x.md', { kind: 'outside', reason: 'windows' }],
      ['\\\\srv\\share', { kind: 'outside', reason: 'windows' }],
      ['~', { kind: 'outside', reason: 'home' }],
      ['~/x.md', { kind: 'outside', reason: 'home' }],
      ['../../x.md', { kind: 'outside', reason: 'escapes' }],
      ['a/../../../x.md', { kind: 'outside', reason: 'escapes' }],
      ['', { kind: 'invalid' }],
      ['a\nb', { kind: 'invalid' }],
    ];
    for (const [target, expected] of cases) expect(resolveEvidencePath(target, MEMO, never), target).toEqual(expected);
  });

  it('never throws when the file system adapter does', () => {
    const throwing = new InMemoryWorkspaceFs();
    throwing.inspect = () => {
      throw new Error('boom');
    };
    expect(resolveEvidencePath('a.md', MEMO, throwing)).toEqual({ kind: 'broken-link', path: 'decisions/a.md' });
  });
});

// The same rules on a real folder: symlinks, loops, FIFOs and permissions only exist on disk.
describe.skipIf(process.platform === 'win32')('evidence paths on disk', () => {
  let root: string;
  let outside: string;

  beforeEach(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-evidence-'));
    root = path.join(base, 'workspace');
    outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(root, 'decisions'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(root, 'tenets.yaml'), BASE_TENETS);
  });

  afterEach(() => {
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  /** Writes the memo, checks the folder, and records every path the checker asked to read. */
  function checkOnDisk(evidence: string): { diagnostics: Diagnostic[]; reads: string[] } {
    fs.writeFileSync(path.join(root, MEMO), goodMemo({ evidence }));
    const disk = new NodeWorkspaceFs(root);
    const reads: string[] = [];
    const readText = disk.readText.bind(disk);
    disk.readText = (p: string): ReadResult => {
      reads.push(p);
      return readText(p);
    };
    const { diagnostics } = checkWorkspace(new Workspace(disk, RULE_IDS, TODAY), ALL_RULES);
    return { diagnostics: diagnostics.filter((d) => d.rule.startsWith('evidence-') && d.rule !== 'evidence-limits-missing'), reads };
  }

  const rules = (ds: Diagnostic[]) => ds.map((d) => d.rule);

  it('accepts an existing file and a folder, without reading either', () => {
    fs.mkdirSync(path.join(root, 'reports', 'run-7'), { recursive: true });
    fs.writeFileSync(path.join(root, 'reports', 'slo.md'), '# SLO');
    const { diagnostics, reads } = checkOnDisk('[../reports/slo.md, reports/slo.md, reports/run-7, reports/run-7/]');
    expect(diagnostics).toEqual([]);
    expect(reads.filter((p) => p.startsWith('reports'))).toEqual([]);
  });

  it('reports a symlink to a FIFO outside the workspace without opening it (opening would hang)', () => {
    const fifo = path.join(outside, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      fs.writeFileSync(fifo, 'stand-in when mkfifo is missing');
    }
    fs.symlinkSync(fifo, path.join(root, 'decisions', 'pipe.md'));
    const { diagnostics, reads } = checkOnDisk('[pipe.md]');
    expect(rules(diagnostics)).toEqual(['evidence-outside-workspace']);
    expect(diagnostics[0]!.message).toContain('leads through a symbolic link to a place outside the workspace, so it was not read');
    expect(reads.filter((p) => p.includes('pipe'))).toEqual([]);
  });

  it('reports a symlink to an unreadable file outside the workspace without reading it', () => {
    const secret = path.join(outside, 'secret.md');
    fs.writeFileSync(secret, 'secret');
    fs.chmodSync(secret, 0o000);
    fs.symlinkSync(secret, path.join(root, 'secret.md'));
    const { diagnostics, reads } = checkOnDisk('[secret.md]');
    expect(rules(diagnostics)).toEqual(['evidence-outside-workspace']);
    expect(reads.filter((p) => p.includes('secret'))).toEqual([]);
  });

  it('reports a file missing under a folder that links outside, and offers no file to create there', () => {
    fs.symlinkSync(outside, path.join(root, 'decisions', 'ext'), 'dir');
    const { diagnostics } = checkOnDisk('[ext/new.md]');
    expect(rules(diagnostics)).toEqual(['evidence-outside-workspace']);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('reports a symlink loop and a dangling symlink as leading nowhere, without a fix', () => {
    fs.symlinkSync('loop-b.md', path.join(root, 'decisions', 'loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(root, 'decisions', 'loop-b.md'));
    fs.symlinkSync(path.join(outside, 'gone.md'), path.join(root, 'decisions', 'dangling.md'));
    const { diagnostics } = checkOnDisk('[loop-a.md, dangling.md]');
    expect(rules(diagnostics)).toEqual(['evidence-not-found', 'evidence-not-found']);
    for (const d of diagnostics) {
      expect(d.message).toContain('is a symbolic link that leads nowhere (broken or looping)');
      expect(d.fixes).toBeUndefined();
    }
  });

  it('reports `..` escapes and absolute paths, even an absolute path into the workspace, without reading them', () => {
    fs.writeFileSync(path.join(outside, 'notes.md'), 'outside');
    fs.writeFileSync(path.join(root, 'inside.md'), 'inside');
    const absoluteInside = path.join(root, 'inside.md');
    const { diagnostics, reads } = checkOnDisk(`[../../outside/notes.md, ${JSON.stringify(path.join(outside, 'notes.md'))}, ${JSON.stringify(absoluteInside)}]`);
    expect(rules(diagnostics)).toEqual(['evidence-outside-workspace', 'evidence-outside-workspace', 'evidence-outside-workspace']);
    expect(reads.filter((p) => p.includes('notes') || p.includes('inside'))).toEqual([]);
  });

  it('reports a missing file, and the created file is found on the next check', () => {
    const first = checkOnDisk('[reports/slo.md]');
    expect(rules(first.diagnostics)).toEqual(['evidence-not-found']);
    const create = first.diagnostics[0]!.fixes![0]!.createFile!;
    fs.mkdirSync(path.join(root, path.dirname(create.path)), { recursive: true });
    fs.writeFileSync(path.join(root, create.path), create.content);
    expect(checkOnDisk('[reports/slo.md]').diagnostics).toEqual([]);
  });

  it('a long-lived reader reuses what it learnt only within one stretch (oneState): a folder swapped for a link outside is seen at the next', () => {
    fs.mkdirSync(path.join(root, 'notes'));
    fs.writeFileSync(path.join(root, 'notes', 'a.md'), 'inside');
    fs.writeFileSync(path.join(outside, 'a.md'), 'outside');
    const disk = new NodeWorkspaceFs(root);
    disk.oneState(() => {
      expect(disk.readText('notes/a.md')).toEqual({ ok: true, text: 'inside' });
      expect(disk.inspect('notes/b.md').exists).toBe(false);
      // Within the stretch the answers stand (nothing this process does changes the disk mid-slice).
      fs.writeFileSync(path.join(root, 'notes', 'b.md'), 'new');
      expect(disk.inspect('notes/b.md').exists).toBe(false);
    });
    expect(disk.inspect('notes/b.md').exists).toBe(true);
    fs.rmSync(path.join(root, 'notes'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'notes'), 'dir');
    disk.oneState(() => {
      expect(disk.readText('notes/a.md')).toMatchObject({ ok: false, reason: 'outside' });
      expect(disk.inspect('notes/a.md')).toMatchObject({ exists: true, realInside: false });
    });
  });
});
