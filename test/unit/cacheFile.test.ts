import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile, type CacheFile } from '../../server/src/cli/cacheFile';
import type { CacheData } from '../../server/src/node/checkCache';

// The cache file keeps entries' texts on disk: what a run sets aside, and what it keeps of the
// file it read, must read back byte for byte from the file it writes, and a file that is not a
// whole cache must read as an empty one.

const notes: string[] = [];
const io = { note: (line: string) => notes.push(line), out: (_: string) => {} } as never;

function tmpFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dm-cachefile-')), 'cache.json');
}

/** Every root's entries with their texts read back, as plain data to compare. */
function contents(store: CacheFile): unknown {
  const out: Record<string, unknown> = {};
  for (const [root, data] of store.roots) {
    out[root] = {
      settingsKey: data.settingsKey,
      entries: [...data.entries].map(([file, e]) => [file, e.hash, e.stamp, e.indexKey, store.read(e.summary), store.read(e.results)]),
      indexed: [...data.indexed].map(([file, e]) => [file, e.stamp, store.read(e.summary)]),
    };
  }
  return out;
}

/** A root of `count` entries set aside in `store`, with text that needs escaping and spans that cross the file's read chunks. */
function rootOf(store: CacheFile, count: number, tag: string): CacheData {
  const data: CacheData = { settingsKey: `settings-${tag}`, entries: new Map(), indexed: new Map() };
  for (let i = 0; i < count; i++) {
    const summary = JSON.stringify({ file: `f${i}`, id: `${tag}${i}`, title: `a "b"\n✓ ${'x'.repeat(i % 7 === 0 ? 5000 : 40)}` });
    data.entries.set(`decisions/${i}-"quoted"\\ ünï.md`, {
      hash: `h${tag}${i}`,
      ...(i % 3 === 0 ? {} : { stamp: `${i}:1` }),
      indexKey: 'k',
      summary: store.setAside(summary),
      results: store.setAside(`[[],[{"rule":"r${i}","message":"→ ${tag}"}]]`),
    });
  }
  data.indexed.set('only-indexed.md', { stamp: '1', summary: store.setAside('{"file":"only-indexed.md"}') });
  return data;
}

describe('cache file', () => {
  it('reads back every entry it wrote, texts included, and leaves no other file', () => {
    const file = tmpFile();
    const store = readCacheFile(file);
    expect(store.dirty).toBe(true);
    store.roots.set('/ws/a', rootOf(store, 3000, 'a'));
    store.roots.set('/ws/b', { settingsKey: 't', entries: new Map(), indexed: new Map() });
    const written = contents(store);
    writeCacheFile(store, io);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cache.json']);
    const again = readCacheFile(file);
    expect(again.dirty).toBe(false);
    expect(contents(again)).toEqual(written);
    again.close();
  });

  it('composes a file from entries it read and entries it set aside', () => {
    const file = tmpFile();
    const first = readCacheFile(file);
    first.roots.set('/ws/a', rootOf(first, 500, 'a'));
    writeCacheFile(first, io);
    const second = readCacheFile(file);
    const kept = second.roots.get('/ws/a')!;
    // Half the old entries kept as read, one replaced, one new root set aside.
    const entries = new Map([...kept.entries].filter((_, i) => i % 2 === 0));
    const [firstFile, firstEntry] = [...entries][0]!;
    entries.set(firstFile, { ...firstEntry, summary: second.setAside('{"file":"changed"}') });
    second.roots.set('/ws/a', { ...kept, entries });
    second.roots.set('/ws/c', rootOf(second, 20, 'c'));
    second.dirty = true;
    const expected = contents(second);
    writeCacheFile(second, io);
    const third = readCacheFile(file);
    expect(contents(third)).toEqual(expected);
    third.close();
  });

  it('reads a file that is not a whole cache as an empty one', () => {
    const file = tmpFile();
    const store = readCacheFile(file);
    store.roots.set('/ws', rootOf(store, 50, 'w'));
    writeCacheFile(store, io);
    const whole = fs.readFileSync(file);
    const damaged = [
      '{"roots": {"/ws": ',
      // The format before this one: one JSON value on one long line.
      JSON.stringify({ roots: { '/ws': { format: 7, entries: {} } } }) + 'x'.repeat(200000),
      whole.subarray(0, whole.length - 1).toString('utf8'),
      whole.subarray(0, Math.floor(whole.length / 2)).toString('utf8'),
      whole.toString('utf8').replace('"entries":50', '"entries":51'),
      whole.toString('utf8').replace('"entries":50', '"entries":-1'),
      whole.toString('utf8') + '{"root":"/x"}\n',
      '',
      '\u0000\u0001binary\n\n\n',
    ];
    for (const text of damaged) {
      fs.writeFileSync(file, text);
      const read = readCacheFile(file);
      expect(read.roots.size).toBe(0);
      expect(read.dirty).toBe(true);
      read.close();
    }
  });

  it('reads a damaged body line as text that does not parse, leaving the other entries whole', () => {
    const file = tmpFile();
    const store = readCacheFile(file);
    store.roots.set('/ws', rootOf(store, 3, 'w'));
    writeCacheFile(store, io);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Line 3 is the first entry's head, 4 its summary.
    lines[3] = '{"file": ';
    fs.writeFileSync(file, lines.join('\n'));
    const read = readCacheFile(file);
    const entries = [...read.roots.get('/ws')!.entries.values()];
    expect(read.read(entries[0]!.summary)).toBe('{"file": ');
    expect(JSON.parse(read.read(entries[1]!.summary)!)).toMatchObject({ id: 'w1' });
    read.close();
  });

  it('holds what it sets aside in memory when nothing can be written beside the cache, and says so at the end', () => {
    // A folder that does not exist: neither the file set aside nor the cache can be written (the
    // same as a read-only folder, which the tests' user may be allowed to write anyway).
    const file = path.join(path.dirname(tmpFile()), 'missing', 'cache.json');
    const store = readCacheFile(file);
    store.roots.set('/ws', rootOf(store, 400, 'w'));
    const entries = [...store.roots.get('/ws')!.entries.values()];
    expect(JSON.parse(store.read(entries[399]!.summary)!)).toMatchObject({ id: 'w399' });
    expect(JSON.parse(store.read(entries[0]!.results)!)).toEqual([[], [{ rule: 'r0', message: '→ w' }]]);
    notes.length = 0;
    writeCacheFile(store, io);
    expect(notes).toEqual([expect.stringContaining(`could not write the cache ${file}`)]);
  });
});
