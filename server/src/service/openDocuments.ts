import { parseMemo } from '../core/memo/memoParser';
import type { MemoModel } from '../core/memo/memoModel';
import type { TenetFile } from '../core/tenets/tenetModel';
import { parseTenetFile } from '../core/tenets/tenetParser';
import type { OpenDocument, OpenDocumentSource } from './host';
import { fsPathOf, pathKey } from './uris';

/**
 * The open documents by file path (the overlay file system looks them up by path), plus a parse
 * cache so the check, hover, completion and the other features parse a document version once
 * rather than once per request.
 */
export class OpenDocumentIndex {
  private readonly uriByPath = new Map<string, string>();
  private readonly parsed = new Map<string, { version: number; file: string; memo?: MemoModel; tenets?: TenetFile }>();

  constructor(private readonly source: OpenDocumentSource) {}

  /** A document was opened: its path now reads as its buffer. */
  opened(uri: string): void {
    const p = fsPathOf(uri);
    if (p) this.uriByPath.set(pathKey(p), uri);
  }

  /** A document was closed: its path reads from the disk again. */
  closed(uri: string): void {
    const p = fsPathOf(uri);
    if (p && this.uriByPath.get(pathKey(p)) === uri) this.uriByPath.delete(pathKey(p));
    this.parsed.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.source.get(uri);
  }

  all(): OpenDocument[] {
    return this.source.all();
  }

  /** The open document for a file path, if any. */
  byPath(absPath: string): OpenDocument | undefined {
    const uri = this.uriByPath.get(pathKey(absPath));
    return uri === undefined ? undefined : this.source.get(uri);
  }

  /** The memo model of an open document's current version (`file` is its workspace-relative path). */
  memoModel(doc: OpenDocument, file: string): MemoModel {
    const entry = this.entry(doc, file);
    return (entry.memo ??= parseMemo(file, doc.getText()));
  }

  /** The tenet file model of an open document's current version. */
  tenetFile(doc: OpenDocument, file: string): TenetFile {
    const entry = this.entry(doc, file);
    return (entry.tenets ??= parseTenetFile(file, doc.getText()));
  }

  private entry(doc: OpenDocument, file: string) {
    let entry = this.parsed.get(doc.uri);
    if (!entry || entry.version !== doc.version || entry.file !== file) {
      entry = { version: doc.version, file };
      this.parsed.set(doc.uri, entry);
    }
    return entry;
  }
}
