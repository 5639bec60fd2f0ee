import type { Connection } from 'vscode-languageserver/node';
import { toLspDiagnostic } from '../service/convert';
import { describeError, type DecisionService, type FolderChange } from '../service/decisionService';
import type { ProjectFolder } from '../service/projectFolder';
import type { Diagnostic } from '../core/types';
import { inOneState } from '../core/workspace/workspaceFs';
import type { FileProblems, ProblemsParams, ProblemsResult } from '../shared/protocol';
import { DEFAULT_SETTINGS, type DecisionMemosSettings } from '../shared/settings';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { ProblemCounts, tally } from './problemCounts';
import { Publisher } from './publisher';
import type { SettingsCache } from './settings';
import { StatusReporter } from './statusReporter';

/**
 * Placeholder diagnostics (blanks left to fill) wait until the writer has not edited the document
 * for this long: filling a snippet or a fix's tab stops does not light up every blank under the
 * cursor, and a pause shows them all.
 */
const PLACEHOLDER_PAUSE_MS = 2000;
const PLACEHOLDER_RULES = new Set(['placeholder-left', 'claim-placeholder']);
/** Closed files re-checked at once when a change affects this few; more wait for a background pass. */
const DIRECT_RECHECK_LIMIT = 50;
/** Quiet time before a background pass over the closed files of a folder starts. */
const PASS_DELAY_MS = 300;

export interface PipelineParts {
  connection: Connection;
  service: DecisionService;
  settings: SettingsCache;
  log: (message: string) => void;
  /** Asks the client to re-request code lenses (when it supports the refresh request). */
  refreshCodeLenses: () => void;
}

/**
 * When files are checked and where their diagnostics go: open documents as they change
 * (debounced), the files a change affects (as the service announces them), and background passes
 * over closed files (published only with `problemsScope: 'workspace'`, counted for the status bar
 * either way). The checks themselves are the service's.
 */
export class DiagnosticsPipeline {
  private readonly scheduler: DiagnosticsScheduler;
  private readonly publisher: Publisher;
  /** When each open document was last edited (not opened): placeholder diagnostics wait for a pause. */
  private readonly lastEdit = new Map<string, number>();
  private readonly pauseTimers = new Map<string, NodeJS.Timeout>();
  readonly counts = new ProblemCounts();
  readonly status: StatusReporter;
  /**
   * The closed files "Check All Memos" checked, per folder: shown whatever problemsScope says until
   * the settings change. Files created later follow problemsScope, as they would have before.
   */
  private readonly showingAll = new Map<ProjectFolder, Set<string>>();
  /** Folders whose pass started by "Check All Memos" is still running: the files it checks join `showingAll`. */
  private readonly collectingAll = new Set<ProjectFolder>();
  /** Who waits for a folder's next finished pass. */
  private readonly passWaiters = new Map<ProjectFolder, (() => void)[]>();

  constructor(private readonly parts: PipelineParts) {
    const { service, connection, log } = parts;
    this.scheduler = new DiagnosticsScheduler(
      (uri, isCurrent) => this.checkOpen(uri, isCurrent),
      (e) => log(`check failed: ${describeError(e)}`),
    );
    this.publisher = new Publisher(connection, (uri) => service.documents.get(uri) !== undefined, log);
    this.status = new StatusReporter(connection, () => service.folders.all, () => this.counts.totals(service.folders.all), log);
    service.onDidChange((change) => this.follow(change));
  }

  /** A document was opened (checked at once) or changed (checked after the debounce). */
  documentChanged(uri: string, opened: boolean): void {
    const folder = this.parts.service.folders.folderFor(uri);
    const delay = opened || !folder ? 0 : (this.parts.settings.peek(folder)?.debounceMs ?? DEFAULT_SETTINGS.debounceMs);
    if (!opened) this.lastEdit.set(uri, Date.now());
    this.scheduler.schedule(uri, delay);
  }

  /** A document was closed: the folder goes back to the disk, and the file shows what the scope allows. */
  async documentClosed(uri: string): Promise<void> {
    this.scheduler.cancel(uri);
    this.lastEdit.delete(uri);
    clearTimeout(this.pauseTimers.get(uri));
    this.pauseTimers.delete(uri);
    const change = this.parts.service.documentClosed(uri);
    const folder = change?.folder;
    const rel = folder?.relative(uri);
    if (!folder || rel === undefined) return this.publisher.publish(uri, [], undefined);
    const settings = await this.parts.settings.get(folder);
    this.publishClosed(folder, rel, settings);
  }

  private async checkOpen(uri: string, isCurrent: () => boolean): Promise<void> {
    const { service } = this.parts;
    const folder = service.folders.folderFor(uri);
    if (!folder || folder.relative(uri) === undefined) {
      this.publisher.publish(uri, [], undefined, service.documents.get(uri)?.version);
      return;
    }
    const settings = await this.parts.settings.get(folder);
    const doc = service.documents.get(uri);
    if (!isCurrent() || !doc) return;
    if (!settings.enable) {
      this.publisher.publish(uri, [], folder, doc.version);
      return;
    }
    const result = service.checkDocument(uri);
    if (!result) return;
    this.counts.set(folder, result.rel, result.diagnostics);
    this.status.update();
    const shown = this.withoutBlanksWhileTyping(uri, result.diagnostics);
    this.publisher.publish(uri, shown.map((d) => toLspDiagnostic(d, (f) => folder.uriOf(f))), folder, result.version);
  }

  /** Leaves placeholder diagnostics out while the document is being edited, and checks again when the pause is over. */
  private withoutBlanksWhileTyping(uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
    const since = Date.now() - (this.lastEdit.get(uri) ?? 0);
    if (since >= PLACEHOLDER_PAUSE_MS || !diagnostics.some((d) => PLACEHOLDER_RULES.has(d.rule))) return diagnostics;
    clearTimeout(this.pauseTimers.get(uri));
    this.pauseTimers.set(
      uri,
      setTimeout(() => {
        this.pauseTimers.delete(uri);
        this.scheduler.schedule(uri, 0);
      }, PLACEHOLDER_PAUSE_MS - since),
    );
    return diagnostics.filter((d) => !PLACEHOLDER_RULES.has(d.rule));
  }

  /** The files with errors or warnings (counted whether or not they are published), for the status bar and the Decisions view. */
  async problems(params: ProblemsParams | undefined): Promise<ProblemsResult> {
    const { service } = this.parts;
    const wanted = params?.folder === undefined ? service.folders.all : [service.folders.existingFolderFor(params.folder)].filter((f): f is ProjectFolder => f !== undefined);
    const files: FileProblems[] = [];
    let scope: ProblemsResult['problemsScope'] = 'workspace';
    for (const folder of wanted) {
      if ((await this.parts.settings.get(folder)).problemsScope !== 'workspace') scope = 'openFiles';
      for (const p of this.counts.filesWithProblems(folder)) files.push({ uri: folder.uriOf(p.rel), file: p.rel, errors: p.errors, warnings: p.warnings });
    }
    files.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.uri < b.uri ? -1 : 1));
    return { files, problemsScope: scope };
  }

  /** "Check All Memos": every closed file of the folders checked and shown, then their problems. */
  async checkAll(params: ProblemsParams | undefined): Promise<ProblemsResult> {
    const { service } = this.parts;
    const wanted = params?.folder === undefined ? service.folders.all : [service.folders.existingFolderFor(params.folder)].filter((f): f is ProjectFolder => f !== undefined);
    await Promise.all(
      wanted.map(
        (folder) =>
          new Promise<void>((resolve) => {
            if (!this.showingAll.has(folder)) this.showingAll.set(folder, new Set());
            this.collectingAll.add(folder);
            // The next finished pass of the folder (a change may replace this one) ends the collection.
            this.passWaiters.set(folder, [...(this.passWaiters.get(folder) ?? []), resolve]);
            this.recheckOpen(folder);
            this.requestPass(folder, 0);
          }),
      ),
    );
    const result = await this.problems(params);
    return { ...result, problemsScope: 'workspace' };
  }

  private passFinished(folder: ProjectFolder): void {
    const waiters = this.passWaiters.get(folder) ?? [];
    this.passWaiters.delete(folder);
    this.collectingAll.delete(folder);
    for (const w of waiters) w();
  }

  /** What a change affects, as the service announced it: the one place effects are applied. */
  private follow({ folder, affected, source }: FolderChange): void {
    if (affected.citationsChanged) this.parts.refreshCodeLenses();
    if (affected.removed.length > 0) this.forgetFiles(folder, affected.removed);
    if (affected.reindex) return this.reindex(folder, false);
    if (affected.all) {
      this.recheckOpen(folder, source);
      this.requestPass(folder);
      this.parts.refreshCodeLenses();
    } else if (affected.files.length > 0) this.recheckFiles(folder, affected.files);
  }

  /**
   * Indexes a folder in the background: once every memo is known (front matter), the open
   * documents are checked again against it; once the bodies are read, everything is.
   */
  reindex(folder: ProjectFolder, reloadSharedFiles: boolean): void {
    const ready = () => {
      this.recheckOpen(folder);
      this.parts.refreshCodeLenses();
    };
    this.parts.service
      .index(folder, () => this.status.update(), reloadSharedFiles, ready)
      .then((finished) => {
        if (!finished) return;
        this.recheckOpen(folder);
        this.requestPass(folder, 0);
        this.parts.refreshCodeLenses();
      })
      .catch((e: unknown) => this.parts.log(`indexing ${folder.uri} failed: ${describeError(e)}`));
  }

  /** Re-checks every open document of a folder (except the one whose change caused it). */
  private recheckOpen(folder: ProjectFolder, except?: string): void {
    const { service } = this.parts;
    for (const doc of service.documents.all()) {
      if (doc.uri !== except && service.folders.existingFolderFor(doc.uri) === folder) this.scheduler.schedule(doc.uri, 0);
    }
  }

  /** Re-checks some files: open ones through the scheduler, closed ones now (or in a pass when many). */
  private recheckFiles(folder: ProjectFolder, files: string[]): void {
    const closed: string[] = [];
    for (const rel of files) {
      const doc = folder.openDocument(rel);
      if (doc) this.scheduler.schedule(doc.uri, 0);
      else closed.push(rel);
    }
    if (closed.length === 0) return;
    if (closed.length > DIRECT_RECHECK_LIMIT) return this.requestPass(folder);
    void this.parts.settings.get(folder).then((settings) => {
      for (const rel of closed) if (!folder.openDocument(rel)) this.publishClosed(folder, rel, settings);
      this.status.update();
    });
  }

  /** Files that left the workspace: their diagnostics go, unless they are open. */
  private forgetFiles(folder: ProjectFolder, files: string[]): void {
    for (const rel of files) {
      this.counts.delete(folder, rel);
      if (!folder.openDocument(rel)) this.publisher.publish(folder.uriOf(rel), [], undefined);
    }
    this.status.update();
  }

  /** Checks every closed memo and tenet file of a folder in the background. */
  requestPass(folder: ProjectFolder, delayMs = PASS_DELAY_MS): void {
    let settings: DecisionMemosSettings = DEFAULT_SETTINGS;
    const fresh = new Map<string, [number, number]>();
    const files = () => {
      const ws = folder.ws;
      const set = new Set([...ws.memos.all.map((m) => m.file), ...ws.registry.tenetFiles.map((f) => f.file), ...ws.unreadable.keys(), ...folder.settingsFiles()]);
      return [...set].filter((rel) => !folder.openDocument(rel));
    };
    const start = () =>
      this.scheduler.pass(folder.uri, delayMs, files, (rel) => this.publishClosed(folder, rel, settings, fresh), () => {
        // Open documents keep their counts; closed files take the pass's fresh numbers.
        const open = this.parts.service.documents
          .all()
          .map((d) => folder.relative(d.uri))
          .filter((rel): rel is string => rel !== undefined);
        this.counts.replace(folder, fresh, open);
        this.status.update();
        this.passFinished(folder);
      }, (run) => inOneState(folder.ws.fs, run));
    void this.parts.settings.get(folder).then((s) => {
      settings = s;
      if (s.enable) start();
      else this.clearFolder(folder);
    });
  }

  /** Settings changed: clear what is no longer wanted and re-check everything. */
  async settingsChanged(pushedSettings: unknown): Promise<void> {
    const { service } = this.parts;
    this.parts.settings.clear(pushedSettings);
    // "Check All Memos" lasts until the settings say again what Problems should show.
    this.showingAll.clear();
    this.collectingAll.clear();
    for (const folder of service.folders.all) {
      const settings = await this.parts.settings.get(folder);
      if (!settings.enable) {
        this.clearFolder(folder);
        continue;
      }
      if (settings.problemsScope !== 'workspace') {
        for (const uri of this.publisher.shownIn(folder)) {
          const rel = folder.relative(uri);
          if (!service.documents.get(uri) && rel !== undefined && !folder.isConfigOrPeople(rel)) this.publisher.publish(uri, [], undefined);
        }
      }
      this.recheckOpen(folder);
      this.requestPass(folder, 0);
    }
    this.parts.refreshCodeLenses();
  }

  /** Removes every diagnostic of a folder (it was removed, or the checker is disabled for it). */
  clearFolder(folder: ProjectFolder): void {
    const { service } = this.parts;
    this.scheduler.cancelPass(folder.uri);
    for (const uri of this.publisher.shownIn(folder)) this.publisher.publish(uri, [], undefined);
    for (const doc of service.documents.all()) if (service.folders.existingFolderFor(doc.uri) === folder) this.publisher.publish(doc.uri, [], undefined, doc.version);
    this.counts.clearFolder(folder);
    this.status.update();
    this.passFinished(folder);
  }

  dispose(): void {
    for (const t of this.pauseTimers.values()) clearTimeout(t);
    this.scheduler.dispose();
    this.status.dispose();
  }

  /** Checks a closed file and publishes it when the settings ask for it (config and people files always). */
  private publishClosed(folder: ProjectFolder, rel: string, settings: DecisionMemosSettings, fresh?: Map<string, [number, number]>): void {
    const uri = folder.uriOf(rel);
    if (!settings.enable) return this.publisher.publish(uri, [], undefined);
    const diagnostics = this.parts.service.checkFile(folder, rel);
    if (fresh) fresh.set(rel, tally(diagnostics));
    else {
      this.counts.set(folder, rel, diagnostics);
      this.status.update();
    }
    const shownByCheckAll = this.showingAll.get(folder);
    if (this.collectingAll.has(folder)) shownByCheckAll?.add(rel);
    const visible = settings.problemsScope === 'workspace' || shownByCheckAll?.has(rel) === true || folder.isConfigOrPeople(rel);
    if (visible) this.publisher.publish(uri, diagnostics.map((d) => toLspDiagnostic(d, (f) => folder.uriOf(f))), folder);
    else this.publisher.clear(uri);
  }
}
