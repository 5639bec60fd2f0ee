import type { PathInfo, ReadResult, WorkspaceFs } from '../core/workspace/workspaceFs';

/**
 * A workspace's files with some replaced by new text in memory: what `fix` checks between its
 * passes, before writing anything (and instead of writing, with `--dry-run`). Fixes never create
 * or delete files, so existence questions go to the disk.
 */
export class OverlayFs implements WorkspaceFs {
  /** Workspace path → the text it has after the fixes so far. */
  readonly texts = new Map<string, string>();

  constructor(private readonly inner: WorkspaceFs) {}

  get root(): string {
    return this.inner.root;
  }

  readText(path: string): ReadResult {
    const text = this.texts.get(path);
    return text === undefined ? this.inner.readText(path) : { ok: true, text };
  }

  inspect(path: string): PathInfo {
    return this.inner.inspect(path);
  }

  glob(patterns: readonly string[]): string[] {
    return this.inner.glob(patterns);
  }

  /** A file with new text in memory has no stamp: the disk's would describe the old text. */
  stamp(path: string): string | undefined {
    return this.texts.has(path) ? undefined : this.inner.stamp?.(path);
  }
}
