import * as posix from 'pathe';

// The workspace's files, behind an interface so the core never touches `fs` directly:
// the CLI and the server use the disk, tests use memory. Every path crossing this interface
// is workspace-relative with `/` separators.

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'directory' | 'binary' | 'too-large' | 'outside' | 'unreadable'; detail?: string };

/** The start of a file: `whole` when it is the whole file. */
export type HeadResult = { ok: true; text: string; whole: boolean } | Extract<ReadResult, { ok: false }>;

export interface PathInfo {
  /** The lexical path stays inside the workspace (no `..` escape, not absolute elsewhere). */
  lexicallyInside: boolean;
  exists: boolean;
  /** Following symlinks, the file still lies inside the workspace. */
  realInside: boolean;
  isDirectory: boolean;
}

export interface WorkspaceFs {
  /** Absolute path of the workspace root (for messages and JSON output only). */
  readonly root: string;
  /** Reads a text file. Never reads outside the workspace, never throws. */
  readText(path: string): ReadResult;
  /**
   * Reads at most about `maxBytes` from the start of a text file (the same checks and failures as
   * `readText`): what a front-matter index needs of a large memo. Without it, `readText` serves.
   */
  readHead?(path: string, maxBytes: number): HeadResult;
  /** Checks a path without reading it. */
  inspect(path: string): PathInfo;
  /** Workspace files matching any of the globs, sorted. Does not follow directory symlinks. */
  glob(patterns: readonly string[]): string[];
  /**
   * A cheap fingerprint of a file as it is now (its size and modification time), for a result
   * cache that may then skip reading it; undefined when there is none to trust (a link, anything
   * but a regular file inside the workspace, or a file system that keeps no such record).
   */
  stamp?(path: string): string | undefined;
  /**
   * Runs `run` (synchronous, short: a slice of a pass) reading the disk as in one state: inside
   * it, what was learnt of a folder or a path (its real path, `inspect`) may be reused. Outside a
   * one-run reader (the CLI) nothing is reused across calls, since the disk changes under a
   * long-lived reader.
   */
  oneState?<T>(run: () => T): T;
  /**
   * A hint: these files are about to be read, in this order. A disk-backed reader may fetch them
   * meanwhile (node/readAhead.ts); what any read returns is the same either way.
   */
  readSoon?(paths: readonly string[]): void;
}

/** The start of a file through `WorkspaceFs.readHead`, or the whole text when the file system reads only whole files. */
export function readHead(fs: WorkspaceFs, path: string, maxBytes: number): HeadResult {
  if (fs.readHead) return fs.readHead(path, maxBytes);
  const read = fs.readText(path);
  return read.ok ? { ok: true, text: read.text, whole: true } : read;
}

/** Runs `run` in one state of the file system when it knows how (`WorkspaceFs.oneState`), else plainly. */
export function inOneState<T>(fs: WorkspaceFs, run: () => T): T {
  return fs.oneState ? fs.oneState(run) : run();
}

/** Largest file the checker reads; larger memos are reported, not parsed. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Normalises a user-written relative path to workspace form, or undefined if it escapes the root. */
export function normaliseRelative(path: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return undefined;
  const n = posix.normalize(p);
  if (n === '..' || n.startsWith('../')) return undefined;
  return n === '.' ? '' : n.replace(/\/$/, '');
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
