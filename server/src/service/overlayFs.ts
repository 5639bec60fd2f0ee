import { inOneState, looksBinary, MAX_FILE_BYTES, normaliseRelative, readHead, type HeadResult, type PathInfo, type ReadResult, type WorkspaceFs } from '../core/workspace/workspaceFs';

/**
 * The disk as the core sees it, except that a file open in the editor reads as its unsaved
 * text: what the writer sees is what gets checked (config, people and tenet files included).
 */
export class OverlayWorkspaceFs implements WorkspaceFs {
  constructor(
    private readonly disk: WorkspaceFs,
    /** The open document's text for a workspace-relative path, or undefined. */
    private readonly openText: (relativePath: string) => string | undefined,
  ) {}

  get root(): string {
    return this.disk.root;
  }

  readText(path: string): ReadResult {
    const rel = normaliseRelative(path);
    const text = rel === undefined ? undefined : this.openText(rel);
    return text === undefined ? this.disk.readText(path) : checkOpenText(text);
  }

  readHead(path: string, maxBytes: number): HeadResult {
    const rel = normaliseRelative(path);
    if (rel !== undefined && this.openText(rel) !== undefined) {
      const read = this.readText(path);
      return read.ok ? { ...read, whole: true } : read;
    }
    return readHead(this.disk, path, maxBytes);
  }

  inspect(path: string): PathInfo {
    return this.disk.inspect(path);
  }

  glob(patterns: readonly string[]): string[] {
    return this.disk.glob(patterns);
  }

  readSoon(paths: readonly string[]): void {
    this.disk.readSoon?.(paths);
  }

  oneState<T>(run: () => T): T {
    return inOneState(this.disk, run);
  }
}

/** The same limits the disk reader applies, for text that comes from the editor. */
function checkOpenText(text: string): ReadResult {
  // UTF-16 length is a lower bound on the UTF-8 size; close enough for a safety limit.
  if (text.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', detail: `${text.length} characters` };
  const head = text.slice(0, 8000);
  if (head.includes('\0') || looksBinary(new TextEncoder().encode(head))) return { ok: false, reason: 'binary' };
  return { ok: true, text };
}
