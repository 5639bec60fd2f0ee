import * as vscode from 'vscode';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/shared/protocol';

/**
 * Registers the command behind the "cited by N memos" code lens: the server names the tenet's place,
 * and the memos citing it come from the reference provider, shown in the peek view.
 */
export function registerShowReferencesCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: string, position: { line: number; character: number }) => {
    const documentUri = vscode.Uri.parse(uri);
    const at = new vscode.Position(position.line, position.character);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', documentUri, at);
    await vscode.commands.executeCommand('editor.action.showReferences', documentUri, at, locations ?? []);
  });
}
