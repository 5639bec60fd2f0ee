// Entry point of the VS Code extension: starts the bundled language server, shows the workspace
// state in the status bar and registers the commands. Everything the checker knows lives in the
// server; this side only wires VS Code to it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPEN_FILE_COMMAND, STATUS_NOTIFICATION, type AuditResult, type ProblemsResult, type StatusParams } from '../../server/src/shared/protocol';
import { AuditReports } from './auditReports';
import { DecisionsTreeProvider, registerDecisionsView, type DecisionNode } from './decisionsView';
import { registerInsertLineCommands } from './insertLines';
import { createLanguageClient } from './languageClient';
import { registerNewMemoCommand } from './newMemo';
import { registerFrontMatterOnEnter } from './onEnter';
import { fetchProblems, registerCheckAllCommand, registerShowProblemsCommand } from './problems';
import { registerShowReferencesCommand } from './showReferences';
import { StatusBar } from './statusBar';
import { registerTaskProvider } from './tasks';
import { registerWalkthroughCommands } from './walkthrough';
import { registerShowTenetUsageCommand, TenetUsagePanel } from './tenetUsagePanel';

/** What `activate` returns: lets the end-to-end tests wait for the server instead of sleeping. */
export interface DecisionMemosApi {
  /** Resolves once the server has reported a finished index (status `ready`, every memo body read). */
  whenIndexed(): Promise<void>;
  /** The audit report of a folder (the first when none is given), as the panel and the Decisions view get it. */
  auditReport(folder?: vscode.Uri): Promise<AuditResult>;
  /** The Decisions view's data (tests walk its nodes). */
  decisionsTree: vscode.TreeDataProvider<DecisionNode>;
  /** Handles a message as if the Tenet Usage webview had posted it; resolves to whether a file opened. */
  postToTenetUsage(message: unknown): Promise<boolean>;
  /** The files with problems, as the status bar's list shows them. */
  problems(): Promise<ProblemsResult>;
  /** Resolves with the problems once `predicate` holds, asking again after each status the server sends. */
  waitForProblems(predicate: (result: ProblemsResult) => boolean): Promise<ProblemsResult>;
}

let client: LanguageClient | undefined;
/** Tests waiting for the problem counts to reach a state (see `waitForProblems`). */
const problemWaiters = new Set<() => void>();

/** Called by VS Code on the first activation event. */
export async function activate(context: vscode.ExtensionContext): Promise<DecisionMemosApi> {
  client = createLanguageClient(context);
  const languageClient = client;
  const statusBar = new StatusBar();
  const indexed = new IndexedSignal();
  const auditReports = new AuditReports(() => languageClient);
  const tenetUsage = new TenetUsagePanel(auditReports);
  const decisionsTree = new DecisionsTreeProvider(auditReports, (folder) => fetchProblems(languageClient, folder));
  context.subscriptions.push(
    statusBar,
    languageClient.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
      statusBar.show(status);
      for (const waiter of [...problemWaiters]) waiter();
      auditReports.statusChanged(status);
      if (status.state === 'ready' && !status.reading) indexed.fire();
    }),
    auditReports,
    tenetUsage,
    decisionsTree,
    registerShowTenetUsageCommand(tenetUsage),
    ...registerDecisionsView(decisionsTree),
    vscode.workspace.onDidChangeWorkspaceFolders(() => auditReports.invalidate()),
    registerNewMemoCommand(() => languageClient),
    ...registerInsertLineCommands(),
    ...registerWalkthroughCommands(),
    ...registerFrontMatterOnEnter(),
    registerShowReferencesCommand(),
    registerShowProblemsCommand(() => languageClient),
    registerCheckAllCommand(() => languageClient),
    registerTaskProvider(context),
    // Run by a quick fix after it created a file (an evidence file from its template): open it to fill in.
    vscode.commands.registerCommand(OPEN_FILE_COMMAND, async (uri: string) => {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
    vscode.commands.registerCommand('decisionMemos.restartServer', async () => {
      statusBar.showStarting();
      await languageClient.restart();
      auditReports.invalidate();
    }),
  );
  // The Decisions view shows once the extension runs (package.json `views`, `when`).
  void vscode.commands.executeCommand('setContext', 'decisionMemos.active', true);
  statusBar.showStarting();
  try {
    await languageClient.start();
  } catch (error) {
    // The client already logged the cause to its output channel; keep the commands usable.
    statusBar.showFailed();
    indexed.fail(error);
    void vscode.window.showErrorMessage(`Decision Memos: the checker could not start (${String(error)}).`);
  }
  return {
    whenIndexed: () => indexed.promise,
    auditReport: (folder) => auditReports.get(folder),
    decisionsTree,
    postToTenetUsage: (message) => tenetUsage.handleMessage(message),
    problems: () => fetchProblems(languageClient),
    waitForProblems: (predicate) =>
      new Promise((resolve) => {
        const waiter = () =>
          void fetchProblems(languageClient).then((result) => {
            if (!predicate(result) || !problemWaiters.delete(waiter)) return;
            resolve(result);
          });
        problemWaiters.add(waiter);
        waiter();
      }),
  };
}

/** Called by VS Code on shutdown or when the extension is disabled. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** A promise that resolves the first time the server reports a finished index (or rejects if it cannot start). */
class IndexedSignal {
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;

  constructor() {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Nobody may be waiting (only tests do): a start failure must not become an unhandled rejection.
    this.promise.catch(() => {});
  }

  fire(): void {
    this.resolve();
  }

  fail(error: unknown): void {
    this.reject(error);
  }
}
