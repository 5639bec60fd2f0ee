const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, openFile, positionOf } = require('./helpers');

describe('tenet files', () => {
  before(activateAndWaitForIndex);

  it('shows "cited by N memos" above a tenet, and its command lists the citing memos', async () => {
    const { document } = await openFile('tenets/engineering.md');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
    const idLine = positionOf(document, '## ENG-LATENCY').line;
    const lens = lenses.find((l) => l.range.start.line === idLine);
    assert.ok(lens && lens.command, `a code lens on ENG-LATENCY; got ${JSON.stringify(lenses.map((l) => l.command && l.command.title))}`);
    assert.match(lens.command.title, /^cited by [1-9]\d* memos?$/);
    assert.strictEqual(lens.command.command, 'decisionMemos.showReferences');

    // The client side of the lens: the references the command shows include the citing memo.
    const [uri, position] = lens.command.arguments;
    const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character));
    assert.ok(locations.some((l) => l.uri.path.endsWith('/decisions/0001-cache-search-results.md')), JSON.stringify(locations.map((l) => l.uri.path)));
    await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });
});
