const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, hoverText, openFile, positionOf } = require('./helpers');

describe('completion and hover', () => {
  before(activateAndWaitForIndex);

  it('lists the tenets after [[ in a memo', async () => {
    const { document } = await openFile('decisions/0004-pick-a-queue.md');
    const end = document.lineAt(document.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, '- [[');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    const position = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position, '[');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const id of ['CO-TRUST', 'ENG-LATENCY', 'ENG-BORING']) {
      assert.ok(labels.some((label) => label.includes(id)), `${id} among completions ${JSON.stringify(labels.slice(0, 20))}`);
    }
  });

  it('shows the tenet statement when hovering a cited tenet id', async () => {
    const { document } = await openFile('decisions/0001-cache-search-results.md');
    const position = positionOf(document, '[[ENG-LATENCY]]', 4);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /ENG-LATENCY/);
    assert.match(text, /latency over throughput/);
  });
});
