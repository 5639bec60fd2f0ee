// Runs the end-to-end suite (test/e2e/suite) in a real VS Code without downloading one: code-server
// (VS Code's server build, from npm) runs the extension in its Node extension host, and headless
// Chromium opens the workbench as an Extension Development Host with the suite as its tests.
// The suite writes a result file; that file, not the log, decides pass or fail.
//
//   npm run test:e2e                   (builds first)
//   node scripts/run-e2e.mjs           (uses the current dist/)
// Environment: E2E_TIMEOUT_MS (overall, default 300000), E2E_GREP (mocha grep), E2E_VERBOSE=1
// (browser console), E2E_KEEP=1 (keep the scratch folder), E2E_TRACE=1 (every LSP message in
// the "Decision Memos" log under the kept scratch folder), CS_PORT, CHROMIUM_PATH,
// CODE_SERVER_BIN / NODE24_BIN_DIR (else read from .tools/e2e/env.sh, installed when missing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, codeServerFlags, freePort, makeScratch, resolveTools, startCodeServer, waitForCodeServer } from './e2e-env.mjs';

const overallTimeoutMs = Number(process.env.E2E_TIMEOUT_MS || 300000);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (!existsSync(path.join(ROOT, 'dist', 'extension.js')) || !existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  console.error('dist/extension.js or dist/server.js is missing: run `npm run build` (or `npm run test:e2e`).');
  process.exit(1);
}

const tools = resolveTools();
const scratch = makeScratch('e2e', tools, process.env.E2E_TRACE ? { 'decisionMemos.trace.server': 'verbose' } : {});
const resultFile = path.join(scratch.dir, 'result.json');
const port = await freePort();
scratch.env.EXT_TEST_RESULT_FILE = resultFile; // the extension host inherits code-server's environment
if (process.env.E2E_GREP) scratch.env.E2E_GREP = process.env.E2E_GREP;

const server = startCodeServer(tools, scratch, [
  ...codeServerFlags(port),
  // Without this, the built workbench silently ignores the extensionDevelopmentPath/extensionTestsPath payload.
  '--vscode-option', 'enable-smoke-test-driver',
  // Trace level lets the language client's protocol trace (decisionMemos.trace.server) reach the logs.
  ...(process.env.E2E_TRACE ? ['--log', 'trace'] : []),
  scratch.workspace,
]);
let browser;
let finished = false;
let reported = false; // the `N passed, N failed` line went out

// Workbench chatter that says nothing about the extension (offline gallery, chat, sockets). It still
// goes to workbench.log in the scratch folder; E2E_VERBOSE=1 prints everything.
const WORKBENCH_NOISE = [/^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]/,
  /^(Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin)/, /ENOTFOUND/, /^\s+at .*https?:\/\/127\.0\.0\.1/];
const workbenchLog = [];

/** Prints what the extension host and workbench log (mocha's report among it), minus the noise. */
function logFromWorkbench(text) {
  workbenchLog.push(text);
  const lines = text.split('\n').filter((line) => process.env.E2E_VERBOSE || !WORKBENCH_NOISE.some((re) => re.test(line)));
  if (lines.length) console.log(lines.join('\n'));
}

const overallTimer = setTimeout(() => {
  console.error(`E2E TIMEOUT after ${overallTimeoutMs} ms`);
  void finish(1, true);
}, overallTimeoutMs);
// Ctrl+C or a CI cancel: stop code-server (and its extension host) rather than orphan them.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void finish(130, false));

try {
  await waitForCodeServer(port, server);
  console.log(`[e2e] code-server up on port ${port} after ${elapsed()}`);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, env: scratch.env, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const exitCode = new Promise((resolve) => {
    // The workbench's smoke-test driver reports the extension host's console and the suite's end through these.
    void page.exposeFunction('codeAutomationLog', (type, args) => logFromWorkbench(Array.isArray(args) ? format(...args) : String(args)));
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  if (process.env.E2E_VERBOSE) page.on('console', (m) => console.log('[page]', m.type(), m.text()));
  const remote = `vscode-remote://127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `${remote}${ROOT}`],
    ['extensionTestsPath', `${remote}${path.join(ROOT, 'test', 'e2e', 'suite', 'index.js')}`],
  ];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(scratch.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await exitCode;
  console.log(`[e2e] extension host finished with ${code} after ${elapsed()}`);
  await finish(judge(code), false);
} catch (error) {
  console.error('[e2e] run failed:', error);
  await finish(1, true);
}

/** The verdict from the result file: at least one test ran, none failed, and the host agreed. */
function judge(hostExitCode) {
  reported = true;
  if (!existsSync(resultFile)) {
    console.log('0 passed, 1 failed');
    console.error('[e2e] the suite wrote no result file');
    return 1;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  for (const f of result.failed ?? []) console.error(`[e2e] FAILED: ${f.title}: ${f.error}`);
  console.log(`${result.passes} passed, ${result.failures} failed`);
  return result.failures === 0 && result.passes > 0 && hostExitCode === 0 ? 0 : 1;
}

async function finish(code, showLog) {
  if (finished) return;
  finished = true;
  clearTimeout(overallTimer);
  try {
    writeFileSync(path.join(scratch.dir, 'workbench.log'), workbenchLog.join('\n'));
    writeFileSync(path.join(scratch.dir, 'code-server.log'), server.log());
    if (showLog) console.error(`[e2e] logs: ${scratch.dir}/{workbench,code-server}.log and ${path.join(scratch.dir, 'data', 'logs')}`);
    if (!reported) console.log('0 passed, 1 failed');
    await browser?.close().catch(() => {});
  } finally {
    await server.stop();
    const keep = code !== 0 || Boolean(process.env.E2E_KEEP);
    scratch.cleanup(keep);
    if (keep) console.log(`[e2e] scratch folder kept: ${scratch.dir}`);
    console.log(`[e2e] total ${elapsed()}`);
    process.exit(code);
  }
}
