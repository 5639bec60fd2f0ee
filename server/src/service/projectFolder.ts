import * as path from 'node:path';
import { checkMemo, checkTenetFile, loadDiagnostics, type CheckOptions } from '../core/check/checker';
import type { MemoModel } from '../core/memo/memoModel';
import { parseMemo } from '../core/memo/memoParser';
import type { TenetFile } from '../core/tenets/tenetModel';
import type { Diagnostic } from '../core/types';
import { CONFIG_FILE } from '../core/workspace/config';
import { DependencyGraph, fileKind, mergeAffected, nothingAffected, peoplePath, type Affected, type FileKind } from '../core/workspace/dependencyGraph';
import { Workspace } from '../core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../rules/registry';
import type { OpenDocument } from './host';
import type { OpenDocumentIndex } from './openDocuments';
import { OverlayWorkspaceFs } from './overlayFs';
import { fileUri, fsPathOf, isInside, relativePath } from './uris';

/** How indexing stands in a folder. */
export interface IndexProgress {
  state: 'indexing' | 'ready';
  done: number;
  total: number;
  /** While ready: the memos recorded from their front matter whose bodies are still being read (indexer.ts). */
  reading?: { done: number; total: number };
}

/** Why a file is being looked at again. */
export type FileChange =
  /** The open document's text changed (opened, edited, or closed back to the disk's text). */
  | 'content'
  /** Events from the disk (`workspace/didChangeWatchedFiles`). */
  | 'created'
  | 'changed'
  | 'deleted';

/** Largest number of files the evidence path completion lists for a folder. */
const MAX_LISTED_FILES = 5000;

/**
 * One workspace root as the language service keeps it: the core `Workspace` (read through the
 * open documents), the dependency graph, and the index state. `update` is the one place where a
 * change to a file reaches the index, the registry or the settings; `check` computes a file's
 * diagnostics from that state and changes nothing.
 */
export class ProjectFolder {
  readonly ws: Workspace;
  readonly graph: DependencyGraph;
  index: IndexProgress = { state: 'indexing', done: 0, total: 0 };
  /** Bumped by every re-index: an indexing run of an older generation stops. */
  generation = 0;
  /** Config and people texts as last loaded, so an unchanged buffer does not reload anything. */
  private readonly sharedTexts = new Map<string, string | undefined>();
  private fileList: string[] | undefined;
  private indexWaiters: Array<() => void> = [];
  private completeWaiters: Array<() => void> = [];
  /** Memos the index holds from their front matter alone (the indexer's first pass): their bodies are still to be read. */
  private readonly frontMatterOnly = new Set<string>();

  constructor(
    /** The folder URI as the client named it (also the `scopeUri` for settings). */
    readonly uri: string,
    readonly root: string,
    readonly name: string,
    /** Found by walking up from a file outside every workspace folder to its `.decisions.yaml`. */
    readonly implicit: boolean,
    disk: ConstructorParameters<typeof OverlayWorkspaceFs>[0],
    private readonly documents: OpenDocumentIndex,
    today: string,
  ) {
    const overlay = new OverlayWorkspaceFs(disk, (rel) => this.openDocument(rel)?.getText());
    this.ws = new Workspace(overlay, RULE_IDS, today);
    this.graph = new DependencyGraph(this.ws.memos);
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
  openDocument(rel: string): OpenDocument | undefined {
    return this.documents.byPath(this.absolute(rel));
  }

  kindOf(rel: string): FileKind {
    return fileKind(this.ws, rel);
  }

  get peoplePath(): string {
    return peoplePath(this.ws);
  }

  /** Whether the file's diagnostics are shown whatever `problemsScope` says (the config, people, CODEOWNERS and authority files). */
  isConfigOrPeople(rel: string): boolean {
    const kind = this.kindOf(rel);
    return kind === 'config' || kind === 'people' || kind === 'authority';
  }

  /** The settings files every check reads (config, people, CODEOWNERS, authority): checked in every pass. */
  settingsFiles(): string[] {
    return this.ws.settingsFiles();
  }

  /** Reads config, people and tenets (through open documents) and remembers their texts. */
  loadSharedFiles(): void {
    this.ws.loadSharedFiles();
    this.sharedTexts.clear();
    for (const f of [...this.ws.settingsFiles(), ...this.ws.extendsFiles]) this.sharedTexts.set(f, this.readTextOrUndefined(f));
    this.fileList = undefined;
  }

  /**
   * The one update path: a file changed (its open buffer, or on disk). The index, the registry or
   * the settings follow, and the dependency graph says which other files that affects. A disk event
   * for an open document changes nothing but the file's presence: the buffer wins until it closes.
   */
  update(rel: string, change: FileChange): Affected {
    let affected = nothingAffected();
    if (change === 'created' || change === 'deleted') {
      this.fileList = undefined;
      affected = this.graph.presenceChanged(rel);
    }
    if (change !== 'content' && this.openDocument(rel)) return affected;
    if (change === 'deleted') return mergeAffected(affected, this.forgetBelow(rel));
    const kind = this.kindOf(rel);
    switch (kind) {
      case 'config': {
        const changed = this.configTextsChanged();
        if (changed) this.loadSharedFiles();
        return mergeAffected(affected, this.graph.configChanged(changed));
      }
      case 'people': {
        const changed = this.sharedTextChanged(rel);
        if (changed) this.reloadPeople();
        return mergeAffected(affected, this.graph.peopleChanged(changed));
      }
      case 'authority': {
        const changed = this.sharedTextChanged(rel);
        if (changed) this.reloadAuthority();
        return mergeAffected(affected, this.graph.authorityChanged(changed));
      }
      case 'tenet': {
        const before = this.ws.registry.getFile(rel)?.text;
        const file = this.readTenetFile(rel);
        if (file) this.ws.registry.setFile(file);
        else this.ws.registry.removeFile(rel);
        const changedTenets = this.graph.tenetsChanged(before !== file?.text);
        // A file that could not be read shows `file-unreadable` on itself.
        const self = change !== 'content' && this.ws.unreadable.has(rel) ? [rel] : [];
        return mergeAffected(mergeAffected(affected, changedTenets), { ...nothingAffected(), files: self });
      }
      case 'memo': {
        const memo = this.readMemo(rel);
        const memoChange = memo ? this.recordMemo(memo) : this.forgetMemo(rel);
        // From the disk, the memo itself reads differently too.
        const self = change === 'content' ? [] : [rel];
        return mergeAffected(mergeAffected(affected, memoChange), { ...nothingAffected(), files: self });
      }
      default:
        return affected;
    }
  }

  /** A file's diagnostics from the current state, severities resolved. Changes nothing but the clock. */
  check(rel: string, options: CheckOptions, today: string): Diagnostic[] {
    this.ws.today = today;
    switch (this.kindOf(rel)) {
      case 'memo': {
        const memo = this.currentMemo(rel);
        return memo ? checkMemo(memo, ALL_RULES, this.ws.context(), options) : this.loadDiagnostics(rel, options);
      }
      case 'tenet': {
        const file = this.ws.registry.getFile(rel);
        const own = file ? checkTenetFile(file, ALL_RULES, this.ws.context(), options) : [];
        return [...own, ...this.loadDiagnostics(rel, options)];
      }
      case 'config':
      case 'people':
      case 'authority':
        return this.loadDiagnostics(rel, options);
      default:
        return [];
    }
  }

  /** The memo as the editor shows it: the open buffer's model, or the disk's text parsed. */
  currentMemo(rel: string): MemoModel | undefined {
    const doc = this.openDocument(rel);
    if (doc) return this.ws.fs.readText(rel).ok ? this.documents.memoModel(doc, rel) : undefined;
    const text = this.ws.fs.readText(rel);
    return text.ok ? parseMemo(rel, text.text) : undefined;
  }

  /** The tenet file as the editor shows it (the registry may lag behind typing until the next check). */
  currentTenetFile(rel: string): TenetFile | undefined {
    const doc = this.openDocument(rel);
    return doc ? this.documents.tenetFile(doc, rel) : this.ws.registry.getFile(rel);
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

  /**
   * Resolves once every memo's body is in the index too (at once when it is): for what reads
   * inline citations, verdicts, evidence or the method's figures of every memo (the audit).
   */
  whenComplete(): Promise<void> {
    return this.index.state === 'ready' && !this.index.reading ? Promise.resolve() : new Promise((resolve) => this.completeWaiters.push(resolve));
  }

  /** Every memo is in the index (`bodiesPending` of them from their front matter alone): wake whoever waits for it. */
  indexReady(total: number, bodiesPending = 0): void {
    this.index = { state: 'ready', done: total, total, ...(bodiesPending > 0 ? { reading: { done: 0, total: bodiesPending } } : {}) };
    const waiters = this.indexWaiters;
    this.indexWaiters = [];
    for (const resolve of waiters) resolve();
    if (bodiesPending === 0) this.indexComplete();
  }

  /** How many of the pending bodies the indexer has read. */
  bodiesRead(done: number): void {
    if (this.index.reading) this.index = { ...this.index, reading: { done, total: this.index.reading.total } };
  }

  /** Every memo's body is in the index: wake whoever waits for it. */
  indexComplete(): void {
    const { reading: _done, ...ready } = this.index;
    this.index = ready;
    const waiters = this.completeWaiters;
    this.completeWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Whether the index holds this memo from its front matter alone. */
  awaitsBody(rel: string): boolean {
    return this.frontMatterOnly.has(rel);
  }

  /**
   * Records a parsed memo in the index and the graph; says which other memos that affects.
   * `frontMatterOnly`: the model is of the front matter alone (the indexer's first pass).
   */
  recordMemo(memo: MemoModel, frontMatterOnly = false): Affected {
    if (frontMatterOnly) this.frontMatterOnly.add(memo.file);
    else this.frontMatterOnly.delete(memo.file);
    const before = this.ws.memos.get(memo.file);
    this.ws.indexMemo(memo);
    this.graph.setMemo(memo);
    return this.graph.memoChanged(memo.file, before, this.ws.memos.get(memo.file));
  }

  /** Drops a memo from the index and the graph. */
  forgetMemo(rel: string): Affected {
    this.frontMatterOnly.delete(rel);
    const before = this.ws.memos.get(rel);
    this.ws.memos.delete(rel);
    this.graph.deleteMemo(rel);
    return this.graph.memoChanged(rel, before, undefined);
  }

  /** Reads and parses a memo through the open documents; undefined when it cannot be read (remembered as unreadable). */
  readMemo(rel: string): MemoModel | undefined {
    const doc = this.openDocument(rel);
    if (!doc) return this.ws.readMemo(rel);
    return this.ws.readMemoText(rel) === undefined ? undefined : this.documents.memoModel(doc, rel);
  }

  private readTenetFile(rel: string): TenetFile | undefined {
    const doc = this.openDocument(rel);
    if (!doc) return this.ws.readTenetFile(rel);
    return this.ws.readTenetFile(rel) === undefined ? undefined : this.documents.tenetFile(doc, rel);
  }

  /** A deleted path (a file, or a folder arriving as one event): everything at or below it leaves, unless open. */
  private forgetBelow(rel: string): Affected {
    const below = (f: string) => f === rel || f.startsWith(rel + '/');
    let affected = nothingAffected();
    const removed: string[] = [];
    for (const t of this.ws.registry.tenetFiles) {
      if (!below(t.file) || this.openDocument(t.file)) continue;
      this.ws.registry.removeFile(t.file);
      affected = mergeAffected(affected, this.graph.tenetsChanged(true));
      removed.push(t.file);
    }
    for (const m of [...this.ws.memos.all]) {
      if (!below(m.file) || this.openDocument(m.file)) continue;
      affected = mergeAffected(affected, this.forgetMemo(m.file));
      removed.push(m.file);
    }
    for (const f of [...this.ws.unreadable.keys()]) {
      if (!below(f)) continue;
      this.ws.unreadable.delete(f);
      removed.push(f);
    }
    if ([CONFIG_FILE, ...this.ws.extendsFiles].some(below)) affected = mergeAffected(affected, this.graph.configChanged(this.configTextsChanged()));
    else {
      const people = this.ws.settingsFiles().filter((f) => below(f) && this.kindOf(f) === 'people');
      if (people.some((f) => this.sharedTextChanged(f))) {
        this.reloadPeople();
        affected = mergeAffected(affected, this.graph.peopleChanged(true));
      }
      const authority = this.ws.settingsFiles().find((f) => below(f) && this.kindOf(f) === 'authority');
      if (authority !== undefined && this.sharedTextChanged(authority)) {
        this.reloadAuthority();
        affected = mergeAffected(affected, this.graph.authorityChanged(true));
      }
    }
    if (affected.reindex) this.loadSharedFiles();
    return { ...affected, removed: [...new Set([...affected.removed, ...removed])], files: affected.files.filter((f) => !removed.includes(f)) };
  }

  private loadDiagnostics(rel: string, options: CheckOptions): Diagnostic[] {
    return loadDiagnostics(this.ws, ALL_RULES, options).filter((d) => d.file === rel);
  }

  /** Whether the config or a shared config it extends (or looked for) reads differently from when they were last loaded. */
  private configTextsChanged(): boolean {
    return [CONFIG_FILE, ...this.ws.extendsFiles].some((f) => this.sharedTextChanged(f));
  }

  /** Whether a settings file reads differently from when the settings were last loaded. */
  private sharedTextChanged(rel: string): boolean {
    return this.sharedTexts.get(rel) !== this.readTextOrUndefined(rel);
  }

  private reloadPeople(): void {
    // With shared configs, a local directory appearing or going decides whether the shared one applies.
    if (this.ws.config.shared.length > 0) this.ws.loadConfig();
    this.ws.loadPeople();
    for (const f of this.ws.settingsFiles()) if (this.kindOf(f) === 'people') this.sharedTexts.set(f, this.readTextOrUndefined(f));
  }

  private reloadAuthority(): void {
    if (this.ws.config.shared.length > 0) this.ws.loadConfig();
    this.ws.loadAuthority();
    for (const f of this.ws.settingsFiles()) if (this.kindOf(f) === 'authority') this.sharedTexts.set(f, this.readTextOrUndefined(f));
  }

  private readTextOrUndefined(rel: string): string | undefined {
    const r = this.ws.fs.readText(rel);
    return r.ok ? r.text : undefined;
  }
}
