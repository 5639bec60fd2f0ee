// `npm test`: every tier in order, then one closing line that counts them all.
//   1. build (esbuild), type-check (tsc -b) and lint (ESLint with the layer boundaries, knip for dead code)
//   2. vitest: fixture tests of the core and rules, CLI, protocol (built server over stdio), robustness
//   3. the relevance evaluation (floors) and grammar tests (vscode-tmgrammar-test)
//   4. real editor: the mocha suite in VS Code (code-server, offline) and the audit HTML in Chromium
//   5. the packaged .vsix installed into code-server, read from the Problems panel
// A tier that fails still lets the later tiers run, so one run shows everything; the exit code
// is 1 when anything failed. Counts come from each runner's own summary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let passed = 0;
let failed = 0;
const summary = [];

function run(title, command, args, { capture = false } = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (capture && r.stdout) process.stdout.write(r.stdout);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  return { ok: r.status === 0, stdout: r.stdout ?? '', seconds };
}

function tier(name, ok, p, f, seconds) {
  passed += p;
  failed += f + (ok || f > 0 ? 0 : 1); // a runner that failed without counting a test still counts as one failure
  summary.push(`${name}: ${p} passed, ${f} failed${ok ? '' : ' (runner failed)'} in ${seconds}s`);
}

const build = run('build', npm, ['run', '--silent', 'build']);
tier('build', build.ok, build.ok ? 1 : 0, 0, build.seconds);
const types = run('type-check', npm, ['run', '--silent', 'typecheck']);
tier('type-check', types.ok, types.ok ? 1 : 0, 0, types.seconds);
const lint = run('lint', npm, ['run', '--silent', 'lint']);
tier('lint', lint.ok, lint.ok ? 1 : 0, 0, lint.seconds);

const out = mkdtempSync(path.join(tmpdir(), 'dm-vitest-'));
const report = path.join(out, 'vitest.json');
const unit = run('vitest', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  tier('vitest', unit.ok, r.numPassedTests, r.numFailedTests, unit.seconds);
} catch {
  tier('vitest', false, 0, 0, unit.seconds);
}
rmSync(out, { recursive: true, force: true });

// The relevance model on the labelled sets, against floors a little under the measured figures.
const relevance = run('relevance', npm, ['run', '--silent', 'eval:relevance', '--', '--check']);
tier('relevance', relevance.ok, relevance.ok ? 1 : 0, relevance.ok ? 0 : 1, relevance.seconds);

const grammar = run('grammar', npm, ['run', '--silent', 'test:grammar'], { capture: true });
const grammarPassed = (grammar.stdout.match(/run successfuly/g) ?? []).length;
const grammarFailed = (grammar.stdout.match(/^\s*✖|failed/gm) ?? []).length;
tier('grammar', grammar.ok, grammarPassed, grammar.ok ? 0 : Math.max(1, grammarFailed), grammar.seconds);

const e2e = run('real editor', npm, ['run', '--silent', 'test:e2e'], { capture: true });
let e2ePassed = 0;
let e2eFailed = 0;
for (const m of e2e.stdout.matchAll(/^(\d+) passed, (\d+) failed$/gm)) {
  e2ePassed += Number(m[1]);
  e2eFailed += Number(m[2]);
}
tier('real editor', e2e.ok, e2ePassed, e2eFailed, e2e.seconds);

// The packaged extension: the .vsix installed into a clean code-server shows a diagnostic in the Problems panel.
const vsix = run('packaged .vsix', npm, ['run', '--silent', 'test:ui']);
tier('packaged .vsix', vsix.ok, vsix.ok ? 1 : 0, vsix.ok ? 0 : 1, vsix.seconds);

console.log('\n=== summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
