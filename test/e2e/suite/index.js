// Test entry point loaded by VS Code's extension host (extensionTestsPath). Used unchanged by both
// runners: scripts/run-e2e.mjs (code-server + Chromium, offline) and scripts/run-e2e-electron.mjs
// (@vscode/test-electron, downloaded or local VS Code). Writes `{ passes, failures, tests, failed }`
// to EXT_TEST_RESULT_FILE when set: the runners judge pass/fail from that file, not from logs.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

/** Runs every `*.test.js` beside this file; rejects when a test fails (VS Code then exits non-zero). */
exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failed = [];
    let runner;
    try {
      runner = mocha.run((failures) => {
        writeResult({ passes: runner.stats.passes, failures, tests: runner.stats.tests, failed });
        if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed.`));
        else resolve();
      });
      runner.on('fail', (test, error) => failed.push({ title: test.fullTitle(), error: String(error && error.message) }));
    } catch (error) {
      writeResult({ passes: 0, failures: 1, tests: 0, failed: [{ title: 'loading the suite', error: String(error) }] });
      reject(error);
    }
  });
};

function writeResult(result) {
  const out = process.env.EXT_TEST_RESULT_FILE;
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
}
