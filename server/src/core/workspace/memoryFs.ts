import picomatch from 'picomatch';
import { normaliseRelative, type HeadResult, type PathInfo, type ReadResult, type WorkspaceFs } from './workspaceFs';

/** A workspace held in memory (tests, and the language service's in-process tests): files by path, with optional symlink-like escapes. */
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

  /** The first `maxBytes` characters (memory holds characters, not bytes). */
  readHead(path: string, maxBytes: number): HeadResult {
    const read = this.readText(path);
    return read.ok ? { ok: true, text: read.text.slice(0, maxBytes), whole: read.text.length <= maxBytes } : read;
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
