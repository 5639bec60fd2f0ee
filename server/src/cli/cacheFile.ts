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
      fs.writeFileSync(tmp, JSON.stringify({ roots: store.roots }));
      fs.renameSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch (error) {
    io.note(`could not write the cache ${file}: ${(error as Error).message}`);
  }
}
