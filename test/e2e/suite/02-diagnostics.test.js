const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, diagnosticsOf, openFile, ruleOf, waitForDiagnostics } = require('./helpers');

const MEMO = 'decisions/0002-adopt-feature-flags.md';

describe('diagnostics', () => {
  before(activateAndWaitForIndex);

  it('reports owner-missing on a memo without owners, then clears it when owners are added', async () => {
    const { document } = await openFile(MEMO);
    assert.strictEqual(document.languageId, 'markdown');
    const [problem] = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing');
    const ownerMissing = diagnosticsOf(document.uri, 'owner-missing')[0];
    assert.ok(problem && ownerMissing);
    assert.strictEqual(ownerMissing.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(ownerMissing.source, 'decision-memos');
    assert.match(ownerMissing.message, /owner/i);
    assert.ok(ownerMissing.code && typeof ownerMissing.code === 'object' && /owner-missing/.test(String(ownerMissing.code.target)), 'the code links the rule doc page');

    // Type the fix by hand (an unsaved edit): the server re-checks the open document.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.getText().split('\n').indexOf('reversibility: two-way'), 0), 'owners: [alice]\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing to clear');
  });

  it('reports no warning or error on a complete memo', async () => {
    const { document } = await openFile('decisions/0001-cache-search-results.md');
    // "Nothing" is only meaningful once the server has checked this text: break the memo, see the
    // problem, undo, and the check that clears it is the one to judge.
    const ownersLine = document.getText().split('\n').indexOf('owners: [alice]');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, new vscode.Range(ownersLine, 0, ownersLine + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing after removing owners');
    await vscode.commands.executeCommand('undo');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing to clear after undo');
    assert.strictEqual(document.isDirty, false, 'undo restored the saved text');
    const serious = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => `${ruleOf(d)}: ${d.message}`);
    assert.deepStrictEqual(serious, []);
  });
});
