const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, activateAndWaitForIndex } = require('./helpers');

describe('extension', () => {
  it('activates in the fixture workspace and reaches a finished index', async () => {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, remote: ${vscode.env.remoteName ?? 'none'})`);
    const ext = await activateAndWaitForIndex();
    assert.strictEqual(ext.id, EXTENSION_ID);
    assert.ok(ext.isActive, 'extension should be active');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['decisionMemos.newMemo', 'decisionMemos.insertClaimLine', 'decisionMemos.insertBoundaryLine', 'decisionMemos.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });
});
