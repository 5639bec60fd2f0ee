import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript without types.
import { ensureWorkspace } from '../../bench/generate.mjs';

// A cold check shared with worker threads (`--jobs N`) prints exactly what one thread prints:
// every format, byte for byte, on the example workspace, a generated workspace, and one with
// files that cannot be read.

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const EXAMPLE = path.resolve(__dirname, '../../examples/workspace');

function run(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectSameOutput(dir: string, format: string, jobs = ['2', '3']) {
  const one = run(dir, '--format', format, '--jobs', '1');
  expect(one.stdout.length).toBeGreaterThan(0);
  for (const j of jobs) expect(run(dir, '--format', format, '--jobs', j), `--jobs ${j}`).toEqual(one);
}

beforeAll(() => {
  if (!fs.existsSync(CLI) || fs.statSync(CLI).size === 0) throw new Error('dist/cli.js is missing or empty: run `npm run build`');
});

describe('check --jobs', () => {
  it('gives the example workspace\'s report unchanged, in every format', () => {
    for (const format of ['json', 'stylish', 'sarif', 'github']) expectSameOutput(EXAMPLE, format);
  });

  it('gives a generated workspace of 600 memos the same report', () => {
    const { root } = ensureWorkspace(600) as { root: string };
    expectSameOutput(root, 'json', ['2', '4']);
    expectSameOutput(root, 'sarif', ['2']);
  });

  it('reports unreadable memos and a broken config the same way, with the same exit code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-jobs-'));
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'decisions', '0900-binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe, 0x00]));
    fs.writeFileSync(path.join(dir, 'decisions', '0901-broken.md'), '---\ntitle: [unclosed\n---\n# Broken\n');
    fs.appendFileSync(path.join(dir, '.decisions.yaml'), '\nno-such-key: 1\n');
    const one = run(dir, '--format', 'json', '--jobs', '1');
    expect(one.status).toBe(2);
    expect(run(dir, '--format', 'json', '--jobs', '2')).toEqual(one);
  });

  it('fills an empty cache on every thread: the report, and the cache file, are one thread\'s', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-jobs-cache-'));
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    // A suppressed finding is kept in the cache (for a later SARIF run), but not reported here.
    const memo = fs.readdirSync(path.join(dir, 'decisions')).find((f) => f.endsWith('.md'))!;
    fs.appendFileSync(path.join(dir, 'decisions', memo), '\n<!-- decision-memos-disable-file -->\n');
    const { root } = ensureWorkspace(600) as { root: string };
    for (const workspace of [dir, root]) {
      const caches = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-jobs-cachefile-'));
      const fill = (jobs: string, file: string, format = 'json') => run(workspace, '--format', format, '--jobs', jobs, '--cache', '--cache-location', path.join(caches, file));
      const one = fill('1', 'one.json');
      const shared = fill('2', 'two.json');
      expect(shared).toEqual(one);
      expect(fs.readFileSync(path.join(caches, 'two.json'), 'utf8')).toBe(fs.readFileSync(path.join(caches, 'one.json'), 'utf8'));
      // The cache filled on two threads serves a warm run, in JSON and in SARIF (suppressed results included).
      expect(fill('2', 'two.json')).toEqual(one);
      expect(fill('2', 'two.json', 'sarif')).toEqual(run(workspace, '--format', 'sarif', '--jobs', '1'));
    }
  });

  it('writes the same bytes through a pipe as to a file (stdout written synchronously, a full pipe waited on)', () => {
    const { root } = ensureWorkspace(600) as { root: string };
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dm-out-')), 'report.json');
    const fd = fs.openSync(outFile, 'w');
    const toFile = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', '--jobs', '2'], { stdio: ['ignore', fd, 'pipe'], timeout: 60_000 });
    fs.closeSync(fd);
    const piped = run(root, '--format', 'json', '--jobs', '2');
    // Larger than a pipe's buffer (64 KB on Linux), so the writer meets a full pipe.
    expect(piped.stdout.length).toBeGreaterThan(256 * 1024);
    expect(piped.status).toBe(toFile.status);
    expect(piped.stdout).toBe(fs.readFileSync(outFile, 'utf8'));
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const { root } = ensureWorkspace(600) as { root: string };
    // pipefail: the pipeline's status is the CLI's, not head's.
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" check "${root}" --format json | head -c 100 >/dev/null`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
  });

  it('rejects a --jobs that is not a whole number from 1', () => {
    const r = run(EXAMPLE, '--jobs', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs.*whole number from 1/);
  });
});
