import type { PathInfo, ReadResult, WorkspaceFs } from './workspaceFs';

/**
 * Remembers `inspect` answers for one run over a file system that does not change meanwhile
 * (a CLI check): memos citing the same evidence, and the resolver's walks up a path's folders,
 * then cost one `stat` each instead of one per question. Reads are passed through.
 */
export class CachedInspectFs implements WorkspaceFs {
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

  stamp(path: string): string | undefined {
    return this.inner.stamp?.(path);
  }

  readSoon(paths: readonly string[]): void {
    this.inner.readSoon?.(paths);
  }
}
