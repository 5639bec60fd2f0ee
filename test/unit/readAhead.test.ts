import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runReadAhead, startReadAhead } from '../../server/src/node/readAhead';

// Reading ahead must read nothing a reader would not: regular files named, not through a link,
// never a pipe (which would block), and never fail on what it meets.

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

/** Records the paths `fs.open` is asked for (the module reads through the builtin's own exports). */
function recordOpens(root: string): string[] {
  const opened: string[] = [];
  const open = nodeFs.open;
  vi.spyOn(nodeFs, 'open').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
    opened.push(path.relative(root, String(file)));
    return (open as (...a: unknown[]) => void)(file, ...rest);
  }) as typeof nodeFs.open);
  syncBuiltinESMExports();
  return opened;
}

function workspace(): { root: string; outside: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-readahead-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-readahead-outside-'));
  fs.mkdirSync(path.join(root, 'decisions'));
  fs.writeFileSync(path.join(root, 'decisions', '0001-a.md'), '---\nid: "0001"\n---\n# A\n');
  fs.writeFileSync(path.join(root, 'decisions', '0002-b.md'), '# B\n');
  fs.writeFileSync(path.join(outside, 'secret.md'), 'not ours\n');
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'decisions', '0003-link.md'));
  execFileSync('mkfifo', [path.join(root, 'decisions', '0004-pipe.md')]);
  fs.mkdirSync(path.join(root, 'decisions', '0005-folder.md'));
  return { root, outside };
}

describe('read-ahead', () => {
  it('opens the regular files named, in order, and nothing else', async () => {
    const { root } = workspace();
    const opened = recordOpens(root);
    const files = ['decisions/0001-a.md', 'decisions/0003-link.md', 'decisions/0004-pipe.md', 'decisions/0005-folder.md', 'decisions/0002-b.md', 'decisions/9999-gone.md'];
    await runReadAhead({ decisionMemosReadAhead: true, root, files });
    expect(opened.sort()).toEqual(['decisions/0001-a.md', 'decisions/0002-b.md']);
  });

  it('stops when told to: nothing more is opened', async () => {
    const { root } = workspace();
    const files = Array.from({ length: 200 }, (_, k) => `decisions/${String(k).padStart(4, '0')}-x.md`);
    for (const f of files) fs.writeFileSync(path.join(root, f), '# X\n');
    const opened = recordOpens(root);
    let stop = false;
    await runReadAhead({ decisionMemosReadAhead: true, root, files }, () => stop || (stop = opened.length >= 20));
    // Each of the sixteen readers finishes the file it is on.
    expect(opened.length).toBeGreaterThanOrEqual(20);
    expect(opened.length).toBeLessThan(20 + 16);
  });

  it('starting one with a script that cannot run fails nothing', () => {
    const ahead = startReadAhead(path.join(os.tmpdir(), 'no-such-script.js'), os.tmpdir(), ['a.md']);
    expect(() => ahead.stop()).not.toThrow();
    expect(() => ahead.stop()).not.toThrow();
  });
});
