import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A check worker that dies (out of memory, a crash, an exit) ends the wait of the thread that
// shares the check with it, with a one-line reason, instead of leaving it waiting for ever
// (node/checkSupervisor.ts). The pool runs in a child process (fixtures/check-workers/driver.ts,
// bundled here) whose workers run a fixture script: a pool that hung would block any thread it
// ran on, and the child can be started with a small heap.

const FIXTURES = path.resolve(__dirname, '../fixtures/check-workers');
let scratch: string;
let driver: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-pool-'));
  driver = path.join(scratch, 'driver.cjs');
  buildSync({ entryPoints: [path.join(FIXTURES, 'driver.ts')], outfile: driver, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  summarised?: number;
  threadsStarted?: number;
  error?: { name: string; message: string };
  threadsLeft?: number;
}

function drive(worker: string, mode: 'summarise' | 'check' | 'poll', nodeOptions: string[] = []): Outcome {
  const r = spawnSync(process.execPath, [...nodeOptions, driver, path.join(FIXTURES, worker), mode], { encoding: 'utf8', timeout: 20_000 });
  expect(r.signal, `the pool hung (stderr: ${r.stderr})`).toBeNull();
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Outcome;
}

describe('NodeCheckPool when a worker dies', () => {
  it('says a worker ran out of memory', () => {
    const outcome = drive('allocates.cjs', 'summarise', ['--max-old-space-size=32']);
    expect(outcome.error).toEqual({ name: 'CheckWorkerStopped', message: 'a check worker ran out of memory; run with --jobs 1 or give Node more memory (--max-old-space-size)' });
  });

  it('gives the exit code of a worker that exits', () => {
    expect(drive('exits.cjs', 'summarise').error).toEqual({ name: 'CheckWorkerStopped', message: 'a check worker stopped (exit code 3)' });
  });

  it('gives the first line of the error of a worker that crashes', () => {
    expect(drive('throws.cjs', 'summarise').error).toEqual({ name: 'CheckWorkerStopped', message: 'a check worker crashed: boom before the first reply' });
  });

  it('notices a worker that dies after it has answered once', () => {
    const outcome = drive('answers.cjs', 'check');
    expect(outcome.summarised).toBe(2);
    expect(outcome.error).toEqual({ name: 'CheckWorkerStopped', message: 'a check worker stopped (exit code 5)' });
  });

  it('lets the calling thread see the death between memos of its own share (throwIfStopped)', () => {
    expect(drive('exits.cjs', 'poll').error?.message).toBe('a check worker stopped (exit code 3)');
  });

  it.runIf(process.platform === 'linux')('ends the supervisor and every worker on close, dead or alive', () => {
    // answers.cjs keeps itself alive: only ending the supervisor stops it.
    const alive = drive('answers.cjs', 'summarise');
    expect(alive.error).toBeUndefined();
    expect(alive.threadsStarted).toBe(3);
    expect(alive.threadsLeft).toBe(0);
    const dead = drive('answers.cjs', 'check');
    expect(dead.threadsLeft).toBe(0);
  });
});
