import * as fs from 'node:fs';
import type { CacheBytes, CacheData, CacheEntry, Span } from '../node/checkCache';
import type { CommandIo } from './checkCommand';

// The file behind `check --cache`: JSON lines, one entry set per workspace root. At the start of a
// run only the small lines are parsed (which memo, its hash and stamp); an entry's summary and
// results stay in the file, read when a run asks for them. What the run records is written to a
// file set aside beside the cache as it is found, and at the end the new cache is composed from
// the two, so a run holds no entry's text however many memos it checks.
//
//   {"decision-memos-cache":8}
//   {"root":"/abs/root","settingsKey":"…","entries":N,"indexed":M}
//   then N times:  ["decisions/a.md","<hash>","<stamp>" or null,"<index key>"]
//                  <the summary, JSON>
//                  [<evidence>,<diagnostics>]
//   then M times:  ["decisions/b.md","<stamp>"]
//                  <the summary, JSON>
//
// JSON never holds a raw line break, so each value is one line.

export const DEFAULT_CACHE_FILE = '.decision-memos-cache.json';

const FILE_FORMAT = 8;
const HEADER = JSON.stringify({ 'decision-memos-cache': FILE_FORMAT });
/** A line the reader parses (a header) is never longer: anything longer is not this format. */
const MAX_HEADER_BYTES = 1 << 16;
/** Read and written in pieces of about this many bytes. */
const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** The cache file of a run: one entry set per workspace root, and the bytes behind them. */
export interface CacheStore extends CacheBytes {
  roots: Map<string, CacheData>;
  /** Something changed since the file was read: write it back. */
  dirty: boolean;
}

/** Opens the cache file: missing, damaged or of another format, it is an empty cache to fill. */
export function readCacheFile(file: string): CacheFile {
  return new CacheFile(file);
}

export class CacheFile implements CacheStore {
  roots = new Map<string, CacheData>();
  dirty = true;
  private readFd: number | undefined;
  private asideFd: number | undefined;
  private readonly asideFile: string;
  private asideLength = 0;
  private readonly pending: Buffer[] = [];
  private pendingLength = 0;
  /** Set-aside texts by offset, when the file beside the cache cannot be written (a read-only folder): held in memory instead. */
  private held: Map<number, Buffer> | undefined;

  constructor(private readonly file: string) {
    this.asideFile = `${file}.${process.pid}.aside`;
    try {
      this.readFd = fs.openSync(file, 'r');
      const roots = scanCacheFile(this.readFd);
      if (roots) {
        this.roots = roots;
        this.dirty = false;
      } else {
        this.closeRead();
      }
    } catch {
      // Missing or unreadable: start afresh; the cache only ever saves time.
      this.closeRead();
    }
  }

  read(span: Span): string | undefined {
    if (span.source === 'aside') {
      this.flushAside();
      const held = this.held?.get(span.offset);
      if (held) return held.toString('utf8');
    }
    const fd = span.source === 'read' ? this.readFd : this.asideFd;
    if (fd === undefined) return undefined;
    try {
      const buffer = Buffer.allocUnsafe(span.length);
      let done = 0;
      while (done < span.length) {
        const n = fs.readSync(fd, buffer, done, span.length - done, span.offset + done);
        if (n === 0) return undefined;
        done += n;
      }
      return buffer.toString('utf8');
    } catch {
      return undefined;
    }
  }

  setAside(text: string): Span {
    const bytes = Buffer.from(text, 'utf8');
    const span: Span = { source: 'aside', offset: this.asideLength, length: bytes.length };
    this.asideLength += bytes.length;
    this.pending.push(bytes);
    this.pendingLength += bytes.length;
    if (this.pendingLength >= CHUNK) this.flushAside();
    return span;
  }

  /**
   * Writes the cache: composed into a temporary file and renamed, so an interrupted run never
   * leaves half a cache. A cache that cannot be written is a note, not a failure.
   */
  write(io: CommandIo): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      try {
        this.flushAside();
        const fd = fs.openSync(tmp, 'w');
        try {
          this.compose(fd);
        } finally {
          fs.closeSync(fd);
        }
        // Closed first: a file still open cannot be replaced everywhere.
        this.close();
        fs.renameSync(tmp, this.file);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    } catch (error) {
      io.note(`could not write the cache ${this.file}: ${(error as Error).message}`);
    }
  }

  /** Lets go of both files (the one set aside is removed); spans no longer read. */
  close(): void {
    this.closeRead();
    if (this.asideFd !== undefined) {
      fs.closeSync(this.asideFd);
      this.asideFd = undefined;
    }
    this.pending.length = 0;
    this.pendingLength = 0;
    this.held = undefined;
    fs.rmSync(this.asideFile, { force: true });
  }

  private compose(fd: number): void {
    const out = new ChunkedWriter(fd);
    const copy = (span: Span) => {
      const text = this.read(span);
      // A span that no longer reads whole (the file was cut short under the run) would corrupt
      // the lines after it: an empty value reads back as a damaged entry, which is checked again.
      out.put(text ?? 'null');
      out.put('\n');
    };
    out.put(`${HEADER}\n`);
    for (const [root, data] of this.roots) {
      out.put(`${JSON.stringify({ root, settingsKey: data.settingsKey, entries: data.entries.size, indexed: data.indexed.size })}\n`);
      for (const [file, e] of data.entries) {
        out.put(`${JSON.stringify([file, e.hash, e.stamp ?? null, e.indexKey])}\n`);
        copy(e.summary);
        copy(e.results);
      }
      for (const [file, e] of data.indexed) {
        out.put(`${JSON.stringify([file, e.stamp])}\n`);
        copy(e.summary);
      }
    }
    out.flush();
  }

  private flushAside(): void {
    if (this.pendingLength === 0) return;
    const at = this.asideLength - this.pendingLength;
    if (!this.held) {
      try {
        this.asideFd ??= fs.openSync(this.asideFile, 'w+');
        fs.writevSync(this.asideFd, this.pending, at);
        this.pending.length = 0;
        this.pendingLength = 0;
        return;
      } catch {
        // The check goes on: what it records is held in memory, and writing the cache at the end
        // says why it could not.
        this.held = new Map();
      }
    }
    let offset = at;
    for (const piece of this.pending) {
      this.held.set(offset, piece);
      offset += piece.length;
    }
    this.pending.length = 0;
    this.pendingLength = 0;
  }

  private closeRead(): void {
    if (this.readFd !== undefined) fs.closeSync(this.readFd);
    this.readFd = undefined;
  }
}

/** Buffers small writes into pieces of about `CHUNK` bytes. */
class ChunkedWriter {
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly fd: number) {}

  put(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.parts.length > 0) fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
}

/** What the next line of the file is. */
type Expect =
  | { kind: 'file' }
  | { kind: 'root' }
  | { kind: 'entry'; left: number; indexedLeft: number }
  | { kind: 'entrySummary'; left: number; indexedLeft: number; file: string; head: Omit<CacheEntry, 'summary' | 'results'> }
  | { kind: 'entryResults'; left: number; indexedLeft: number; file: string; head: Omit<CacheEntry, 'summary' | 'results'>; summary: Span }
  | { kind: 'indexed'; left: number }
  | { kind: 'indexedSummary'; left: number; file: string; stamp: string };

/**
 * Reads the file's small lines and notes where the others lie. Undefined when it is not a whole
 * cache file of this format (another format, a damaged or cut-short file): then it is filled afresh.
 */
function scanCacheFile(fd: number): Map<string, CacheData> | undefined {
  const roots = new Map<string, CacheData>();
  let current: CacheData | undefined;
  let expect: Expect = { kind: 'file' };
  const wantsText = () => expect.kind === 'file' || expect.kind === 'root' || expect.kind === 'entry' || expect.kind === 'indexed';
  /** Takes one line: its text when it is a header, else where it lies. False when the file is not a cache. */
  const line = (text: string | undefined, span: Span): boolean => {
    switch (expect.kind) {
      case 'file':
        if (text !== HEADER) return false;
        expect = { kind: 'root' };
        return true;
      case 'root': {
        const head = parsedLine(text);
        if (!isRecord(head) || typeof head.root !== 'string' || typeof head.settingsKey !== 'string' || !isCount(head.entries) || !isCount(head.indexed)) return false;
        current = { settingsKey: head.settingsKey, entries: new Map(), indexed: new Map() };
        roots.set(head.root, current);
        expect = nextAfterRoot(head.entries, head.indexed);
        return true;
      }
      case 'entry': {
        const head = parsedLine(text);
        if (!Array.isArray(head) || head.length !== 4) return false;
        const [file, hash, stamp, indexKey] = head as unknown[];
        if (typeof file !== 'string' || typeof hash !== 'string' || (stamp !== null && typeof stamp !== 'string') || typeof indexKey !== 'string') return false;
        expect = { kind: 'entrySummary', left: expect.left, indexedLeft: expect.indexedLeft, file, head: { hash, indexKey, ...(stamp !== null ? { stamp } : {}) } };
        return true;
      }
      case 'entrySummary':
        expect = { ...expect, kind: 'entryResults', summary: span };
        return true;
      case 'entryResults':
        current!.entries.set(expect.file, { ...expect.head, summary: expect.summary, results: span });
        expect = expect.left > 1 ? { kind: 'entry', left: expect.left - 1, indexedLeft: expect.indexedLeft } : nextAfterRoot(0, expect.indexedLeft);
        return true;
      case 'indexed': {
        const head = parsedLine(text);
        if (!Array.isArray(head) || head.length !== 2 || typeof head[0] !== 'string' || typeof head[1] !== 'string') return false;
        expect = { kind: 'indexedSummary', left: expect.left, file: head[0], stamp: head[1] };
        return true;
      }
      case 'indexedSummary':
        current!.indexed.set(expect.file, { stamp: expect.stamp, summary: span });
        expect = expect.left > 1 ? { kind: 'indexed', left: expect.left - 1 } : { kind: 'root' };
        return true;
    }
  };
  const buffer = Buffer.allocUnsafe(CHUNK);
  /** The current line's bytes so far, when it is a header (a body line's bytes are not kept). */
  let headBytes: Buffer[] = [];
  let headLength = 0;
  let lineStart = 0;
  let position = 0;
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, CHUNK, position);
    if (n === 0) break;
    let from = 0;
    for (;;) {
      const end = buffer.indexOf(NEWLINE, from);
      const stop = end === -1 || end >= n ? n : end;
      if (wantsText()) {
        headLength += stop - from;
        if (headLength > MAX_HEADER_BYTES) return undefined;
        headBytes.push(Buffer.from(buffer.subarray(from, stop)));
      }
      if (stop === n) break;
      const absoluteEnd = position + stop;
      const text = wantsText() ? Buffer.concat(headBytes).toString('utf8') : undefined;
      if (!line(text, { source: 'read', offset: lineStart, length: absoluteEnd - lineStart })) return undefined;
      headBytes = [];
      headLength = 0;
      lineStart = absoluteEnd + 1;
      from = stop + 1;
    }
    position += n;
  }
  // Every line ends with a line break, so a whole file ends where a root's entries end.
  // (`line` moves `expect` on, which the compiler cannot follow into the closure.)
  return (expect as Expect).kind === 'root' && lineStart === position ? roots : undefined;
}

function nextAfterRoot(entries: number, indexed: number): Expect {
  if (entries > 0) return { kind: 'entry', left: entries, indexedLeft: indexed };
  if (indexed > 0) return { kind: 'indexed', left: indexed };
  return { kind: 'root' };
}

function parsedLine(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Writes the cache back when something changed, and lets go of its files either way. */
export function writeCacheFile(store: CacheFile, io: CommandIo): void {
  if (store.dirty) store.write(io);
  store.close();
}
