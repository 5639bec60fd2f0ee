import type { CheckOptions } from '../core/check/checker';
import type { Diagnostic } from '../core/types';
import { mergeAffected, nothingAffected, type Affected, type FileKind } from '../core/workspace/dependencyGraph';
import { DEFAULT_SETTINGS, type DecisionMemosSettings } from '../shared/settings';
import { FolderSet } from './folderSet';
import { NO_CLIENT_FLAGS, type ClientFlags, type OpenDocument, type ServiceHost } from './host';
import { indexFolder } from './indexer';
import { OpenDocumentIndex } from './openDocuments';
import type { FileChange, IndexProgress, ProjectFolder } from './projectFolder';

// The language service: the workspace folders as the editor sees them, the one path by which a
// change reaches them, and the checks. Editor features are plain functions over it (features/);
// the language server (lsp/) converts protocol messages to calls of these and schedules them.
// Tests build it on an in-memory workspace (`test/service/`).

/** An open document with the folder it belongs to and what kind of file it is. */
export interface DocumentTarget {
  doc: OpenDocument;
  folder: ProjectFolder;
  rel: string;
  kind: FileKind;
}

/** A change in a folder and what it affects; `source` is the open document whose edit caused it. */
export interface FolderChange {
  folder: ProjectFolder;
  affected: Affected;
  source?: string;
}

/** An open document's diagnostics, for the version they were computed on. */
export interface DocumentCheck {
  folder: ProjectFolder;
  rel: string;
  version: number;
  diagnostics: Diagnostic[];
}

/** A file event from the disk. */
export interface FileEvent {
  uri: string;
  change: Exclude<FileChange, 'content'>;
}

export class DecisionService {
  readonly documents: OpenDocumentIndex;
  readonly folders: FolderSet;
  /** What the client can do (set from `initialize`). */
  client: ClientFlags = NO_CLIENT_FLAGS;
  private readonly settings = new Map<string, DecisionMemosSettings>();
  private readonly listeners = new Set<(change: FolderChange) => void>();
  private readonly folderListeners = new Set<(folder: ProjectFolder) => void>();
  /** The version of each open document whose text the folder state holds. */
  private readonly applied = new Map<string, number>();

  constructor(readonly host: ServiceHost) {
    this.documents = new OpenDocumentIndex(host.documents);
    this.folders = new FolderSet(host, this.documents, (folder) => {
      for (const listener of this.folderListeners) listener(folder);
    });
  }

  /** Called after every change with what it affects (the language server re-checks those files). */
  onDidChange(listener: (change: FolderChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called for every folder added, explicit or implicit (the language server indexes it). */
  onDidAddFolder(listener: (folder: ProjectFolder) => void): () => void {
    this.folderListeners.add(listener);
    return () => this.folderListeners.delete(listener);
  }

  addFolder(uri: string, name: string): ProjectFolder | undefined {
    return this.folders.add(uri, name);
  }

  removeFolder(uri: string): ProjectFolder | undefined {
    const folder = this.folders.remove(uri);
    if (folder) this.settings.delete(folder.uri);
    return folder;
  }

  /** An open document, with its folder and kind; undefined when it is not open or belongs to no folder. */
  target(uri: string): DocumentTarget | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const folder = this.folders.folderFor(uri);
    const rel = folder?.relative(uri);
    if (!folder || rel === undefined) return undefined;
    return { doc, folder, rel, kind: folder.kindOf(rel) };
  }

  /** A document was opened: its path reads as its buffer from now on (its state follows at its first check). */
  documentOpened(uri: string): void {
    this.documents.opened(uri);
  }

  /** A document was closed: the folder goes back to the disk's version of the file. */
  documentClosed(uri: string): FolderChange | undefined {
    this.documents.closed(uri);
    this.applied.delete(uri);
    const folder = this.folders.existingFolderFor(uri);
    const rel = folder?.relative(uri);
    if (!folder || rel === undefined) return undefined;
    return this.emit({ folder, affected: folder.update(rel, 'content') });
  }

  /** Files changed on disk: each folder follows, and one change per folder is announced. */
  filesChanged(events: readonly FileEvent[]): FolderChange[] {
    const byFolder = new Map<ProjectFolder, Affected>();
    for (const e of events) {
      const folder = this.folders.existingFolderFor(e.uri);
      const rel = folder?.relative(e.uri);
      if (!folder || rel === undefined || rel === '') continue;
      byFolder.set(folder, mergeAffected(byFolder.get(folder) ?? nothingAffected(), folder.update(rel, e.change)));
    }
    return [...byFolder].map(([folder, affected]) => this.emit({ folder, affected }));
  }

  /**
   * An open document's diagnostics: its current text is applied to the folder first (once per
   * version; what that affects is announced), then checked. Undefined when it belongs to no folder.
   */
  checkDocument(uri: string): DocumentCheck | undefined {
    const doc = this.documents.get(uri);
    const folder = this.folders.folderFor(uri);
    const rel = folder?.relative(uri);
    if (!doc || !folder || rel === undefined) return undefined;
    if (this.applied.get(uri) !== doc.version) {
      this.applied.set(uri, doc.version);
      this.emit({ folder, affected: folder.update(rel, 'content'), source: uri });
    }
    return { folder, rel, version: doc.version, diagnostics: folder.check(rel, this.checkOptions(folder), this.host.today()) };
  }

  /** A file's diagnostics from the folder's current state (closed files, background passes). */
  checkFile(folder: ProjectFolder, rel: string): Diagnostic[] {
    return folder.check(rel, this.checkOptions(folder), this.host.today());
  }

  /**
   * Indexes a folder in slices (see indexer.ts): `onReady` once every memo is known from its
   * front matter; resolves when the bodies are read too, or to false when a newer run superseded it.
   */
  index(folder: ProjectFolder, onProgress: (progress: IndexProgress) => void = () => {}, reloadSharedFiles = false, onReady: () => void = () => {}): Promise<boolean> {
    return indexFolder(folder, onProgress, reloadSharedFiles, onReady);
  }

  /** The editor settings of a folder (the defaults until the client has sent them). */
  settingsOf(folder: ProjectFolder): DecisionMemosSettings {
    return this.settings.get(folder.uri) ?? DEFAULT_SETTINGS;
  }

  setSettings(folder: ProjectFolder, settings: DecisionMemosSettings): void {
    this.settings.set(folder.uri, settings);
  }

  /** The check options of a folder: its severity overrides, and rule crashes logged rather than thrown. */
  checkOptions(folder: ProjectFolder): CheckOptions {
    return {
      overrides: this.settingsOf(folder).rules,
      onRuleError: (rule, file, error) => this.host.log(`rule ${rule} failed on ${file}: ${describeError(error)}`),
    };
  }

  dispose(): void {
    this.folders.dispose();
    this.listeners.clear();
    this.folderListeners.clear();
  }

  private emit(change: FolderChange): FolderChange {
    for (const listener of this.listeners) listener(change);
    return change;
  }
}

/** Builds the language service on a host (the disk and the editor's documents, or memory in tests). */
export function createDecisionService(host: ServiceHost): DecisionService {
  return new DecisionService(host);
}

/** An error as text for the log: its stack when it has one. */
export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/**
 * A deliberate refusal of a request (renaming something that is not a tenet, a new memo without a
 * title): the language server answers it as a `ResponseError` with this code, never as a crash.
 */
export class ServiceError extends Error {
  constructor(
    readonly kind: 'invalid-request' | 'invalid-params',
    message: string,
  ) {
    super(message);
  }
}
