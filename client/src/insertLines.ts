import * as vscode from 'vscode';

import { BOUNDARY_SNIPPET, CLAIM_SNIPPET } from '../../server/src/shared/vocabulary';

// The body lines the checker understands, as snippets with the parts to fill as tab stops. The
// placeholders are the words the claim-placeholder rule flags while left unfilled.

/** Registers the "Insert Claim Line" and "Insert Boundary Line" commands. */
export function registerInsertLineCommands(): vscode.Disposable[] {
  // Plain commands rather than text editor commands: those run inside an edit transaction and do
  // not wait for a snippet, so `executeCommand` would resolve before the line is there.
  return [
    vscode.commands.registerCommand('decisionMemos.insertClaimLine', () => insertLine(CLAIM_SNIPPET)),
    vscode.commands.registerCommand('decisionMemos.insertBoundaryLine', () => insertLine(BOUNDARY_SNIPPET)),
  ];
}

/** Inserts the snippet at every cursor of the active editor (replacing a selection, like typing would). */
async function insertLine(snippet: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  return editor.insertSnippet(new vscode.SnippetString(snippet));
}
