import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { frontMatterMemo } from '../../server/src/core/workspace/frontMatterSummary';
import { summarise } from '../../server/src/core/workspace/memoIndex';
import { NodeWorkspaceFs } from '../../server/src/node/nodeWorkspaceFs';

// The start of a file, for the editor's front-matter pass: read from disk with the same checks
// as a whole read, and turned into a memo only when its front matter closes on a whole line.

const MEMO = '---\nid: "0007"\ntitle: Café menus\nstatus: proposed\nowners: [alice]\ntenets: [ENG-LATENCY]\n---\n# Café menus\n\n' + 'Prose about the menus, with an é now and then. '.repeat(400);

describe('frontMatterMemo of the start of a file', () => {
  it('gives what the full parse gives of the front matter, for a head cut anywhere after the fence', () => {
    const full = summarise(parseMemo('m.md', MEMO));
    for (const cut of [MEMO.indexOf('\n# Café') + 1, 200, 4000]) {
      const head = summarise(frontMatterMemo('m.md', MEMO.slice(0, cut), false)!);
      expect({ id: head.id, idRange: head.idRange, title: head.title, status: head.status, owners: head.owners, cited: head.cited }).toEqual({ id: full.id, idRange: full.idRange, title: full.title, status: full.status, owners: full.owners, cited: full.cited });
    }
  });

  it('does not take a fence cut short, or one beyond the head, for the end of the front matter', () => {
    const text = '---\nid: "1"\nstatus: proposed\n---x: not a fence\n---\nbody\n';
    // Cut inside `---x`: the partial line is dropped, so the front matter is not closed yet.
    expect(frontMatterMemo('m.md', text.slice(0, text.indexOf('---x') + 3), false)).toBeUndefined();
    expect(frontMatterMemo('m.md', text.slice(0, text.indexOf('body')), false)?.id.value).toBe('1');
    expect(frontMatterMemo('m.md', '---\nid: "1"\nstatus: proposed\n', false)).toBeUndefined();
  });

  it('reads CRLF and a BOM as the full parse does', () => {
    const crlf = '\ufeff' + MEMO.replace(/\n/g, '\r\n');
    const head = summarise(frontMatterMemo('m.md', crlf.slice(0, 500), false)!);
    const full = summarise(parseMemo('m.md', crlf));
    expect(head.idRange).toEqual(full.idRange);
    expect(head.title).toBe(full.title);
  });
});

describe.skipIf(process.platform === 'win32')('NodeWorkspaceFs.readHead', () => {
  let base: string;
  let root: string;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-head-'));
    root = path.join(base, 'workspace');
    fs.mkdirSync(root);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('reads the start of a large file and the whole of a small one', () => {
    fs.writeFileSync(path.join(root, 'big.md'), MEMO);
    fs.writeFileSync(path.join(root, 'small.md'), 'short\n');
    const disk = new NodeWorkspaceFs(root);
    const big = disk.readHead('big.md', 1024);
    expect(big).toMatchObject({ ok: true, whole: false });
    expect(big.ok && Buffer.byteLength(big.text.replace(/\ufffd$/, ''))).toBeLessThanOrEqual(1024);
    expect(big.ok && MEMO.startsWith(big.text.replace(/\ufffd$/, ''))).toBe(true);
    expect(disk.readHead('small.md', 1024)).toEqual({ ok: true, text: 'short\n', whole: true });
  });

  it('fails as a whole read does: outside the workspace, binary, missing', () => {
    fs.writeFileSync(path.join(base, 'secret.md'), MEMO);
    fs.symlinkSync(path.join(base, 'secret.md'), path.join(root, 'link.md'));
    fs.writeFileSync(path.join(root, 'junk.md'), Buffer.concat([Buffer.from('---\n'), Buffer.alloc(5000, 0)]));
    const disk = new NodeWorkspaceFs(root);
    expect(disk.readHead('link.md', 100)).toMatchObject({ ok: false, reason: 'outside' });
    expect(disk.readHead('junk.md', 100)).toMatchObject({ ok: false, reason: 'binary' });
    expect(disk.readHead('gone.md', 100)).toMatchObject({ ok: false, reason: 'missing' });
  });
});
