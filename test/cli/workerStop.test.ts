import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `check --jobs N` when a check worker dies: one line on stderr and exit code 2, promptly, where
// it used to wait for the dead worker for ever. The CLI is bundled here from the sources with
// workers that exit as soon as they start (fixtures/check-workers/dying-cli.ts).

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/workspace');
let scratch: string;
let cli: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-dying-cli-'));
  cli = path.join(scratch, 'cli.cjs');
  buildSync({
    entryPoints: [path.join(ROOT, 'test/fixtures/check-workers/dying-cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // As scripts/build.mjs does for dist/cli.js: fdir's ES module looks for picomatch at run time.
    alias: { fdir: path.join(ROOT, 'node_modules/fdir/dist/index.cjs') },
  });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function check(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'check', EXAMPLE, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  expect(r.signal, 'the check hung').toBeNull();
  return r;
}

describe('check --jobs when a check worker dies', () => {
  it('fails with one line and exit code 2', () => {
    const r = check('--format', 'json', '--jobs', '2');
    expect(r.stderr).toBe('decision-memos: a check worker stopped (exit code 7)\n');
    expect(r.status).toBe(2);
  });

  it('checks as usual on one thread (only the workers die)', () => {
    const r = check('--format', 'json', '--jobs', '1');
    expect(r.stderr).toBe('');
    expect(r.status).not.toBe(2);
  });
});
