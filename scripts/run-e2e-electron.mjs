// Runs the same end-to-end suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (or have one installed). Offline, use run-e2e.mjs.
//
//   npm run test:e2e:electron                                  (downloads VS Code stable once)
//   VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:e2e:electron    (a local VS Code)
//   VSCODE_VERSION=1.100.0 npm run test:e2e:electron           (a given version)
// On Linux without a display, run it under `xvfb-run -a`.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { writeUserSettings } from './e2e-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'test', 'e2e', 'fixtures', 'workspace');

// The suite edits and creates files: give it a copy of the fixture workspace.
const scratch = mkdtempSync(path.join(tmpdir(), 'dm-e2e-'));
const workspace = path.join(scratch, 'workspace');
cpSync(fixture, workspace, { recursive: true });
writeUserSettings(path.join(scratch, 'user-data'));
const resultFile = path.join(scratch, 'result.json');

let exitCode = 1;
try {
  const hostExitCode = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'e2e', 'suite', 'index.js'),
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
    ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
    extensionTestsEnv: { EXT_TEST_RESULT_FILE: resultFile, E2E_GREP: process.env.E2E_GREP },
    // runTests adds --extensionDevelopmentPath, --extensionTestsPath, --disable-workspace-trust and friends.
    launchArgs: [
      workspace,
      '--disable-extensions', // installed extensions stay out (built-in ones still load)
      '--user-data-dir', path.join(scratch, 'user-data'),
      '--extensions-dir', path.join(scratch, 'extensions'),
    ],
  });
  exitCode = hostExitCode;
} catch (error) {
  // runTests rejects when VS Code exits non-zero (a failed test) or cannot start; the result file says which.
  console.error(String(error));
}

if (existsSync(resultFile)) {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  for (const f of result.failed ?? []) console.error(`FAILED: ${f.title}: ${f.error}`);
  console.log(`${result.passes} passed, ${result.failures} failed`);
  exitCode = result.failures === 0 && result.passes > 0 && exitCode === 0 ? 0 : 1;
} else {
  console.log('0 passed, 1 failed');
  console.error('the suite wrote no result file (VS Code did not start, or the suite did not load)');
  exitCode = 1;
}
rmSync(scratch, { recursive: true, force: true });
process.exit(exitCode);
