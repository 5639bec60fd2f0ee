import * as vscode from 'vscode';
import { STARTER_CONFIG, STARTER_PEOPLE, STARTER_TENETS, type StarterFile } from '../../server/src/shared/starterFiles';

/** The walkthrough's commands: each writes a starter file into the first workspace folder (never over an existing one) and opens it. */
export function registerWalkthroughCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('decisionMemos.createConfig', () => createAndOpen(STARTER_CONFIG)),
    vscode.commands.registerCommand('decisionMemos.createTenetFile', () => createAndOpen(STARTER_TENETS)),
    vscode.commands.registerCommand('decisionMemos.createPeopleFile', () => createAndOpen(STARTER_PEOPLE)),
  ];
}

async function createAndOpen(starter: StarterFile): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Decision Memos: open a folder first; the files go into it.');
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, ...starter.path.split('/'));
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starter.content));
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
