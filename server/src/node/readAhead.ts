// Reading ahead: a thread that reads the start of the files a check or an index is about to read,
// many at a time, and drops the bytes, so that the disk's cache holds them when the reader (one
// synchronous read after another) gets there. On a cold cache one read at a time waits on the
// disk for each file: 30,000 memos took 15 s to read in turn here and 2 s eight at a time.
//
// It changes no result: the readers still read every file themselves, with every check of theirs.
// It reads no more than they would: the files named (which the workspace's own glob found, and
// globbing follows no folder link), regular files only (a link is left to the reader's checks),
// no larger than a reader would read, and only their first bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_FILE_BYTES } from '../core/workspace/workspaceFs';

/** Files read at once: enough to keep a disk's queue full, few enough to cost nothing in memory. */
const IN_FLIGHT = 16;
/** How much of each file is read: its first page (the cache reads ahead beyond it). */
const HEAD_BYTES = 4096;

/** What a read-ahead thread is started with (`workerData`). */
export interface ReadAheadData {
  decisionMemosReadAhead: true;
  root: string;
  /** Workspace-relative paths, in the order they will be read. */
  files: readonly string[];
}

export function isReadAhead(data: unknown): data is ReadAheadData {
  return typeof data === 'object' && data !== null && (data as ReadAheadData).decisionMemosReadAhead === true;
}

/** A running read-ahead; `stop` ends it (safe to call when it has ended). */
export interface ReadAhead {
  stop(): void;
}

/**
 * Starts reading ahead on a thread of its own, which ends by itself when done. Its own thread,
 * because the readers read synchronously: a CLI check never yields, and the server's indexer
 * yields only between slices, so reads chained on the reader's own event loop (stat, open, read,
 * close) advanced a step per slice (measured: index ready on 30,000 memos, cold, 16.2 s without,
 * 15.5 s on the server's thread, 11.0 s on a thread of its own). Nothing it meets
 * is an error: a read-ahead that fails (a file gone, no thread to be had) only leaves the cache
 * as it was.
 */
export function startReadAhead(script: string, root: string, files: readonly string[]): ReadAhead {
  try {
    const data: ReadAheadData = { decisionMemosReadAhead: true, root, files };
    // It holds sixteen buffers and a list of paths: a small heap keeps its memory small.
    const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 48 } });
    // Never what keeps a process alive, and never what fails it.
    worker.unref();
    worker.on('error', () => {});
    return { stop: () => void worker.terminate().catch(() => {}) };
  } catch {
    return { stop: () => {} };
  }
}

/** Reads the files' first bytes, `IN_FLIGHT` at a time, in order, until done or `stopped`. */
export async function runReadAhead(data: ReadAheadData, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const reader = async () => {
    const buffer = Buffer.allocUnsafe(HEAD_BYTES);
    while (next < data.files.length && !stopped()) {
      const rel = data.files[next++]!;
      await new Promise<void>((done) => readStart(path.join(data.root, rel), buffer, done));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, reader));
}

/**
 * Reads the first page of a regular file. Callbacks rather than `fs.promises`: on a warm cache the
 * promise machinery was most of this thread's time. One page is enough: the disk's cache reads a
 * few pages ahead of a first read, which is all of a typical memo.
 */
function readStart(abs: string, buffer: Buffer, done: () => void): void {
  fs.lstat(abs, (error, stat) => {
    if (error || !stat.isFile() || stat.size > MAX_FILE_BYTES || stat.size === 0) return done();
    // Not through a link, and never waiting on a file swapped for a pipe since the lstat.
    fs.open(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK, (openError, fd) => {
      if (openError) return done();
      fs.read(fd, buffer, 0, Math.min(buffer.length, stat.size), 0, () => fs.close(fd, () => done()));
    });
  });
}
