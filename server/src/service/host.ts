import type { WorkspaceFs } from '../core/workspace/workspaceFs';

// What the language service needs from whoever runs it. The language server gives it the disk,
// the editor's open documents and the clock; a test gives it an in-memory workspace and a fixed
// day. Nothing in the service reaches past these.

/** A document open in the editor: the text the user sees, which wins over the disk. */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The documents open in the editor (the LSP `TextDocuments`, or `InMemoryDocuments` in tests). */
export interface OpenDocumentSource {
  get(uri: string): OpenDocument | undefined;
  all(): OpenDocument[];
}

/** What the client can do, read once from its `initialize` capabilities. */
export interface ClientFlags {
  /** WorkspaceEdit `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** WorkspaceEdit resource operation `create` (fixes that create an evidence file). */
  createFiles: boolean;
  /** WorkspaceEdit snippet edits (LSP 3.18): fixes select their first blank and Tab moves on. */
  snippetEdits: boolean;
  /** Completion items in snippet syntax. */
  completionSnippets: boolean;
  /** The client implements `decisionMemos.openFile` (a created evidence file is opened). */
  openFileCommand: boolean;
}

export const NO_CLIENT_FLAGS: ClientFlags = { documentChanges: false, createFiles: false, snippetEdits: false, completionSnippets: false, openFileCommand: false };

export interface ServiceHost {
  /** The files under a folder root as stored (the disk in the server; memory in tests). */
  fileSystem(root: string): WorkspaceFs;
  /**
   * For a file outside every workspace folder: the nearest folder at or above `dir` that holds
   * `.decisions.yaml` (as the CLI would find it), or undefined. Arbitrary markdown is not a memo.
   */
  findConfigRoot(dir: string): string | undefined;
  documents: OpenDocumentSource;
  /** Today's date as `YYYY-MM-DD`, the user's local date (`localToday` in the server; fixed in tests). */
  today(): string;
  log(message: string): void;
}
