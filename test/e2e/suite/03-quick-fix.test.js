const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, openFile, ruleOf, waitForDiagnostics } = require('./helpers');

const MEMO = 'decisions/0003-retire-legacy-export.md';

/**
 * Asks every code action provider for actions on `range` and picks the quick fix whose title
 * matches. VS Code cancels the whole request when the set of registered providers changes while it
 * runs (other extensions still activating after startup), which drops our answer; such a request is
 * repeated, a few times at most. The API command returns actions without their diagnostics, so the
 * fix is recognised by kind and title.
 */
async function requestQuickFix(uri, range, title) {
  let actions = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range)) || [];
    const fix = actions.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && title.test(a.title));
    if (fix) return { actions, fix };
  }
  return { actions, fix: undefined };
}

describe('quick fixes', () => {
  before(activateAndWaitForIndex);

  it('offers "add owners" on owner-missing and applying it inserts only the owners lines', async () => {
    const { document } = await openFile(MEMO);
    const before = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing');
    const problem = diagnostics.find((d) => ruleOf(d) === 'owner-missing');

    const { actions, fix } = await requestQuickFix(document.uri, problem.range, /^Add an owner/);
    const described = actions.map((a) => `${a.kind && a.kind.value}: ${a.title}`);
    assert.ok(fix, `a quick fix for owner-missing; got ${JSON.stringify(described)}`);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit applied');

    // The owners lines go beside the memo's status and date; every other byte stays.
    const expected = before.replace(/(\ndate: [^\n]*\n)/, '$1owners:\n  - OWNER\n');
    assert.notStrictEqual(expected, before, 'fixture has the expected shape');
    assert.strictEqual(document.getText(), expected);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing to clear after the fix');
  });
});
