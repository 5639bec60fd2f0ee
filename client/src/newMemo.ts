import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_MEMO_REQUEST, type NewMemoParams, type NewMemoResult } from '../../server/src/shared/protocol';

/** Registers "Decision Memos: New Decision Memo": asks a title, lets the server pick id and path, creates the file. */
export function registerNewMemoCommand(getClient: () => LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('decisionMemos.newMemo', async () => {
    const folder = await pickFolder();
    if (!folder) return;
    const title = await vscode.window.showInputBox({
      title: 'New Decision Memo',
      prompt: 'Title of the decision',
      placeHolder: 'Use a cache for the search API',
      validateInput: (value) => (value.trim() ? undefined : 'A memo needs a title.'),
    });
    if (!title?.trim()) return;
    const params: NewMemoParams = { folder: folder.uri.toString(), title: title.trim() };
    let result: NewMemoResult;
    try {
      result = await getClient().sendRequest(NEW_MEMO_REQUEST, params);
    } catch (error) {
      void vscode.window.showErrorMessage(`Decision Memos: could not prepare a new memo (${errorMessage(error)}).`);
      return;
    }
    const uri = vscode.Uri.parse(result.uri);
    if (await exists(uri)) {
      // The server picked the next free id, so this is a race or a hand-made file: never overwrite it.
      void vscode.window.showErrorMessage(`Decision Memos: ${vscode.workspace.asRelativePath(uri)} already exists; not overwriting it.`);
      return;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.content));
    await vscode.window.showTextDocument(uri);
  });
}

/** The folder the memo goes to: the active editor's, the only one, or the user's pick. */
async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Decision Memos: open a folder to create a memo in.');
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (activeFolder) return activeFolder;
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the memo in' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
