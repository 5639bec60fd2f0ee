// Writing a memo by hand, as a new user does: quick fixes that land the cursor on what to fill,
// snippets and completion that work together, one diagnostic where the front matter is broken,
// and the status bar's count leading to the files that hold the problems. Each test writes its
// own memo (this suite runs last, so the audit suite's counts are not disturbed).
const assert = require('assert');
const vscode = require('vscode');
const { activateAndWaitForIndex, EXTENSION_ID, fileUri, hoverText, openFile, ruleOf, waitForDiagnostics, withTimeout } = require('./helpers');

/** Writes a memo under decisions/editing/ and opens it in an editor. */
async function writeMemo(name, text) {
  const rel = `decisions/editing/${name}`;
  await vscode.workspace.fs.writeFile(fileUri(rel), Buffer.from(text));
  return openFile(rel);
}

/** The quick fix titled like `title` on `range` (VS Code may cancel a request while providers register: asked again). */
async function quickFix(uri, range, title) {
  let actions = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range)) || [];
    const fix = actions.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && title.test(a.title));
    if (fix) return fix;
  }
  assert.fail(`no quick fix like ${title}; got ${JSON.stringify(actions.map((a) => a.title))}`);
}

/** Resolves once the editor's selection satisfies `predicate` (checked now and on every selection change). */
function waitForSelection(editor, predicate, description) {
  return withTimeout(
    new Promise((resolve) => {
      const check = () => {
        if (!predicate(editor.selection)) return false;
        subscription.dispose();
        resolve(editor.selection);
        return true;
      };
      const subscription = vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === editor) check();
      });
      check();
    }),
    20000,
    `${description}; selection is ${JSON.stringify(editor.selection)} on "${editor.document.lineAt(editor.selection.active.line).text}"`,
  );
}

const selected = (editor) => editor.document.getText(editor.selection);
const errorsOf = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

const FRONT = ['---', 'title: Pick a log shipper', 'status: proposed', 'date: 2026-05-20', 'reversibility: two-way', 'tenets: [ENG-LATENCY]'];
const BODY = ['---', '', '# Pick a log shipper', '', '- [[ENG-LATENCY]] ✓ the shipper batches off the request path.', '', 'Claim: We believe log shipping stays under 1 % CPU because it batches.', 'Boundary: This reduces uncertainty about CPU cost; it does not prove delivery under load.', ''];

describe('writing a memo', () => {
  before(activateAndWaitForIndex);

  it('1. fixes `owners: []` with a choice of the people, the cursor on the inserted owner', async () => {
    const { document, editor } = await writeMemo('0101-empty-owners.md', [...FRONT, 'owners: []', 'evidence: [https://example.com/cpu]', ...BODY].join('\n'));
    const [problem] = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'owner-missing'), 'owner-missing on `owners: []`').then((d) => d.filter((x) => ruleOf(x) === 'owner-missing'));
    const fix = await quickFix(document.uri, problem.range, /^Add an owner/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    await waitForSelection(editor, (s) => !s.isEmpty, 'the inserted owner selected');
    assert.strictEqual(selected(editor), 'OWNER', 'the owner blank is selected, a choice of people open on it');
    assert.ok(document.getText().includes('owners: [OWNER]'));
    // And a person fix replaces the blank by name.
    await vscode.commands.executeCommand('leaveSnippet');
    const [blank] = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'placeholder-left'), 'the OWNER blank reported once the typing pauses').then((d) => d.filter((x) => ruleOf(x) === 'placeholder-left'));
    const person = await quickFix(document.uri, blank.range, /alice/);
    assert.ok(await vscode.workspace.applyEdit(person.edit));
    assert.ok(document.getText().includes('owners: [alice]'));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ['owner-missing', 'placeholder-left'].includes(ruleOf(x))), 'the owner problems to clear');
  });

  it('2. fixes `evidence: []` with a block entry: no new error, the cursor on the path', async () => {
    const { document, editor } = await writeMemo('0102-empty-evidence.md', [...FRONT, 'owners: [alice]', 'evidence: []', ...BODY].join('\n'));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'evidence-missing'), 'evidence-missing');
    const errorsBefore = errorsOf(document.uri).length;
    const fix = await quickFix(document.uri, diagnostics.find((x) => ruleOf(x) === 'evidence-missing').range, /evidence entry/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForSelection(editor, (s) => !s.isEmpty, 'the path blank selected');
    assert.strictEqual(selected(editor), 'PATH-OR-URL');
    assert.match(document.getText(), /evidence:\n {2}- path: PATH-OR-URL\n {4}limits: LIMITATION\n {4}date: \d{4}-\d{2}-\d{2}\n/);
    await vscode.commands.executeCommand('leaveSnippet');
    const after = await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'evidence-missing') && d.some((x) => ruleOf(x) === 'placeholder-left'), 'the entry checked, its blanks reported');
    assert.strictEqual(errorsOf(document.uri).length, errorsBefore, `no new error: ${JSON.stringify(after.map((d) => `${ruleOf(d)}: ${d.message}`))}`);
  });

  it('3. offers front matter entries where they are typed, and no people.yaml snippet in a memo', async () => {
    const { document } = await writeMemo('0103-entries.md', [...FRONT, 'owners: [alice]', 'evidence:', '  ', ...BODY].join('\n'));
    const line = document.getText().split('\n').indexOf('  ');
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('evidence entry'), `an evidence entry is offered: ${JSON.stringify(labels.slice(0, 20))}`);
    assert.ok(!labels.includes('person'), 'the person snippet belongs to people.yaml only');
  });

  it('4. a tenet completed inside the verdict snippet keeps `]]` and the snippet: the cursor goes on to the reason', async () => {
    const { document, editor } = await writeMemo('0104-verdict.md', [...FRONT, 'owners: [alice]', 'evidence: [https://example.com/cpu]', '---', '', '# Verdicts', '', ''].join('\n'));
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const snippets = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID).extensionUri, 'snippets', 'markdown.code-snippets'))).toString('utf8'));
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippets['Tenet verdict'].body.join('\n'))), 'the verdict snippet inserts');
    const lineNo = document.lineCount - 1;
    assert.strictEqual(document.lineAt(lineNo).text, '- [[]] ✓ REASON');
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, editor.selection.active);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'ENG-LATENCY');
    assert.ok(item, 'completion offers tenets on the empty id stop');
    const range = item.range && 'inserting' in item.range ? item.range.inserting : item.range;
    await editor.edit((b) => b.replace(range, typeof item.insertText === 'string' ? item.insertText : item.insertText.value), { undoStopBefore: false, undoStopAfter: false });
    assert.strictEqual(document.lineAt(lineNo).text, '- [[ENG-LATENCY]] ✓ REASON', 'the brackets stay');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await waitForSelection(editor, () => selected(editor) === 'REASON', 'the snippet goes on to the reason');
    await vscode.commands.executeCommand('leaveSnippet');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'placeholder-left' && x.message.startsWith('`REASON` is a placeholder')), 'REASON reported as a blank');
  });

  it('5. the status bar count leads to the closed file that holds a problem, and the Decisions view marks it', async () => {
    const rel = 'decisions/editing/0105-closed-problem.md';
    await vscode.workspace.fs.writeFile(fileUri(rel), Buffer.from([...FRONT, 'evidence: [https://example.com/cpu]', ...BODY].join('\n')));
    const api = vscode.extensions.getExtension(EXTENSION_ID).exports;
    const found = await api.problems();
    // Waits on the server's own count: the closed file is checked in the background after the file event.
    const withFile = found.files.some((f) => f.file === rel) ? found : await withTimeout(api.waitForProblems((r) => r.files.some((f) => f.file === rel)), 20000, `${rel} among the problems`);
    const entry = withFile.files.find((f) => f.file === rel);
    assert.ok(entry.warnings > 0, 'a missing owner is a warning');
    assert.strictEqual(withFile.problemsScope, 'openFiles', 'Problems shows open files only: the list is where the closed one is found');
    assert.strictEqual(vscode.languages.getDiagnostics(fileUri(rel)).length, 0, 'not in Problems (closed, openFiles scope)');
    const memo = await findTreeMemo(api.decisionsTree, rel);
    assert.match(String(memo.item.description), /warning/, `the Decisions view shows the problem: ${memo.item.description}`);
  });

  it('6. an unclosed front matter gives exactly one diagnostic, at the fence', async () => {
    const { document } = await writeMemo('0106-unclosed.md', ['---', 'title: Half written', 'status: proposed', '', '# Half written', '', 'Still typing the front matter.', ''].join('\n'));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the unclosed front matter reported');
    assert.deepStrictEqual(diagnostics.map((d) => ruleOf(d)), ['front-matter-invalid']);
    assert.strictEqual(diagnostics[0].range.start.line, 0);
  });

  it('7a. Enter after `  - path: …` indents the next key of the entry, where YAML needs it', async () => {
    const { document, editor } = await writeMemo('0108-enter.md', [...FRONT, 'owners: [alice]', 'evidence:', '  - path: https://example.com/cpu', ...BODY].join('\n'));
    const at = document.lineAt(document.getText().split('\n').indexOf('  - path: https://example.com/cpu')).range.end;
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('type', { text: '\n' });
    await vscode.commands.executeCommand('type', { text: 'limits: one host' });
    assert.strictEqual(document.lineAt(at.line + 1).text, '    limits: one host');
  });

  it('7. a created evidence file opens, dated like the memo’s entry', async () => {
    const { document } = await writeMemo('0107-new-evidence.md', [...FRONT, 'owners: [alice]', 'evidence:', '  - path: evidence/cpu-profile.md', '    limits: one host only', '    date: 2026-05-18', ...BODY].join('\n'));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'evidence-not-found'), 'evidence-not-found');
    const fix = await quickFix(document.uri, diagnostics.find((x) => ruleOf(x) === 'evidence-not-found').range, /Create/);
    assert.ok(fix.command, 'the fix opens what it creates');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
    const opened = vscode.window.activeTextEditor;
    assert.ok(opened.document.uri.path.endsWith('/evidence/cpu-profile.md'), `the evidence file is open: ${opened.document.uri.path}`);
    assert.match(opened.document.getText(), /2026-05-18/);
  });

  it('8. a scorecard without an escalation path is reported and fixed, the cursor on the first name to fill; a stage gate shows its date', async () => {
    const method = [
      '## Alignment sheet',
      '',
      '- **Aim:** log shipping costs under 1 % CPU on every host',
      '- **Mechanism:** We believe batching will move CPU cost down because it sends one request a second.',
      '- **Feedback signals:**',
      '  1. CPU of the shipper (leading)',
      '  2. delivery delay',
      '- **Stage gate:** We will continue if CPU of the shipper ≤ 1 % by week 2.',
      '- **Guardrail:** delivery delay stays below 30 s.',
      '- **Owner and cadence:** alice, weekly',
      '',
      '## Scorecard: ten hosts',
      '',
      '| Capacity signal | Threshold | Cadence | When crossed |',
      '| --- | --- | --- | --- |',
      '| shipper CPU | > 1 % | daily | pause |',
      '| delivery delay | > 30 s | daily | review |',
      '| dropped lines | > 0 | daily | escalate |',
      '',
      '- **Decision owner:** alice',
      '',
    ];
    const { document, editor } = await writeMemo('0109-scorecard.md', [...FRONT, 'owners: [alice]', 'reviewed: 2026-06-10', 'evidence: [{url: https://example.com/cpu, limits: one host only}]', ...BODY, ...method].join('\n'));
    const problems = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'scorecard-owner-missing'), 'scorecard-owner-missing');
    const problem = problems.find((x) => ruleOf(x) === 'scorecard-owner-missing');
    assert.strictEqual(document.lineAt(problem.range.start.line).text, '## Scorecard: ten hosts', 'reported at the scorecard heading');
    assert.deepStrictEqual(problems.map(ruleOf).filter((r) => r !== 'scorecard-owner-missing' && r !== 'tenet-relevant-uncited'), [], 'the rest of the method is clean');
    const fix = await quickFix(document.uri, problem.range, /Escalation path/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    await waitForSelection(editor, (s) => !s.isEmpty, 'the first escalation name selected');
    assert.strictEqual(selected(editor), 'OWNER');
    assert.match(document.lineAt(editor.selection.active.line).text, /^- \*\*Escalation path:\*\* OWNER, then OWNER$/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'scorecard-owner-missing'), 'scorecard-owner-missing to clear');

    // The stage gate's hover counts `by week 2` from the memo's date (2026-05-20).
    const gate = document.getText().indexOf('We will continue if');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, document.positionAt(gate + 3));
    assert.match(hoverText(hovers), /Stage gate\*\* due \*\*2026-06-03\*\* \(week 2 from the memo's date 2026-05-20\)\. Reviewed on 2026-06-10\./);
  });
  it('9. the authority matrix: a mistyped decision type is fixed to the closest, the escalation it triggers is reported and fixed with the approver who holds the role, and hover shows the row', async () => {
    const matrix = fileUri('authority.yaml');
    const rows = ['- type: api-design', '  title: API design for team features', '  decides: engineering lead', '  escalate-to: product manager', '  triggers: [cross-team]', ''];
    await vscode.workspace.fs.writeFile(matrix, Buffer.from(rows.join('\n')));
    try {
      const { document } = await writeMemo('0110-authority.md', [...FRONT, 'owners: [alice]', 'decision-type: api-desing', 'impact: [cross-team]', 'evidence: [{url: https://example.com/cpu, limits: one host only}]', ...BODY].join('\n'));
      const unknown = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'decision-type-unknown'), 'decision-type-unknown once the matrix is read');
      const typo = unknown.find((x) => ruleOf(x) === 'decision-type-unknown');
      assert.strictEqual(document.getText(typo.range), 'api-desing');
      assert.ok(await vscode.workspace.applyEdit((await quickFix(document.uri, typo.range, /Change to `api-design`/)).edit));
      const escalation = await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'decision-type-unknown') && d.some((x) => ruleOf(x) === 'escalation-required'), 'the type known, its trigger reported');
      const required = escalation.find((x) => ruleOf(x) === 'escalation-required');
      assert.match(required.message, /`cross-team`.*`product manager` must approve/);
      assert.ok(!escalation.some((x) => ruleOf(x) === 'authority-mismatch'), 'alice holds `engineering lead`');
      assert.ok(await vscode.workspace.applyEdit((await quickFix(document.uri, required.range, /Add `bob`/)).edit));
      await waitForDiagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'escalation-required'), 'escalation-required to clear with bob as approver');
      assert.match(document.getText(), /approver:\n {2}- bob\n/);
      const at = document.getText().indexOf('api-design');
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, document.positionAt(at + 2));
      assert.match(hoverText(hovers), /API design for team features/);
    } finally {
      await vscode.workspace.fs.delete(matrix);
    }
  });
});

/** The Decisions view's node of a memo, walking the tree the way VS Code does. */
async function findTreeMemo(tree, rel) {
  const walk = async (node) => {
    for (const child of (await tree.getChildren(node)) || []) {
      if (child.kind === 'memo' && child.memo.file === rel) return { node: child, item: tree.getTreeItem(child) };
      if (child.kind !== 'memo' && child.kind !== 'tenet') {
        const found = await walk(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  // The view refreshes after the server reports the change: look again on each refresh.
  const found = await withTimeout(
    new Promise((resolve) => {
      let done = false;
      const attempt = () =>
        void walk(undefined).then((f) => {
          if (f && !done) {
            done = true;
            subscription.dispose();
            resolve(f);
          }
        });
      const subscription = tree.onDidChangeTreeData(attempt);
      attempt();
    }),
    20000,
    `${rel} in the Decisions view`,
  );
  return found;
}
