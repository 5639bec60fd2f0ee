import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile, type CacheStore } from '../../server/src/cli/cacheFile';

// The cache file is written a member at a time: what is written must be exactly JSON.stringify's text.

const io = { note: (_: string) => {}, out: (_: string) => {} } as never;

function tmpFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dm-cachefile-')), 'cache.json');
}

describe('cache file', () => {
  it("writes the same bytes JSON.stringify would, entries included, and reads them back", () => {
    const entries: Record<string, unknown> = {};
    // Enough entries to cross the write chunk several times, with text that needs escaping.
    for (let i = 0; i < 3000; i++) {
      entries[`decisions/${i}-"quoted"\\ ünï.md`] = { hash: `h${i}`, stamp: `${i}:1`, summary: JSON.stringify({ file: `f${i}`, id: `${i}`, title: 'a "b"\n✓' }), indexKey: 'k', evidence: '[]', diagnostics: '[]' };
    }
    const store: CacheStore = {
      roots: {
        '/ws/a': { format: 7, settingsKey: 's', entries: entries as never, indexed: { 'x.md': { stamp: '1', summary: '{}' } } as never },
        '/ws/b': { format: 7, settingsKey: 't', entries: {}, indexed: undefined } as never,
      },
      dirty: true,
    };
    const file = tmpFile();
    writeCacheFile(file, store, io);
    expect(fs.readFileSync(file, 'utf8')).toBe(JSON.stringify({ roots: store.roots }));
    expect(readCacheFile(file)).toEqual({ roots: JSON.parse(JSON.stringify(store.roots)), dirty: false });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cache.json']);
  });

  it('starts afresh from a damaged file', () => {
    const file = tmpFile();
    fs.writeFileSync(file, '{"roots": {"/ws": ');
    expect(readCacheFile(file)).toEqual({ roots: {}, dirty: true });
  });
});
