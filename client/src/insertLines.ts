import * as vscode from 'vscode';

// The body lines the checker understands, as snippets with the parts to fill as tab stops. The
// placeholders are the words the claim-placeholder rule flags while left unfilled, the same as in
// snippets/markdown.code-snippets.
export const CLAIM_LINE = 'Claim: We believe ${1:OUTCOME} because ${2:SIGNALS}.';
export const BOUNDARY_LINE = 'Boundary: This reduces uncertainty about ${1:X}; it does not prove ${2:Y}.';

/** Registers the "Insert Claim Line" and "Insert Boundary Line" commands. */
export function registerInsertLineCommands(): vscode.Disposable[] {
  // Plain commands rather than text editor commands: those run inside an edit transaction and do
  // not wait for a snippet, so `executeCommand` would resolve before the line is there.
  return [
    vscode.commands.registerCommand('decisionMemos.insertClaimLine', () => insertLine(CLAIM_LINE)),
    vscode.commands.registerCommand('decisionMemos.insertBoundaryLine', () => insertLine(BOUNDARY_LINE)),
  ];
}

/** Inserts the snippet at every cursor of the active editor (replacing a selection, like typing would). */
async function insertLine(snippet: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  return editor.insertSnippet(new vscode.SnippetString(snippet));
}
