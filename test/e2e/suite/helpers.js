// Shared helpers of the end-to-end suite. They run inside the extension host, next to the extension.
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'decision-memos.decision-memos';
const DEFAULT_TIMEOUT_MS = 30000;

/** The fixture workspace folder the runner opened (a scratch copy of test/e2e/fixtures/workspace). */
function workspaceFolder() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the runner must open the fixture workspace folder');
  return folder;
}

/** URI of a workspace-relative path. */
function fileUri(relativePath) {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

let activation;

/**
 * Activates the extension (a no-op when VS Code already did) and waits for the server's first full
 * index. Shared by every suite's `before`: when the server never gets ready, the first suite waits
 * for the timeout and the others fail at once instead of waiting again.
 */
function activateAndWaitForIndex() {
  activation ??= (async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    const api = await ext.activate();
    await withTimeout(api.whenIndexed(), DEFAULT_TIMEOUT_MS, 'the server never reported a finished index (decisionMemos/status "ready")');
    return ext;
  })();
  return activation;
}

/** Opens a workspace file in an editor. */
async function openFile(relativePath) {
  const document = await vscode.workspace.openTextDocument(fileUri(relativePath));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** The rule id of a diagnostic (`code` is `{ value, target }` when the diagnostic links its doc page). */
function ruleOf(diagnostic) {
  const code = diagnostic.code;
  return code !== null && typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Diagnostics of one rule on a URI. */
function diagnosticsOf(uri, rule) {
  return vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === rule);
}

/**
 * Resolves with the URI's diagnostics once `predicate(diagnostics)` holds; checks now and on every
 * diagnostics change event, never on a timer. Rejects after `timeoutMs` with what was there.
 */
function waitForDiagnostics(uri, predicate, description, timeoutMs = DEFAULT_TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    let subscription;
    const timer = setTimeout(() => {
      subscription.dispose();
      const current = vscode.languages.getDiagnostics(uri).map((d) => `${ruleOf(d)}: ${d.message}`);
      reject(new Error(`timed out waiting for ${description} on ${vscode.workspace.asRelativePath(uri)}; diagnostics: ${JSON.stringify(current)}`));
    }, timeoutMs);
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Rejects with `message` when `promise` does not settle within `ms`. */
function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${message}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Position of the first occurrence of `needle` in a document (plus `offset` characters). */
function positionOf(document, needle, offset = 0) {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${vscode.workspace.asRelativePath(document.uri)}`);
  return document.positionAt(index + offset);
}

/** Plain text of hover contents (MarkdownString, MarkedString or string). */
function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

module.exports = {
  EXTENSION_ID,
  activateAndWaitForIndex,
  diagnosticsOf,
  fileUri,
  hoverText,
  openFile,
  positionOf,
  ruleOf,
  waitForDiagnostics,
  withTimeout,
  workspaceFolder,
};
