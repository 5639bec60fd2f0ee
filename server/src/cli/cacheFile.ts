import * as fs from 'node:fs';
import type { CacheData } from '../node/checkCache';
import type { CommandIo } from './checkCommand';

// The file behind `check --cache`: one entry set per workspace root, read at the start of a run
// and written back at its end when something changed.

export const DEFAULT_CACHE_FILE = '.decision-memos-cache.json';

/** The cache file: one entry set per workspace root. */
export interface CacheStore {
  roots: Record<string, CacheData>;
  /** Something changed since the file was read: write it back. */
  dirty: boolean;
}

export function readCacheFile(file: string): CacheStore {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheStore>;
    if (data && typeof data.roots === 'object' && data.roots !== null) return { roots: data.roots, dirty: false };
  } catch {
    // Missing or damaged: start afresh; the cache only ever saves time.
  }
  return { roots: {}, dirty: true };
}

/** Written to a temporary file and renamed, so an interrupted run never leaves half a cache. */
export function writeCacheFile(file: string, store: CacheStore, io: CommandIo): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'w');
      try {
        writeJsonStreamed(fd, { roots: store.roots });
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch (error) {
    io.note(`could not write the cache ${file}: ${(error as Error).message}`);
  }
}

/** Flushed to the file at about this many characters. */
const WRITE_CHUNK = 1 << 16;

/**
 * Writes `JSON.stringify(value)` a member at a time: the cache of 50,000 memos is tens of
 * megabytes, which one string (and its UTF-8 copy) would hold twice at the end of the run. The
 * entries objects (a root's `entries` and `indexed`: one member per memo) are written member by
 * member; every other value is small and written whole.
 */
function writeJsonStreamed(fd: number, value: { roots: CacheStore['roots'] }): void {
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= WRITE_CHUNK) flush();
  };
  const flush = () => {
    fs.writeSync(fd, pending);
    pending = '';
  };
  const members = (object: object, each: (value: unknown) => void) => {
    put('{');
    let first = true;
    for (const [key, member] of Object.entries(object)) {
      if (member === undefined) continue;
      put(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      each(member);
    }
    put('}');
  };
  const whole = (member: unknown) => put(JSON.stringify(member));
  members(value, (roots) =>
    members(roots as object, (data) =>
      members(data as object, (member) => (member !== null && typeof member === 'object' && !Array.isArray(member) ? members(member, whole) : whole(member))),
    ),
  );
  flush();
}
