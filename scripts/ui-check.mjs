// Installs the packaged .vsix into a scratch code-server (real VS Code), opens the fixture
// workspace on a memo without an owner and waits for the owner-missing row in the Problems panel:
// the extension as a user gets it, not the development copy.
//
//   npm run test:ui                                  (package + this check)
//   node scripts/ui-check.mjs [--screenshots]        (uses the existing decision-memos-<version>.vsix)
// --screenshots writes docs/images/{problems-panel,quick-fix,tenet-hover}.png for the README.
// Environment: UI_TIMEOUT_MS (overall, default 180000), E2E_KEEP=1, CS_PORT, CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, codeServerFlags, freePort, makeScratch, resolveTools, startCodeServer, waitForCodeServer } from './e2e-env.mjs';

const MEMO = 'decisions/0002-adopt-feature-flags.md';
const screenshots = process.argv.includes('--screenshots');
const imagesDir = path.join(ROOT, 'docs', 'images');
const overallTimeoutMs = Number(process.env.UI_TIMEOUT_MS || 180000);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const { name, version, publisher } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${name}-${version}.vsix`);
if (!existsSync(vsix)) {
  console.error(`${path.basename(vsix)} is missing: run \`npm run package\` (or \`npm run test:ui\`).`);
  process.exit(1);
}

const tools = resolveTools();
const scratch = makeScratch('ui', tools);
const codeServer = (args, timeout) =>
  spawnSync(path.join(tools.node24BinDir, 'node'), [tools.codeServerBin, ...scratch.common, ...args], { env: scratch.env, encoding: 'utf8', timeout });

let server;
let browser;
let page;
const overallTimer = setTimeout(() => {
  console.error(`UI CHECK TIMEOUT after ${overallTimeoutMs} ms`);
  void finish(1);
}, overallTimeoutMs);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void finish(130));

try {
  const install = codeServer(['--install-extension', vsix, '--force'], 120000);
  if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}\n${install.stderr}`);
  const listed = codeServer(['--list-extensions', '--show-versions'], 60000).stdout;
  if (!listed.includes(`${publisher}.${name}@${version}`)) throw new Error(`extension not listed after install:\n${listed}`);
  console.log(`[ui] installed ${path.basename(vsix)} after ${elapsed()}`);

  const port = await freePort();
  server = startCodeServer(tools, scratch, codeServerFlags(port));
  await waitForCodeServer(port, server);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, env: scratch.env, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const memoUri = `vscode-remote://127.0.0.1:${port}${path.join(scratch.workspace, MEMO)}`;
  const payload = [['openFile', memoUri]];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(scratch.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.tab', { hasText: path.basename(MEMO) }).first().waitFor({ timeout: 60000 });

  await page.keyboard.press('Control+Shift+M'); // View: Problems
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'No owner' });
  await row.first().waitFor({ timeout: 60000 });
  console.log(`[ui] Problems panel: "${(await row.first().innerText()).replace(/\s+/g, ' ').trim()}" after ${elapsed()}`);

  if (screenshots) await takeScreenshots(page);
  console.log('UI check passed');
  await finish(0);
} catch (error) {
  console.error('[ui] UI check failed:', error instanceof Error ? error.message : error);
  await page?.screenshot({ path: path.join(scratch.dir, 'failure.png') }).catch(() => {});
  await finish(1);
}

/** The README's pictures: the Problems panel, the quick fix menu on the warning, a tenet hover. */
async function takeScreenshots(page) {
  mkdirSync(imagesDir, { recursive: true });
  await page.screenshot({ path: path.join(imagesDir, 'problems-panel.png') });

  // (a) Cursor on the warning (line 1), then Ctrl+. opens the quick fix menu.
  await goToLine(page, 1, 1);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: 'Add an owner' }).first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(imagesDir, 'quick-fix.png') });
  await page.keyboard.press('Escape');

  // (b) Cursor inside the cited tenet id, then "Show Hover" (Ctrl+K Ctrl+I); the panel closed for room.
  await page.keyboard.press('Control+J');
  await page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: 10000 });
  const text = readFileSync(path.join(scratch.workspace, MEMO), 'utf8').split('\n');
  const line = text.findIndex((l) => l.includes('[[ENG-LATENCY]]'));
  await goToLine(page, line + 1, text[line].indexOf('ENG-LATENCY') + 4);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover', { hasText: 'latency over throughput' }).first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(imagesDir, 'tenet-hover.png') });
  await page.keyboard.press('Escape');
  console.log(`[ui] screenshots written to ${path.relative(ROOT, imagesDir)}/ after ${elapsed()}`);
}

/** "Go to Line/Column" (Ctrl+G) in the active editor; line and column are 1-based. */
async function goToLine(page, line, column) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

async function finish(code) {
  clearTimeout(overallTimer);
  await browser?.close().catch(() => {});
  await server?.stop();
  if (code !== 0) writeFileSync(path.join(scratch.dir, 'code-server.log'), server?.log() ?? '');
  const keep = code !== 0 || Boolean(process.env.E2E_KEEP);
  scratch.cleanup(keep);
  if (keep) console.log(`[ui] scratch folder kept: ${scratch.dir}`);
  console.log(`[ui] total ${elapsed()}`);
  process.exit(code);
}
