import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMemo } from '../core/memo/memoParser';
import type { MemoModel } from '../core/memo/memoModel';
import type { TenetFile } from '../core/tenets/tenetModel';
import { parseTenetFile } from '../core/tenets/tenetParser';
import { fsPathOf, pathKey } from './uris';

/**
 * The documents the client has open, by URI and by file path (the overlay file system looks
 * them up by path), plus a parse cache so hover, completion and the other features parse a
 * document version once rather than once per request.
 */
export class OpenDocuments {
  readonly store = new TextDocuments(TextDocument);
  private readonly uriByPath = new Map<string, string>();
  private readonly parsed = new Map<string, { version: number; file: string; memo?: MemoModel; tenets?: TenetFile }>();

  constructor() {
    this.store.onDidOpen((e) => {
      const p = fsPathOf(e.document.uri);
      if (p) this.uriByPath.set(pathKey(p), e.document.uri);
    });
    this.store.onDidClose((e) => {
      const p = fsPathOf(e.document.uri);
      if (p && this.uriByPath.get(pathKey(p)) === e.document.uri) this.uriByPath.delete(pathKey(p));
      this.parsed.delete(e.document.uri);
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.store.get(uri);
  }

  all(): TextDocument[] {
    return this.store.all();
  }

  /** The open document for a file path, if any. */
  byPath(absPath: string): TextDocument | undefined {
    const uri = this.uriByPath.get(pathKey(absPath));
    return uri === undefined ? undefined : this.store.get(uri);
  }

  /** The memo model of an open document's current version (`file` is its workspace-relative path). */
  memoModel(doc: TextDocument, file: string): MemoModel {
    const entry = this.entry(doc, file);
    return (entry.memo ??= parseMemo(file, doc.getText()));
  }

  /** The tenet file model of an open document's current version. */
  tenetFile(doc: TextDocument, file: string): TenetFile {
    const entry = this.entry(doc, file);
    return (entry.tenets ??= parseTenetFile(file, doc.getText()));
  }

  private entry(doc: TextDocument, file: string) {
    let entry = this.parsed.get(doc.uri);
    if (!entry || entry.version !== doc.version || entry.file !== file) {
      entry = { version: doc.version, file };
      this.parsed.set(doc.uri, entry);
    }
    return entry;
  }
}
