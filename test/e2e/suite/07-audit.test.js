const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, fileUri, openFile, withTimeout } = require('./helpers');

const VIEW_TYPE = 'decisionMemos.tenetUsage';
const TIMEOUT_MS = 30000;

/** The extension's API (activate's return value). */
async function api() {
  return (await activateAndWaitForIndex()).exports;
}

/** The Tenet Usage tab, if one is open (VS Code may prefix the view type of extension webviews). */
function tenetUsageTab() {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && (tab.input.viewType === VIEW_TYPE || tab.input.viewType.endsWith(`-${VIEW_TYPE}`)));
}

/** Resolves once `check()` returns something truthy; checks now and whenever `event` fires. */
function when(event, check, description) {
  let subscription;
  const settled = new Promise((resolve, reject) => {
    const attempt = () => {
      Promise.resolve()
        .then(check)
        .then((value) => value && resolve(value), reject);
    };
    subscription = event(attempt);
    attempt();
  });
  return withTimeout(settled, TIMEOUT_MS, description).finally(() => subscription.dispose());
}

/** The memos the fixture holds now (an earlier suite adds one with New Decision Memo). */
async function memoFileCount() {
  return (await vscode.workspace.findFiles('decisions/**/*.md')).length;
}

/** Labels (and descriptions) of a tree node's children. */
async function childrenOf(tree, node) {
  const nodes = await tree.getChildren(node);
  return nodes.map((n) => ({ node: n, item: tree.getTreeItem(n) }));
}

const citations = (report) => Object.fromEntries(report.tenets.map((t) => [t.id, t.citations]));

describe('tenet usage audit', () => {
  before(activateAndWaitForIndex);

  it('Show Tenet Usage opens the report in a webview panel', async () => {
    await openFile('decisions/0001-cache-search-results.md');
    await vscode.commands.executeCommand('decisionMemos.showTenetUsage');
    const tab = await when(vscode.window.tabGroups.onDidChangeTabs, tenetUsageTab, 'the Tenet Usage tab');
    assert.strictEqual(tab.label, 'Tenet Usage');

    const report = await (await api()).auditReport();
    const memos = await memoFileCount();
    assert.strictEqual(report.root, vscode.workspace.workspaceFolders[0].uri.fsPath);
    assert.strictEqual(report.memos, memos);
    assert.strictEqual(report.citing, 2, '0001 and 0002 cite ENG-LATENCY; no other memo cites a tenet');
    assert.strictEqual(report.byStatus.proposed, 1);
    assert.strictEqual(report.byStatus.draft, memos - 1);
    assert.deepStrictEqual(citations(report), { 'ENG-LATENCY': 2, 'CO-TRUST': 0, 'ENG-BORING': 0 });
    assert.deepStrictEqual(report.uncited, ['CO-TRUST', 'ENG-BORING']);
    assert.deepStrictEqual(
      report.tenets.map((t) => [t.id, t.layer, t.file]).sort(),
      [['CO-TRUST', 'company', 'tenets.yaml'], ['ENG-BORING', 'function', 'tenets/engineering.md'], ['ENG-LATENCY', 'function', 'tenets/engineering.md']],
    );
    assert.deepStrictEqual(report.evidence.costly, { memos: 1, meeting: 1, required: 1 });
  });

  it('a click in the panel opens the memo, or the tenet at its definition, and nothing outside the folder', async () => {
    const { postToTenetUsage } = await api();
    assert.strictEqual(await postToTenetUsage({ type: 'open', file: 'decisions/0004-pick-a-queue.md' }), true);
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), fileUri('decisions/0004-pick-a-queue.md').toString());

    assert.strictEqual(await postToTenetUsage({ type: 'open', file: 'tenets/engineering.md', tenet: 'ENG-BORING' }), true);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.uri.toString(), fileUri('tenets/engineering.md').toString());
    assert.strictEqual(editor.document.lineAt(editor.selection.start.line).text, '## ENG-BORING: proven tools over new ones');
    assert.strictEqual(editor.document.getText(editor.selection), 'ENG-BORING');

    // Paths that leave the folder, URIs, and files the report does not list are refused.
    for (const file of ['../outside.md', '/etc/passwd', 'decisions/../../outside.md', 'file:///etc/passwd', 'decisions\\..\\..\\outside.md', 'evidence/slo-report.md', '', 42]) {
      assert.strictEqual(await postToTenetUsage({ type: 'open', file }), false, `refused ${JSON.stringify(file)}`);
    }
    assert.strictEqual(await postToTenetUsage({ type: 'run', file: 'decisions/0004-pick-a-queue.md' }), false, 'only `open` messages');
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), fileUri('tenets/engineering.md').toString(), 'nothing else opened');
  });

  it('the Decisions view lists memos by status and tenets by layer with their citations', async () => {
    const { decisionsTree: tree } = await api();
    const top = await childrenOf(tree);
    assert.deepStrictEqual(top.map((c) => c.item.label), ['Memos', 'Tenets']);
    const memos = await memoFileCount();
    assert.strictEqual(top[0].item.description, String(memos));

    const statuses = await childrenOf(tree, top[0].node);
    assert.deepStrictEqual(statuses.map((c) => [c.item.label, c.item.description]), [['draft', String(memos - 1)], ['proposed', '1']]);
    const proposed = await childrenOf(tree, statuses[1].node);
    assert.deepStrictEqual(proposed.map((c) => [c.item.label, c.item.description]), [['0001: Cache search results', '2026-05-01']]);
    assert.ok(proposed[0].item.command, 'a memo opens on click');

    const layers = await childrenOf(tree, top[1].node);
    assert.deepStrictEqual(layers.map((c) => [c.item.label, c.item.description]), [['Company', '1'], ['Function', '2']]);
    const functionTenets = await childrenOf(tree, layers[1].node);
    assert.deepStrictEqual(functionTenets.map((c) => [c.item.label, c.item.description]), [['ENG-LATENCY', '2 citations'], ['ENG-BORING', 'uncited']]);

    // A tenet item opens its file at the definition.
    const { command } = functionTenets[0].item;
    await vscode.commands.executeCommand(command.command, ...command.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor.document.uri.toString(), fileUri('tenets/engineering.md').toString());
    assert.strictEqual(editor.document.getText(editor.selection), 'ENG-LATENCY');
  });

  it('the view and the report follow the workspace: a new memo citing a tenet is counted', async () => {
    const { decisionsTree: tree, auditReport } = await api();
    const memo = ['---', 'id: "0042"', 'title: Keep Postgres', 'status: proposed', 'date: 2026-06-01', 'owners: [bob]', 'tenets: [ENG-BORING]', '---', '', '# Keep Postgres', ''].join('\n');
    await vscode.workspace.fs.writeFile(fileUri('decisions/0042-keep-postgres.md'), new TextEncoder().encode(memo));
    const report = await when(tree.onDidChangeTreeData, async () => {
      const r = await auditReport();
      return citations(r)['ENG-BORING'] === 1 ? r : undefined;
    }, 'the report to count the new memo citing ENG-BORING');
    assert.deepStrictEqual(report.uncited, ['CO-TRUST']);
    assert.strictEqual(report.memos, await memoFileCount());

    const [, tenets] = await childrenOf(tree);
    const [, fn] = await childrenOf(tree, tenets.node);
    const items = await childrenOf(tree, fn.node);
    assert.deepStrictEqual(items.map((c) => [c.item.label, c.item.description]), [['ENG-LATENCY', '2 citations'], ['ENG-BORING', '1 citation']]);
    assert.ok(tenetUsageTab(), 'the panel is still open');
  });
});
