import picomatch from 'picomatch';
import * as posix from 'node:path/posix';

// The workspace's files, behind an interface so the core never touches `fs` directly:
// the CLI and the server use the disk, tests use memory. Every path crossing this interface
// is workspace-relative with `/` separators.

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'directory' | 'binary' | 'too-large' | 'outside' | 'unreadable'; detail?: string };

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
  /** Checks a path without reading it. */
  inspect(path: string): PathInfo;
  /** Workspace files matching any of the globs, sorted. Does not follow directory symlinks. */
  glob(patterns: readonly string[]): string[];
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

/** An in-memory workspace for tests: files by path, with optional symlink-like escapes. */
export class InMemoryWorkspaceFs implements WorkspaceFs {
  readonly files = new Map<string, string>();
  /** Paths that exist but resolve outside the workspace (a symlink pointing away). */
  readonly escapingLinks = new Set<string>();

  constructor(
    files: Record<string, string> = {},
    readonly root = '/workspace',
  ) {
    for (const [k, v] of Object.entries(files)) this.files.set(k, v);
  }

  readText(path: string): ReadResult {
    const p = normaliseRelative(path);
    if (p === undefined || this.escapingLinks.has(p)) return { ok: false, reason: 'outside' };
    const text = this.files.get(p);
    if (text !== undefined) return text.includes('\0') ? { ok: false, reason: 'binary' } : { ok: true, text };
    return this.isDir(p) ? { ok: false, reason: 'directory' } : { ok: false, reason: 'missing' };
  }

  inspect(path: string): PathInfo {
    const p = normaliseRelative(path);
    if (p === undefined) return { lexicallyInside: false, exists: false, realInside: false, isDirectory: false };
    if (this.escapingLinks.has(p)) return { lexicallyInside: true, exists: true, realInside: false, isDirectory: false };
    const isDirectory = this.isDir(p);
    return { lexicallyInside: true, exists: this.files.has(p) || isDirectory, realInside: true, isDirectory };
  }

  glob(patterns: readonly string[]): string[] {
    const match = picomatch([...patterns], { dot: false });
    return [...this.files.keys()].filter((f) => match(f)).sort();
  }

  private isDir(p: string): boolean {
    const prefix = p === '' ? '' : p + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }
}

/**
 * Remembers `inspect` answers for one run over a file system that does not change meanwhile
 * (a CLI check): memos citing the same evidence, and the resolver's walks up a path's folders,
 * then cost one `stat` each instead of one per question. Reads are passed through.
 */
export class InspectMemo implements WorkspaceFs {
  private readonly answers = new Map<string, PathInfo>();

  constructor(private readonly inner: WorkspaceFs) {}

  get root(): string {
    return this.inner.root;
  }

  readText(path: string): ReadResult {
    return this.inner.readText(path);
  }

  inspect(path: string): PathInfo {
    let info = this.answers.get(path);
    if (!info) this.answers.set(path, (info = this.inner.inspect(path)));
    return info;
  }

  glob(patterns: readonly string[]): string[] {
    return this.inner.glob(patterns);
  }
}
