import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions } from '../core/check/checker';
import { CONFIG_FILE } from '../core/workspace/config';
import type { Diagnostic } from '../core/types';
import { DEFAULT_SETTINGS, type DecisionMemosSettings } from '../shared/settings';
import { checkClosedFile, checkOpenDocument, settingsFileDiagnostics, type CheckEffects, type OpenDocumentModels } from './checks';
import { toLspDiagnostic } from './convert';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import type { OpenDocuments } from './documents';
import type { Folder, FolderRegistry } from './folders';
import type { SettingsCache } from './settings';
import { StatusReporter } from './statusReporter';

/** Closed files re-checked at once when a change affects this few; more wait for a background pass. */
const DIRECT_RECHECK_LIMIT = 50;
/** Quiet time before a background pass over the closed files of a folder starts. */
const PASS_DELAY_MS = 300;

export interface DiagnosticsServiceParts {
  connection: Connection;
  documents: OpenDocuments;
  folders: FolderRegistry;
  settings: SettingsCache;
  log: (message: string) => void;
  /** Asks the client to re-request code lenses (when it supports the refresh request). */
  refreshCodeLenses: () => void;
}

/** The last check of an open document: what code actions read their fixes from. */
export interface DocumentResult {
  version: number;
  folder: Folder;
  diagnostics: Diagnostic[];
}

/**
 * Decides what to check and publishes the results: open documents as they change (debounced),
 * the files a change affects, and background passes over closed files (published only with
 * `problemsScope: 'workspace'`, counted for the status bar either way).
 */
export class DiagnosticsService {
  private readonly scheduler: DiagnosticsScheduler;
  private readonly results = new Map<string, DocumentResult>();
  /** URIs with diagnostics on screen, and their folder: what must be cleared when a setting flips. */
  private readonly published = new Map<string, Folder>();
  /** Errors and warnings per folder and file, for the status bar. */
  private readonly counts = new Map<Folder, Map<string, [number, number]>>();
  readonly status: StatusReporter;

  constructor(private readonly parts: DiagnosticsServiceParts) {
    this.scheduler = new DiagnosticsScheduler(
      async (uri, isCurrent) => {
        await this.checkOpen(uri, isCurrent);
      },
      (e) => parts.log(`check failed: ${describeError(e)}`),
    );
    this.status = new StatusReporter(parts.connection, () => parts.folders.all, () => this.problemTotals(), parts.log);
  }

  /** A document was opened (checked at once) or changed (checked after the debounce). */
  documentChanged(doc: TextDocument, opened: boolean): void {
    const folder = this.parts.folders.folderFor(doc.uri);
    const delay = opened || !folder ? 0 : (this.parts.settings.peek(folder)?.debounceMs ?? DEFAULT_SETTINGS.debounceMs);
    this.scheduler.schedule(doc.uri, delay);
  }

  /** A document was closed: the index and registry go back to the disk's version. */
  async documentClosed(uri: string): Promise<void> {
    this.scheduler.cancel(uri);
    this.results.delete(uri);
    const folder = this.parts.folders.existingFolderFor(uri);
    const rel = folder?.relative(uri);
    if (!folder || rel === undefined) return this.publish(uri, [], undefined);
    const effects: CheckEffects = { all: false, reindex: false, files: [], citationsChanged: false };
    const ws = folder.ws;
    switch (folder.kindOf(rel)) {
      case 'memo': {
        const memo = ws.readMemo(rel);
        const change = memo ? folder.recordMemo(memo) : folder.forgetFile(rel);
        effects.files = change.affected;
        effects.citationsChanged = change.citationsChanged;
        break;
      }
      case 'tenet': {
        const before = ws.registry.getFile(rel)?.text;
        const onDisk = ws.readTenetFile(rel);
        if (onDisk) ws.registry.setFile(onDisk);
        else ws.registry.removeFile(rel);
        effects.all = before !== onDisk?.text;
        break;
      }
      case 'config':
      case 'people': {
        const read = ws.fs.readText(rel);
        if (folder.settingsTextChanged(rel, read.ok ? read.text : undefined)) {
          effects.all = true;
          effects.reindex = rel === CONFIG_FILE;
          if (rel === CONFIG_FILE) folder.loadSettings();
          else folder.reloadPeople();
        }
        break;
      }
    }
    const settings = await this.parts.settings.get(folder);
    this.publishClosed(folder, rel, settings);
    this.applyEffects(folder, effects, uri);
  }

  /** The last check of an open document, when it is of the document's current version. */
  resultFor(doc: TextDocument): DocumentResult | undefined {
    const r = this.results.get(doc.uri);
    return r && r.version === doc.version ? r : undefined;
  }

  /** Checks an open document now, instead of after its debounce (for requests that need fresh fixes). */
  checkNow(doc: TextDocument): Promise<DocumentResult | undefined> {
    this.scheduler.cancel(doc.uri);
    return this.checkOpen(doc.uri, () => true);
  }

  private async checkOpen(uri: string, isCurrent: () => boolean): Promise<DocumentResult | undefined> {
    const folder = this.parts.folders.folderFor(uri);
    const rel = folder?.relative(uri);
    if (!folder || rel === undefined) {
      this.publish(uri, [], undefined, this.parts.documents.get(uri)?.version);
      return undefined;
    }
    const settings = await this.parts.settings.get(folder);
    const doc = this.parts.documents.get(uri);
    if (!isCurrent() || !doc) return undefined;
    if (!settings.enable) {
      this.publish(uri, [], folder, doc.version);
      return undefined;
    }
    const outcome = checkOpenDocument(folder, rel, doc.getText(), this.options(settings), this.models(doc, rel));
    const result: DocumentResult = { version: doc.version, folder, diagnostics: outcome.diagnostics };
    this.results.set(uri, result);
    this.setCount(folder, rel, outcome.diagnostics);
    this.publish(uri, outcome.diagnostics.map((d) => toLspDiagnostic(d, (f) => folder.uriOf(f))), folder, doc.version);
    this.applyEffects(folder, outcome.effects, uri);
    return result;
  }

  private applyEffects(folder: Folder, effects: CheckEffects, changedUri: string): void {
    if (effects.citationsChanged) this.parts.refreshCodeLenses();
    if (effects.reindex) return this.reindex(folder, false);
    if (effects.all) {
      this.recheckOpen(folder, changedUri);
      this.requestPass(folder);
      this.parts.refreshCodeLenses();
    } else if (effects.files.length > 0) this.recheckFiles(folder, effects.files);
  }

  /** Indexes a folder in the background, then re-checks what it holds. */
  reindex(folder: Folder, reloadSettings: boolean): void {
    folder
      .reindex(() => this.status.update(), reloadSettings)
      .then((finished) => {
        if (!finished) return;
        this.recheckOpen(folder);
        this.requestPass(folder, 0);
        this.parts.refreshCodeLenses();
      })
      .catch((e: unknown) => this.parts.log(`indexing ${folder.uri} failed: ${describeError(e)}`));
  }

  /** Re-checks every open document of a folder (except the one whose change caused it). */
  recheckOpen(folder: Folder, except?: string): void {
    for (const doc of this.parts.documents.all()) {
      if (doc.uri !== except && this.parts.folders.existingFolderFor(doc.uri) === folder) this.scheduler.schedule(doc.uri, 0);
    }
  }

  /** Re-checks some files: open ones through the scheduler, closed ones now (or in a pass when many). */
  recheckFiles(folder: Folder, files: string[]): void {
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

  /** Files that vanished from disk: their diagnostics go, unless they are open. */
  forgetFiles(folder: Folder, files: string[]): void {
    for (const rel of files) {
      this.counts.get(folder)?.delete(rel);
      if (!folder.openDocument(rel)) this.publish(folder.uriOf(rel), [], undefined);
    }
    this.status.update();
  }

  /** Checks every closed memo and tenet file of a folder in the background. */
  requestPass(folder: Folder, delayMs = PASS_DELAY_MS): void {
    let settings: DecisionMemosSettings = DEFAULT_SETTINGS;
    const fresh = new Map<string, [number, number]>();
    const files = () => {
      const ws = folder.ws;
      const set = new Set([...ws.memos.all.map((m) => m.file), ...ws.registry.tenetFiles.map((f) => f.file), ...ws.unreadable.keys(), CONFIG_FILE, folder.peoplePath]);
      return [...set].filter((rel) => !folder.openDocument(rel));
    };
    const start = () =>
      this.scheduler.pass(folder.uri, delayMs, files, (rel) => this.publishClosed(folder, rel, settings, fresh), () => {
        // Keep the counts of open documents; closed files take the pass's fresh numbers.
        const old = this.counts.get(folder);
        for (const doc of this.parts.documents.all()) {
          const rel = folder.relative(doc.uri);
          const c = rel === undefined ? undefined : old?.get(rel);
          if (rel !== undefined && c) fresh.set(rel, c);
        }
        this.counts.set(folder, fresh);
        this.status.update();
      });
    void this.parts.settings.get(folder).then((s) => {
      settings = s;
      if (s.enable) start();
      else this.clearFolder(folder);
    });
  }

  /** Settings changed: clear what is no longer wanted and re-check everything. */
  async settingsChanged(pushedSettings: unknown): Promise<void> {
    this.parts.settings.clear(pushedSettings);
    for (const folder of this.parts.folders.all) {
      const settings = await this.parts.settings.get(folder);
      if (!settings.enable) {
        this.clearFolder(folder);
        continue;
      }
      if (settings.problemsScope !== 'workspace') {
        for (const [uri, f] of [...this.published]) {
          const rel = f.relative(uri);
          if (f === folder && !this.parts.documents.get(uri) && rel !== undefined && !isSettingsFile(folder, rel)) this.publish(uri, [], undefined);
        }
      }
      this.recheckOpen(folder);
      this.requestPass(folder, 0);
    }
    this.parts.refreshCodeLenses();
  }

  /** Removes every diagnostic of a folder (it was removed, or the checker is disabled for it). */
  clearFolder(folder: Folder): void {
    this.scheduler.cancelPass(folder.uri);
    for (const [uri, f] of [...this.published]) if (f === folder) this.publish(uri, [], undefined);
    for (const doc of this.parts.documents.all()) if (this.parts.folders.existingFolderFor(doc.uri) === folder) this.publish(doc.uri, [], undefined, doc.version);
    this.counts.delete(folder);
    this.status.update();
  }

  dispose(): void {
    this.scheduler.dispose();
    this.status.dispose();
  }

  /** Checks a closed file and publishes it when the settings ask for it (config and people files always). */
  private publishClosed(folder: Folder, rel: string, settings: DecisionMemosSettings, counts?: Map<string, [number, number]>): void {
    const uri = folder.uriOf(rel);
    if (!settings.enable) return this.publish(uri, [], undefined);
    const diagnostics = isSettingsFile(folder, rel) ? settingsFileDiagnostics(folder, rel, this.options(settings)) : checkClosedFile(folder, rel, this.options(settings));
    if (counts) counts.set(rel, tally(diagnostics));
    else this.setCount(folder, rel, diagnostics);
    const visible = settings.problemsScope === 'workspace' || isSettingsFile(folder, rel);
    if (visible) this.publish(uri, diagnostics.map((d) => toLspDiagnostic(d, (f) => folder.uriOf(f))), folder);
    else if (this.published.has(uri)) this.publish(uri, [], undefined);
  }

  private publish(uri: string, diagnostics: LspDiagnostic[], folder: Folder | undefined, version?: number): void {
    const hadDiagnostics = this.published.has(uri);
    if (diagnostics.length > 0 && folder) this.published.set(uri, folder);
    else this.published.delete(uri);
    // A closed file that showed nothing and shows nothing needs no message; open ones always get one.
    if (diagnostics.length === 0 && !hadDiagnostics && !this.parts.documents.get(uri)) return;
    void this.parts.connection.sendDiagnostics({ uri, version, diagnostics }).catch((e: unknown) => this.parts.log(`publish: ${String(e)}`));
  }

  private models(doc: TextDocument, rel: string): OpenDocumentModels {
    return { memo: () => this.parts.documents.memoModel(doc, rel), tenetFile: () => this.parts.documents.tenetFile(doc, rel) };
  }

  private options(settings: DecisionMemosSettings): CheckOptions {
    return {
      overrides: settings.rules,
      onRuleError: (rule, file, error) => this.parts.log(`rule ${rule} failed on ${file}: ${describeError(error)}`),
    };
  }

  private setCount(folder: Folder, rel: string, diagnostics: Diagnostic[]): void {
    let map = this.counts.get(folder);
    if (!map) this.counts.set(folder, (map = new Map()));
    map.set(rel, tally(diagnostics));
    this.status.update();
  }

  private problemTotals(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const [folder, map] of this.counts) {
      if (!this.parts.folders.all.includes(folder)) continue;
      for (const [e, w] of map.values()) {
        errors += e;
        warnings += w;
      }
    }
    return { errors, warnings };
  }
}

function tally(diagnostics: Diagnostic[]): [number, number] {
  let e = 0;
  let w = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') e++;
    else if (d.severity === 'warning') w++;
  }
  return [e, w];
}

function isSettingsFile(folder: Folder, rel: string): boolean {
  const kind = folder.kindOf(rel);
  return kind === 'config' || kind === 'people';
}

/** An error as text for the log: its stack when it has one. */
export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
