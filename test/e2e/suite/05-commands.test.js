const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, EXTENSION_ID, fileUri, openFile, ruleOf, waitForDiagnostics, withTimeout } = require('./helpers');

/** Appends a line break to the document and puts the cursor on the new, empty last line. */
async function cursorOnNewLastLine(document, editor) {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n');
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
}

describe('commands', () => {
  before(activateAndWaitForIndex);

  it('Insert Claim Line inserts the claim template at the cursor', async () => {
    const { document, editor } = await openFile('decisions/0004-pick-a-queue.md');
    await cursorOnNewLastLine(document, editor);
    await vscode.commands.executeCommand('decisionMemos.insertClaimLine');
    assert.strictEqual(document.lineAt(document.lineCount - 1).text, 'Claim: We believe OUTCOME because SIGNALS.');
    // The first placeholder is selected, ready to type over.
    assert.strictEqual(document.getText(editor.selection), 'OUTCOME');
    // Left unfilled, the placeholders are flagged.
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'claim-placeholder'), 'claim-placeholder on the unfilled claim');
  });

  it('Insert Boundary Line inserts the boundary template at the cursor', async () => {
    const { document, editor } = await openFile('decisions/0004-pick-a-queue.md');
    await cursorOnNewLastLine(document, editor);
    await vscode.commands.executeCommand('decisionMemos.insertBoundaryLine');
    assert.strictEqual(document.lineAt(document.lineCount - 1).text, 'Boundary: This reduces uncertainty about X; it does not prove Y.');
  });

  it('New Decision Memo asks a title, creates the memo with the next id and opens it', async () => {
    const originalShowInputBox = vscode.window.showInputBox;
    const prompts = [];
    vscode.window.showInputBox = async (options) => {
      prompts.push(options);
      return 'Use Postgres for billing';
    };
    try {
      await openFile('decisions/0001-cache-search-results.md');
      await vscode.commands.executeCommand('decisionMemos.newMemo');
    } finally {
      vscode.window.showInputBox = originalShowInputBox;
    }
    assert.strictEqual(prompts.length, 1, 'asked for a title once');
    const expected = fileUri('decisions/0005-use-postgres-for-billing.md');
    const stat = await vscode.workspace.fs.stat(expected);
    assert.strictEqual(stat.type, vscode.FileType.File);
    const active = vscode.window.activeTextEditor;
    assert.ok(active, 'an editor is active');
    assert.strictEqual(active.document.uri.toString(), expected.toString());
    assert.match(active.document.getText(), /title: Use Postgres for billing/);
  });

  it('Check All Memos fills Problems with the closed memos’ problems, whatever problemsScope says', async () => {
    // A memo no editor has opened, with a missing owner: counted, but not in Problems (openFiles scope).
    const rel = 'decisions/0090-closed-check-all.md';
    const uri = fileUri(rel);
    const text = ['---', 'id: "0090"', 'title: Closed until checked', 'status: proposed', 'tenets: [ENG-LATENCY]', 'evidence: [https://example.com/cpu]', '---', '', '# Closed until checked', '', 'Nobody owns this yet.', ''];
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text.join('\n')));
    const api = vscode.extensions.getExtension(EXTENSION_ID).exports;
    try {
      const counted = await withTimeout(api.waitForProblems((r) => r.files.some((f) => f.file === rel)), 20000, `${rel} counted`);
      assert.strictEqual(counted.problemsScope, 'openFiles');
      assert.strictEqual(vscode.languages.getDiagnostics(uri).length, 0, 'not in Problems before Check All');
      const result = await vscode.commands.executeCommand('decisionMemos.checkAll');
      assert.ok(result.files.some((f) => f.file === rel), `Check All answers with the memo: ${JSON.stringify(result.files.map((f) => f.file))}`);
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'owner-missing'), `${rel} in Problems while closed`);
    } finally {
      // Later suites count the fixture's memos: this one goes, and with it its problems.
      await vscode.workspace.fs.delete(uri);
      await withTimeout(api.waitForProblems((r) => !r.files.some((f) => f.file === rel)), 20000, `${rel} forgotten`);
    }
  });
});
