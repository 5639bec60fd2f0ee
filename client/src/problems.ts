import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_ALL_REQUEST, PROBLEMS_REQUEST, type FileProblems, type ProblemsResult } from '../../server/src/shared/protocol';
import { SETTINGS_SECTION } from '../../server/src/shared/settings';

/** The status bar's command: where the problems it counts are. */
export const SHOW_PROBLEMS_COMMAND = 'decisionMemos.showProblems';
/** Fills Problems with every memo's problems, whatever problemsScope says. */
const CHECK_ALL_COMMAND = 'decisionMemos.checkAll';

/** The files with problems, as the server counts them (closed files included, whatever Problems shows). */
export function fetchProblems(client: LanguageClient, folder?: vscode.Uri): Promise<ProblemsResult> {
  return Promise.resolve(client.sendRequest(PROBLEMS_REQUEST, folder ? { folder: folder.toString() } : {}));
}

/** A problem count as text: `2 errors, 1 warning`. */
export function problemText(p: { errors: number; warnings: number }): string {
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [p.errors > 0 ? part(p.errors, 'error') : '', p.warnings > 0 ? part(p.warnings, 'warning') : ''].filter(Boolean).join(', ');
}

type Pick = vscode.QuickPickItem & { file?: FileProblems; showAll?: boolean };

/**
 * The status bar count, clicked: a list of the files that hold the problems (a closed memo's too,
 * which Problems does not show with `problemsScope: openFiles`), and a way to show them all there.
 */
export function registerShowProblemsCommand(getClient: () => LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, async () => {
    const result = await fetchProblems(getClient());
    const picks: Pick[] = result.files.map((f) => ({
      label: `$(${f.errors > 0 ? 'error' : 'warning'}) ${f.file}`,
      description: problemText(f),
      file: f,
    }));
    if (result.problemsScope === 'openFiles') {
      picks.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(list-flat) Show every memo’s problems in the Problems view', description: 'sets decisionMemos.problemsScope to workspace', showAll: true });
    } else picks.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(list-flat) Open the Problems view', showAll: true });
    const chosen = await vscode.window.showQuickPick(picks, {
      title: 'Decision Memos: problems',
      placeHolder: result.files.length === 0 ? 'No memo or tenet file has a problem' : 'Open a file with problems',
    });
    if (!chosen) return;
    if (chosen.file) {
      await vscode.window.showTextDocument(vscode.Uri.parse(chosen.file.uri));
      return;
    }
    if (chosen.showAll && result.problemsScope === 'openFiles') {
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('problemsScope', 'workspace', vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}

/**
 * "Check All Memos": the server checks every memo and tenet file and shows their problems in the
 * Problems view (those files, until the settings change), then says how many there are.
 */
export function registerCheckAllCommand(getClient: () => LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(CHECK_ALL_COMMAND, async () => {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Decision Memos: checking all memos…' }, () =>
      Promise.resolve(getClient().sendRequest(CHECK_ALL_REQUEST, {})),
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const total = result.files.reduce((n, f) => ({ errors: n.errors + f.errors, warnings: n.warnings + f.warnings }), { errors: 0, warnings: 0 });
    const text = problemText(total);
    void vscode.window.showInformationMessage(text ? `Decision Memos: ${text} in ${result.files.length} file${result.files.length === 1 ? '' : 's'}.` : 'Decision Memos: no memo or tenet file has an error or a warning.');
    return result;
  });
}
