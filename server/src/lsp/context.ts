import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticsService } from './diagnosticsService';
import type { OpenDocuments } from './documents';
import type { FileKind, Folder, FolderRegistry } from './folders';
import type { SettingsCache } from './settings';

/** What the client can do, read once from its `initialize` capabilities. */
export interface ClientFlags {
  /** `workspace/configuration` (pull settings per folder). */
  configuration: boolean;
  /** WorkspaceEdit `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** WorkspaceEdit resource operation `create` (fixes that create an evidence file). */
  createFiles: boolean;
  /** `workspace/codeLens/refresh`. */
  codeLensRefresh: boolean;
}

/** Everything a feature handler may use. */
export interface ServerContext {
  documents: OpenDocuments;
  folders: FolderRegistry;
  settings: SettingsCache;
  diagnostics: DiagnosticsService;
  client: ClientFlags;
  log: (message: string) => void;
}

/** An open document with the folder it belongs to and what kind of file it is. */
export interface DocumentTarget {
  doc: TextDocument;
  folder: Folder;
  rel: string;
  kind: FileKind;
}

/** Resolves a request's document; undefined when it is not open or belongs to no folder. */
export function documentTarget(ctx: ServerContext, uri: string): DocumentTarget | undefined {
  const doc = ctx.documents.get(uri);
  if (!doc) return undefined;
  const folder = ctx.folders.folderFor(uri);
  const rel = folder?.relative(uri);
  if (!folder || rel === undefined) return undefined;
  return { doc, folder, rel, kind: folder.kindOf(rel) };
}

/** A workspace file's text: the open buffer when it is open, else the disk. */
export function fileText(folder: Folder, rel: string): string | undefined {
  const read = folder.ws.fs.readText(rel);
  return read.ok ? read.text : undefined;
}
