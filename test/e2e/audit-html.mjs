// Opens the audit's HTML in headless Chromium and checks what a reader (and an attacker writing
// memo titles) would meet: the page renders its five charts, workspace text shows as text and
// never runs, and the page loads nothing. Then the webview flavour of the same page: its one
// script runs under the nonce CSP and turns clicks into `open` messages.
//
//   npm run test:audit-html                 (after `npm run build`; part of `npm run test:e2e`)
//   node test/e2e/audit-html.mjs --screenshot   also writes docs/images/audit-report.png
//                                              (the report of examples/workspace)
// Prints `N passed, N failed`; exits 1 when a check failed. Environment: CHROMIUM_PATH.
/* global document, window -- page.evaluate callbacks run in the browser */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from '../../scripts/e2e-env.mjs';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCREENSHOT = path.join(ROOT, 'docs', 'images', 'audit-report.png');
const SCRIPT_TITLE = '<script>alert(1)</script>';
const IMG_TITLE = '<img src=x onerror=alert(2)>';
const TENET_TITLE = '"><svg onload=alert(3)>';
const OWNER = "mallory<iframe src='https://example.com'>";

let passed = 0;
let failed = 0;
/** Records one check; a thrown error fails it with its message. */
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}\n    ${error instanceof Error ? error.message : String(error)}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function equal(actual, expected, what) {
  assert(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'audit-html-'));
const workspace = path.join(scratch, 'workspace');
writeWorkspace(workspace);
let browser;
try {
  const reportFile = path.join(scratch, 'report.html');
  const cli = spawnSync(process.execPath, [CLI, 'audit', workspace, '--format', 'html', '--output', reportFile], { encoding: 'utf8' });
  await check('`decision-memos audit --format html --output` writes the report', () => {
    assert(cli.status === 0, `exit code ${cli.status}: ${cli.stderr}`);
    assert(existsSync(reportFile), 'no report file');
  });

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  console.log('standalone report (file://):');
  await checkStandalone(browser, pathToFileURL(reportFile).href);
  console.log('webview flavour (nonce script):');
  await checkWebview(browser, path.join(scratch, 'webview.html'));
  if (process.argv.includes('--screenshot')) await screenshot(browser, path.join(scratch, 'example.html'));
} catch (error) {
  failed++;
  console.error('audit-html: the run failed:', error);
} finally {
  await browser?.close().catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

/** Opens a page, recording dialogs, requests and script errors; `init` runs before the page's own scripts. */
async function open(browser, url, init) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = { dialogs: [], requests: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen };
}

async function checkStandalone(browser, url) {
  const { page, seen } = await open(browser, url);
  await check('the page renders its title', async () => equal(await page.textContent('h1'), 'Tenet usage audit', 'h1'));
  await check('exactly five SVG charts, each with its bars or rows', async () => {
    const charts = await page.$$eval('svg', (svgs) => svgs.map((s) => ({ label: s.getAttribute('aria-label'), marks: s.querySelectorAll('rect, circle').length, height: s.getBoundingClientRect().height })));
    equal(charts.length, 5, 'number of <svg>');
    for (const c of charts) assert(c.marks > 0 && c.height > 0, `chart "${c.label}" draws nothing (${c.marks} marks, ${c.height}px high)`);
    // One bar per tenet, one node per tenet in the hierarchy, one row per status and reversibility.
    const marks = (label) => charts.find((c) => c.label.startsWith(label))?.marks;
    equal(marks('Citations per tenet'), 5, 'bars in "Citations per tenet"');
    equal(marks('Tenet hierarchy'), 5, 'nodes in the tenet hierarchy');
    equal(marks('Memos by status'), 6, 'rows in "Memos by status" (six statuses; no memo without one)');
    equal(marks('Evidence coverage'), 6, 'bars in "Evidence coverage" (a background and a fill per reversibility)');
    // The accepted 0001 (its owner tries to inject markup) and the proposed 0002; the draft is not open.
    equal(marks('Open decisions per owner'), 2, 'bars in "Open decisions per owner"');
  });
  await check('no chart text is cut off at the edge of its chart', async () => {
    const clipped = await page.$$eval('svg text', (texts) =>
      texts
        .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect(), chart: t.ownerSVGElement.getBoundingClientRect() }))
        .filter(({ box, chart }) => box.left < chart.left - 1 || box.right > chart.right + 1)
        .map(({ text }) => text),
    );
    equal(clipped, [], 'texts outside their chart');
  });
  await check('memo titles, tenet titles and owners show as text, not markup', async () => {
    const body = await page.textContent('body');
    for (const text of [SCRIPT_TITLE, IMG_TITLE, OWNER]) assert(body.includes(text), `${JSON.stringify(text)} is not in the page text`);
    // The tenet title is in the chart's <title> tooltip: text content of an SVG element.
    const tooltips = await page.$$eval('svg title', (titles) => titles.map((t) => t.textContent));
    assert(tooltips.some((t) => t.includes(TENET_TITLE)), 'the tenet title is not in a chart tooltip');
    const injected = await page.evaluate(() => ({ scripts: document.scripts.length, imgs: document.images.length, iframes: document.querySelectorAll('iframe').length, svgOnload: document.querySelectorAll('[onload], [onerror]').length }));
    equal(injected, { scripts: 0, imgs: 0, iframes: 0, svgOnload: 0 }, 'elements made from workspace text');
  });
  await check('no dialog opened and no script error', () => {
    equal(seen.dialogs, [], 'dialogs');
    equal(seen.errors, [], 'page errors');
  });
  await check('the page requested nothing but itself', () => equal(seen.requests, [url], 'requests'));
  await page.close();
}

/** Renders the webview flavour with the repository's renderer and clicks through it in a fake webview. */
async function checkWebview(browser, file) {
  const { computeAudit, renderHtml, indexedWorkspace } = await loadRenderer();
  const nonce = 'dGVzdC1ub25jZS0xMjM0NTY=';
  writeFileSync(file, renderHtml(computeAudit(indexedWorkspace(workspace)), { webview: { nonce, cspSource: 'https://webview.invalid' } }));
  const url = pathToFileURL(file).href;
  // What VS Code gives a webview: acquireVsCodeApi().postMessage. Here it records the messages.
  const { page, seen } = await open(browser, url, () => {
    window.__posted = [];
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m) });
  });
  await check('the CSP allows the nonce script and nothing else', async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert(csp.includes("default-src 'none'") && csp.includes(`script-src 'nonce-${nonce}'`) && !/script-src[^;]*unsafe/.test(csp), `CSP: ${csp}`);
    equal(await page.evaluate(() => document.scripts.length), 1, 'scripts');
  });
  await check('clicks on a memo link, a tenet bar and an uncited (outlined) bar post `open` messages', async () => {
    // Playwright clicks the middle of each element and first checks nothing else would take the click.
    await page.click('a[data-file="decisions/0001-script.md"]', { timeout: 5000 });
    await page.click('svg g.row[data-tenet="ENG-LATENCY"] rect', { timeout: 5000 });
    await page.click('svg g.row[data-tenet="ENG-BORING"] rect', { timeout: 5000 });
    const posted = await page.evaluate(() => window.__posted);
    equal(posted, [
      { type: 'open', file: 'decisions/0001-script.md', tenet: null },
      { type: 'open', file: 'tenets/engineering.md', tenet: 'ENG-LATENCY' },
      { type: 'open', file: 'tenets/engineering.md', tenet: 'ENG-BORING' },
    ], 'posted messages');
    equal(page.url(), url, 'the page did not navigate');
  });
  await check('the webview page opened no dialog, requested nothing and threw nothing', () => {
    equal(seen.dialogs, [], 'dialogs');
    equal(seen.requests, [url], 'requests');
    equal(seen.errors, [], 'page errors');
  });
  await page.close();
}

/** docs/images/audit-report.png: the top of the report of examples/workspace, as the README shows it. */
async function screenshot(browser, file) {
  const r = spawnSync(process.execPath, [CLI, 'audit', path.join(ROOT, 'examples', 'workspace'), '--format', 'html', '--output', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`audit of examples/workspace failed: ${r.stderr}`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // The absolute path of this machine says nothing to a README reader.
  await page.$eval('.root', (el) => (el.textContent = 'examples/workspace'));
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
  await page.close();
  console.log(`wrote ${path.relative(ROOT, SCREENSHOT)}`);
}

/** The audit's TypeScript, bundled for this script (as scripts/gen-settings.mjs loads the registry). */
async function loadRenderer() {
  const outfile = path.join(scratch, 'renderer.cjs');
  await build({
    stdin: {
      contents: `
        import { computeAudit } from './server/src/audit/computeAudit';
        import { renderHtml } from './server/src/shared/audit/renderHtml';
        import { NodeWorkspaceFs } from './server/src/node/nodeWorkspaceFs';
        import { indexWorkspace, Workspace } from './server/src/core/workspace/workspace';
        import { RULE_IDS } from './server/src/rules/registry';
        export { computeAudit, renderHtml };
        export function indexedWorkspace(root: string) {
          const ws = new Workspace(new NodeWorkspaceFs(root), RULE_IDS);
          indexWorkspace(ws);
          return ws;
        }`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return createRequire(import.meta.url)(outfile);
}

/** A small workspace whose memo titles, tenet titles and owners try to inject markup. */
function writeWorkspace(root) {
  const files = {
    '.decisions.yaml': 'memos: ["decisions/**/*.md"]\ntenets: ["tenets/**/*.md", "tenets.yaml"]\n',
    'tenets.yaml': [
      '- id: CO-TRUST',
      '  layer: company',
      `  title: '${TENET_TITLE}'`,
      '  statement: When growth and customer trust conflict, we choose trust over growth because churned trust does not come back.',
      '- id: CO-SPEED',
      '  layer: company',
      '  status: retired',
      '  statement: When speed and polish conflict, we choose speed over polish because learning beats guessing.',
      '',
    ].join('\n'),
    'tenets/engineering.md': [
      '## ENG-LATENCY: latency over throughput',
      'layer: function',
      'function: engineering',
      'parent: CO-TRUST',
      '',
      'When latency and throughput conflict, we choose latency over throughput because users work in flows where milliseconds matter.',
      '',
      '## ENG-BORING: proven tools over new ones',
      'layer: function',
      'function: engineering',
      'parent: CO-TRUST',
      '',
      'When a proven tool and a new one both fit, we choose the proven tool over the new one because every dependency must be run.',
      '',
      '## SEARCH-CACHE-BEFORE-HORIZONTAL-SCALE: cache before scale',
      'layer: team',
      'team: search',
      'parent: ENG-LATENCY',
      '',
      'When caching and scaling conflict, we choose caching over scaling because a warm cache is cheaper than machines.',
      '',
    ].join('\n'),
    'decisions/0001-script.md': memo(['id: "0001"', `title: "${SCRIPT_TITLE}"`, 'status: accepted', 'date: 2026-05-01', `owners: ["${OWNER}"]`, 'reversibility: costly', 'tenets: [ENG-LATENCY, CO-TRUST]', 'evidence: [evidence/slo.md]'], ['- [[CO-TRUST]] ✗ a risk to trust']),
    'decisions/0002-img.md': memo(['id: "0002"', `title: "${IMG_TITLE}"`, 'status: proposed', 'date: 2026-05-02', 'owners: [alice]', 'reversibility: two-way', 'tenets: [SEARCH-CACHE-BEFORE-HORIZONTAL-SCALE]']),
    'decisions/0003-plain.md': memo(['id: "0003"', 'title: Keep Postgres', 'status: draft', 'owners: [alice]', 'reversibility: one-way', 'tenets: [ENG-LATENCY]']),
    'evidence/slo.md': '# SLO report\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

function memo(frontMatter, body = []) {
  return ['---', ...frontMatter, '---', '', '# Memo', '', ...body, ''].join('\n');
}
