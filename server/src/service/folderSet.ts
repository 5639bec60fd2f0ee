import * as path from 'node:path';
import type { OpenDocumentIndex } from './openDocuments';
import type { ServiceHost } from './host';
import { ProjectFolder } from './projectFolder';
import { fileUri, fsPathOf, pathKey } from './uris';

/**
 * The workspace folders, and implicit roots for files outside them. A document belongs to the
 * deepest folder that contains it; a file outside every folder belongs to the nearest ancestor
 * holding `.decisions.yaml` (as the CLI would find it), or to nothing: arbitrary markdown files
 * are not memos.
 */
export class FolderSet {
  private readonly folders = new Map<string, ProjectFolder>();
  /** Directory → implicit root (or null when none was found), so lookups do not walk up again. */
  private readonly implicitRoots = new Map<string, string | null>();

  constructor(
    private readonly host: ServiceHost,
    private readonly documents: OpenDocumentIndex,
    /** Called for every new folder, explicit or implicit, so it gets indexed. */
    private readonly onAdded: (folder: ProjectFolder) => void,
  ) {}

  get all(): ProjectFolder[] {
    return [...this.folders.values()];
  }

  /** Adds a folder (loading its settings) and hands it to `onAdded` for indexing. */
  add(uri: string, name: string, implicit = false): ProjectFolder | undefined {
    const root = fsPathOf(uri);
    if (root === undefined) return undefined;
    const existing = this.folders.get(pathKey(root));
    if (existing) return existing;
    const folder = new ProjectFolder(uri, root, name, implicit, this.host.fileSystem(root), this.documents, this.host.today());
    folder.loadSharedFiles();
    this.folders.set(pathKey(root), folder);
    this.implicitRoots.clear();
    this.onAdded(folder);
    return folder;
  }

  /** Removes a workspace folder and stops its indexing. */
  remove(uri: string): ProjectFolder | undefined {
    const root = fsPathOf(uri);
    if (root === undefined) return undefined;
    const folder = this.folders.get(pathKey(root));
    if (folder) {
      this.folders.delete(pathKey(root));
      folder.generation++;
    }
    this.implicitRoots.clear();
    return folder;
  }

  /** Stops every indexing run (shutdown). */
  dispose(): void {
    for (const f of this.folders.values()) f.generation++;
  }

  /** The folder a document belongs to, creating an implicit root when the document lies outside every folder. */
  folderFor(uri: string): ProjectFolder | undefined {
    const p = fsPathOf(uri);
    if (p === undefined) return undefined;
    const known = this.knownFolderOf(p);
    if (known) return known;
    const dir = path.dirname(p);
    let root = this.implicitRoots.get(dir);
    if (root === undefined) {
      root = this.host.findConfigRoot(dir) ?? null;
      this.implicitRoots.set(dir, root);
    }
    return root === null ? undefined : this.add(fileUri(root), path.basename(root), true);
  }

  /** The existing folder that contains a URI (never creates one). */
  existingFolderFor(uri: string): ProjectFolder | undefined {
    const p = fsPathOf(uri);
    return p === undefined ? undefined : this.knownFolderOf(p);
  }

  private knownFolderOf(absPath: string): ProjectFolder | undefined {
    let best: ProjectFolder | undefined;
    for (const f of this.folders.values()) if (f.contains(absPath) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }
}
