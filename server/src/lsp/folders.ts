import * as path from 'node:path';
import { CONFIG_FILE } from '../core/workspace/config';
import { localToday } from '../core/dates';
import { candidatePaths } from '../core/evidence/evidencePaths';
import type { MemoSummary } from '../core/workspace/memoIndex';
import type { MemoModel } from '../core/memo/memoModel';
import { findWorkspaceRoot, NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import { Workspace } from '../core/workspace/workspace';
import { normaliseRelative } from '../core/workspace/workspaceFs';
import { RULE_IDS } from '../rules/registry';
import type { OpenDocuments } from './documents';
import { OverlayWorkspaceFs } from './overlayFs';
import { fileUri, fsPathOf, isInside, pathKey, relativePath } from './uris';

export type FileKind = 'memo' | 'tenet' | 'config' | 'people' | 'other';

export interface IndexProgress {
  state: 'indexing' | 'ready';
  done: number;
  total: number;
}

/** What changed for other files when one memo was (re)indexed. */
export interface MemoChange {
  /** Other memos whose cross-memo diagnostics may differ (duplicate ids, supersede links). */
  affected: string[];
  /** The set of tenets the memo cites changed ("cited by N" lenses are stale). */
  citationsChanged: boolean;
}

/** Largest number of files the evidence path completion lists for a folder. */
const MAX_LISTED_FILES = 5000;
/** How long one indexing slice may hold the event loop before yielding. */
const INDEX_SLICE_MS = 12;

/** Today's local date as `YYYY-MM-DD` (what `date:` and staleness compare against). */
export const todayString = (): string => localToday();

/** One workspace root: its core `Workspace`, read through the open documents, and its index state. */
export class Folder {
  readonly ws: Workspace;
  index: IndexProgress = { state: 'indexing', done: 0, total: 0 };
  /** Bumped by every re-index: an indexing run of an older generation stops. */
  generation = 0;
  /** Memo → the workspace paths its evidence entries may name (memo folder first, then root). */
  private readonly evidencePaths = new Map<string, string[]>();
  /** Config and people texts as last loaded, so an unchanged buffer does not reload anything. */
  private readonly settingsTexts = new Map<string, string | undefined>();
  private fileList: string[] | undefined;
  private indexWaiters: Array<() => void> = [];

  constructor(
    /** The folder URI as the client named it (also the `scopeUri` for settings). */
    readonly uri: string,
    readonly root: string,
    readonly name: string,
    /** Found by walking up from a file outside every workspace folder to its `.decisions.yaml`. */
    readonly implicit: boolean,
    private readonly documents: OpenDocuments,
  ) {
    const overlay = new OverlayWorkspaceFs(new NodeWorkspaceFs(root), (rel) => this.openDocument(rel)?.getText());
    this.ws = new Workspace(overlay, RULE_IDS, todayString());
  }

  /** Whether an absolute path lies in this folder. */
  contains(absPath: string): boolean {
    return isInside(this.root, absPath);
  }

  /** A document URI as a workspace-relative path; undefined when outside. */
  relative(uri: string): string | undefined {
    const p = fsPathOf(uri);
    return p === undefined ? undefined : relativePath(this.root, p);
  }

  /** A workspace-relative path as an absolute file system path. */
  absolute(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /** The URI of a workspace file: the open document's own URI when it is open (the client's spelling wins). */
  uriOf(rel: string): string {
    return this.openDocument(rel)?.uri ?? fileUri(this.absolute(rel));
  }

  /** The open document of a workspace file, if it is open. */
  openDocument(rel: string) {
    return this.documents.byPath(this.absolute(rel));
  }

  /** What a workspace file is to the checker (decided by the config's globs). */
  kindOf(rel: string): FileKind {
    if (rel === CONFIG_FILE) return 'config';
    if (rel === this.peoplePath) return 'people';
    if (this.ws.isTenetFile(rel) || this.ws.registry.getFile(rel)) return 'tenet';
    if (this.ws.isMemoFile(rel)) return 'memo';
    return 'other';
  }

  /** The people directory's workspace-relative path (as the config names it, normalised). */
  get peoplePath(): string {
    return normaliseRelative(this.ws.config.people) ?? this.ws.config.people;
  }

  /** Reads config, people and tenets (through open documents) and remembers the settings texts. */
  loadSettings(): void {
    this.ws.today = todayString();
    this.ws.loadSettings();
    this.settingsTexts.set(CONFIG_FILE, this.readTextOrUndefined(CONFIG_FILE));
    this.settingsTexts.set(this.peoplePath, this.readTextOrUndefined(this.peoplePath));
    this.fileList = undefined;
  }

  /** Whether `text` differs from what the settings were last loaded from (config or people file). */
  settingsTextChanged(rel: string, text: string | undefined): boolean {
    return this.settingsTexts.get(rel) !== text;
  }

  /** Reads the people directory again (through open documents). */
  reloadPeople(): void {
    this.ws.loadPeople();
    this.settingsTexts.set(this.peoplePath, this.readTextOrUndefined(this.peoplePath));
  }

  private readTextOrUndefined(rel: string): string | undefined {
    const r = this.ws.fs.readText(rel);
    return r.ok ? r.text : undefined;
  }

  /** Records a parsed memo in the index and says which other memos that may affect. */
  recordMemo(memo: MemoModel): MemoChange {
    const before = this.ws.memos.get(memo.file);
    this.ws.indexMemo(memo);
    this.evidencePaths.set(memo.file, evidenceCandidates(memo));
    const after = this.ws.memos.get(memo.file);
    return { affected: this.linkAffected(memo.file, before, after), citationsChanged: citedKey(before) !== citedKey(after) };
  }

  /** Drops a file from the index and the registry. */
  forgetFile(rel: string): MemoChange {
    const before = this.ws.memos.get(rel);
    this.ws.removeFile(rel);
    this.evidencePaths.delete(rel);
    return { affected: this.linkAffected(rel, before, undefined), citationsChanged: before !== undefined && before.cited.length > 0 };
  }

  /** Memos whose evidence names `rel` (or a file below it, when `rel` is a folder). */
  memosWithEvidence(rel: string): string[] {
    const out: string[] = [];
    for (const [memo, paths] of this.evidencePaths) {
      if (paths.some((p) => p === rel || p.startsWith(rel + '/'))) out.push(memo);
    }
    return out;
  }

  private linkAffected(file: string, before: MemoSummary | undefined, after: MemoSummary | undefined): string[] {
    if (linkKey(before) === linkKey(after)) return [];
    const ids = new Set([before?.id, after?.id].filter((x): x is string => x !== undefined));
    const targets = new Set([...links(before), ...links(after)]);
    const out = new Set<string>();
    for (const id of ids) {
      for (const m of this.ws.memos.withId(id)) out.add(m.file);
      for (const m of this.ws.memos.linkedTo(id)) out.add(m.file);
    }
    for (const t of targets) for (const m of this.ws.memos.withId(t)) out.add(m.file);
    out.delete(file);
    return [...out];
  }

  /** Every file of the folder (for evidence path completion), cached until files appear or vanish. */
  files(): { files: string[]; complete: boolean } {
    this.fileList ??= this.ws.fs.glob(['**/*']);
    return { files: this.fileList.slice(0, MAX_LISTED_FILES), complete: this.fileList.length <= MAX_LISTED_FILES };
  }

  /** Resolves once the folder's index is complete (at once when it is). */
  whenIndexed(): Promise<void> {
    return this.index.state === 'ready' ? Promise.resolve() : new Promise((resolve) => this.indexWaiters.push(resolve));
  }

  /** Files appeared or vanished: the evidence completion list is read again next time. */
  invalidateFileList(): void {
    this.fileList = undefined;
  }

  /**
   * Parses every memo file into the index, a slice at a time, yielding to the event loop between
   * slices so requests and the diagnostics of open memos are served first. Resolves to false when a
   * newer indexing run superseded this one.
   */
  async reindex(onProgress: (progress: IndexProgress) => void, reloadSettings: boolean): Promise<boolean> {
    const generation = ++this.generation;
    if (reloadSettings) this.loadSettings();
    const files = this.ws.listMemoFiles();
    this.index = { state: 'indexing', done: 0, total: files.length };
    onProgress(this.index);
    let i = 0;
    while (i < files.length) {
      const sliceEnd = Date.now() + INDEX_SLICE_MS;
      while (i < files.length && Date.now() < sliceEnd) {
        const file = files[i++]!;
        const memo = this.ws.readMemo(file);
        if (memo) this.recordMemo(memo);
        else this.forgetFile(file);
      }
      await yieldToEventLoop();
      if (this.generation !== generation) return false;
      this.index = { state: 'indexing', done: i, total: files.length };
      onProgress(this.index);
    }
    // Memos that no longer match the globs (or vanished) leave the index; unsaved open memos stay.
    const listed = new Set(files);
    for (const m of this.ws.memos.all) {
      if (!listed.has(m.file) && !(this.openDocument(m.file) && this.ws.isMemoFile(m.file))) this.forgetFile(m.file);
    }
    this.index = { state: 'ready', done: files.length, total: files.length };
    onProgress(this.index);
    const waiters = this.indexWaiters;
    this.indexWaiters = [];
    for (const resolve of waiters) resolve();
    return true;
  }
}

/** Lets pending I/O (incoming requests) and timers run before the caller continues. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Every workspace path an evidence entry of the memo may resolve to (with and without a `#section`). */
function evidenceCandidates(memo: MemoModel): string[] {
  const out = new Set<string>();
  for (const e of memo.evidence) {
    if (e.kind !== 'path' || !e.target) continue;
    const target = e.target.trim();
    for (const variant of new Set([target, target.replace(/#.*$/, '')])) {
      for (const candidate of candidatePaths(variant, memo.file) ?? []) if (candidate) out.add(candidate.replace(/\/+$/, ''));
    }
  }
  return [...out];
}

function links(s: MemoSummary | undefined): string[] {
  return s ? [...s.supersedes, ...s.supersededBy].map((l) => l.value) : [];
}

function linkKey(s: MemoSummary | undefined): string {
  return s ? JSON.stringify([s.id, s.supersedes.map((l) => l.value), s.supersededBy.map((l) => l.value)]) : '';
}

function citedKey(s: MemoSummary | undefined): string {
  return s ? [...s.cited].sort().join(',') : '';
}

/**
 * The workspace folders, and implicit roots for files outside them. A document belongs to the
 * deepest folder that contains it; a file outside every folder belongs to the nearest ancestor
 * holding `.decisions.yaml` (as the CLI would find it), or to nothing: arbitrary markdown files
 * are not memos.
 */
export class FolderRegistry {
  private readonly folders = new Map<string, Folder>();
  /** Directory → implicit root (or null when none was found), so lookups do not walk up again. */
  private readonly implicitRoots = new Map<string, string | null>();

  constructor(
    private readonly documents: OpenDocuments,
    /** Called for every new folder, explicit or implicit, so it gets indexed. */
    private readonly onAdded: (folder: Folder) => void,
  ) {}

  get all(): Folder[] {
    return [...this.folders.values()];
  }

  /** Adds a folder (loading its settings) and hands it to `onAdded` for indexing. */
  add(uri: string, name: string, implicit = false): Folder | undefined {
    const root = fsPathOf(uri);
    if (root === undefined) return undefined;
    const existing = this.folders.get(pathKey(root));
    if (existing) return existing;
    const folder = new Folder(uri, root, name, implicit, this.documents);
    folder.loadSettings();
    this.folders.set(pathKey(root), folder);
    this.implicitRoots.clear();
    this.onAdded(folder);
    return folder;
  }

  /** Removes a workspace folder and stops its indexing. */
  remove(uri: string): Folder | undefined {
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
  folderFor(uri: string): Folder | undefined {
    const p = fsPathOf(uri);
    if (p === undefined) return undefined;
    const known = this.knownFolderOf(p);
    if (known) return known;
    const dir = path.dirname(p);
    let root = this.implicitRoots.get(dir);
    if (root === undefined) {
      root = findWorkspaceRoot(dir, CONFIG_FILE) ?? null;
      this.implicitRoots.set(dir, root);
    }
    return root === null ? undefined : this.add(fileUri(root), path.basename(root), true);
  }

  /** The existing folder that contains a URI (never creates one). */
  existingFolderFor(uri: string): Folder | undefined {
    const p = fsPathOf(uri);
    return p === undefined ? undefined : this.knownFolderOf(p);
  }

  private knownFolderOf(absPath: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders.values()) if (f.contains(absPath) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }
}
