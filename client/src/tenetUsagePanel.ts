import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../server/src/shared/audit/escape';
import { renderHtml } from '../../server/src/shared/audit/renderHtml';
import type { AuditResult } from '../../server/src/shared/protocol';
import type { AuditReports } from './auditReports';
import { openAuditEntry } from './openAuditEntry';

/** The webview's view type (tabs show it as `TabInputWebview.viewType`, possibly prefixed). */
const TENET_USAGE_VIEW_TYPE = 'decisionMemos.tenetUsage';
const SHOW_TENET_USAGE_COMMAND = 'decisionMemos.showTenetUsage';

/**
 * The "Tenet Usage" webview: the audit page the CLI writes with `--format html`, drawn from the
 * server's live index and redrawn when the workspace changes. Its only script (allowed by a fresh
 * nonce per render) posts `{ type: 'open', file, tenet }` on clicks; files open beside the panel.
 */
export class TenetUsagePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: vscode.WorkspaceFolder | undefined;
  private report: AuditResult | undefined;
  /** The report text last drawn: an unchanged report is not redrawn (that would reset the scroll). */
  private drawn: string | undefined;
  /** The report went stale while the panel was hidden: redraw when it shows again. */
  private stale = false;
  /** Only the newest request may draw; an older answer arriving late is dropped. */
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly reports: AuditReports) {
    this.subscriptions.push(reports.onDidChange(() => this.reportsChanged()));
  }

  /** Opens the panel on a folder (or reveals it, switching folder) and draws the current report. */
  async show(folder: vscode.WorkspaceFolder): Promise<void> {
    const switched = this.folder?.uri.toString() !== folder.uri.toString();
    this.folder = folder;
    if (!this.panel) {
      this.panel = this.createPanel();
    } else {
      this.panel.reveal();
    }
    this.panel.title = panelTitle(folder);
    if (switched) {
      this.report = undefined;
      this.drawn = undefined;
      this.panel.webview.html = messagePage('Computing the tenet usage audit…');
    }
    await this.refresh();
  }

  /** The panel exists (tests). */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /**
   * Handles a message from the webview. Only `{ type: 'open', file, tenet? }` naming a file of the
   * drawn report inside the folder opens anything; returns whether a file was opened.
   */
  async handleMessage(message: unknown): Promise<boolean> {
    if (!this.folder || !this.report || typeof message !== 'object' || message === null) return false;
    const { type, file, tenet } = message as { type?: unknown; file?: unknown; tenet?: unknown };
    if (type !== 'open') return false;
    try {
      return await openAuditEntry({ folder: this.folder.uri, file, tenet }, this.report, vscode.ViewColumn.Beside);
    } catch (error) {
      void vscode.window.showErrorMessage(`Decision Memos: could not open ${String(file)} (${errorMessage(error)}).`);
      return false;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(TENET_USAGE_VIEW_TYPE, 'Tenet Usage', vscode.ViewColumn.Active, {
      // The one script is the page's click handler, allowed by its nonce in the page's CSP.
      enableScripts: true,
      // The page is self-contained: it loads nothing, local or remote.
      localResourceRoots: [],
      enableFindWidget: true,
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.folder = undefined;
      this.report = undefined;
      this.drawn = undefined;
      this.generation++;
    });
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.refresh();
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message));
    return panel;
  }

  private reportsChanged(): void {
    if (!this.panel) return;
    if (this.panel.visible) void this.refresh();
    else this.stale = true;
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const folder = this.folder;
    if (!panel || !folder) return;
    this.stale = false;
    const generation = ++this.generation;
    let report: AuditResult;
    try {
      report = await this.reports.get(folder.uri);
    } catch (error) {
      if (generation !== this.generation) return;
      this.drawn = undefined;
      panel.webview.html = messagePage(`The audit could not be computed: ${errorMessage(error)}. It is tried again when the workspace changes.`);
      return;
    }
    if (generation !== this.generation) return;
    this.report = report;
    const text = JSON.stringify(report);
    if (text === this.drawn) return;
    this.drawn = text;
    panel.webview.html = renderHtml(report, { webview: { nonce: newNonce(), cspSource: panel.webview.cspSource } });
  }
}

/** Registers "Decision Memos: Show Tenet Usage". */
export function registerShowTenetUsageCommand(panel: TenetUsagePanel): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_TENET_USAGE_COMMAND, async (folderUri?: vscode.Uri) => {
    const folder = await pickFolder(folderUri);
    if (folder) await panel.show(folder);
  });
}

/** The folder to audit: the one given, the active editor's, the only one, or the user's pick. */
async function pickFolder(given: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Decision Memos: open a folder to audit its tenet usage.');
    return undefined;
  }
  const fromArgument = given instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(given) : undefined;
  if (fromArgument) return fromArgument;
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (activeFolder) return activeFolder;
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to audit' });
}

function panelTitle(folder: vscode.WorkspaceFolder): string {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `Tenet Usage: ${folder.name}` : 'Tenet Usage';
}

/** A fresh nonce for each render: a page never reuses the nonce of one drawn before. */
function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** A page with one line of text (loading, or why there is no report): no script at all. */
function messagePage(text: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-descriptionForeground);margin:24px}</style>
</head><body><p>${escapeHtml(text)}</p></body></html>`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
