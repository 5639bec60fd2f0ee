// Shared by bench/run.mjs and bench/scale.mjs: runs a command and measures its wall time, CPU time
// (user + system) and peak RSS; medians, number formats and the machine description of a report.
//
// Peak RSS and CPU time: GNU time's `%M %U %S` (ru_maxrss in KiB, user and system CPU seconds of
// the waited child) when /usr/bin/time is GNU time; otherwise a `--require` preload that records
// the same figures from inside each Node process. CPU time is reported beside wall time because
// it is far less sensitive to other load on a shared machine.
// Not apt-get: a benchmark should not install packages, and every command here is Node anyway.
// Not polling /proc VmHWM: a poll just before exit is a race the fast runs lose.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(HERE, 'maxrss-preload.cjs');
const GNU_TIME = '/usr/bin/time';
const COMMAND_TIMEOUT_MS = 20 * 60_000;

export function detectRssMode() {
  const probe = spawnSync(GNU_TIME, ['-f', '%M %U %S', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/m.test(probe.stderr ?? '') ? 'gnu-time' : 'preload';
}

let timeoutUtility;
/** Whether coreutils `timeout` runs here (it stops the whole command on a time limit, see below). */
function hasTimeoutUtility() {
  timeoutUtility ??= spawnSync('timeout', ['--version'], { stdio: 'ignore' }).status === 0;
  return timeoutUtility;
}

/**
 * Runs one command and returns its wall time, CPU time, peak RSS and exit code; stdout/stderr go
 * to files. `env` adds variables (NODE_OPTIONS included: the preload is appended to it).
 * `timeoutMs`, when given, is enforced by coreutils `timeout` when present (exit 124, and the
 * command itself is stopped: spawnSync's own timeout would stop only GNU time and leave the
 * measured process running); without it, spawnSync's 20-minute limit applies.
 */
export function timeCommand({ argv, cwd, outDir, label, rssMode, env: extraEnv = {}, timeoutMs }) {
  const stdoutPath = path.join(outDir, `${label}.stdout`);
  const stderrPath = path.join(outDir, `${label}.stderr`);
  const rssPath = path.join(outDir, `${label}.rss`);
  fs.rmSync(rssPath, { force: true });
  const out = fs.openSync(stdoutPath, 'w');
  const err = fs.openSync(stderrPath, 'w');
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extraEnv };
  const limited = timeoutMs !== undefined && hasTimeoutUtility();
  const measured = limited ? ['timeout', '-k', '10', String(Math.max(1, Math.ceil(timeoutMs / 1000))), ...argv] : argv;
  let command = measured[0];
  let args = measured.slice(1);
  if (rssMode === 'gnu-time') {
    command = GNU_TIME;
    args = ['-f', '%M %U %S', '-o', rssPath, ...measured];
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
    env.BENCH_MAXRSS_FILE = rssPath;
  }
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, env, stdio: ['ignore', out, err], timeout: limited ? timeoutMs + 60_000 : (timeoutMs ?? COMMAND_TIMEOUT_MS) });
  const ms = performance.now() - started;
  fs.closeSync(out);
  fs.closeSync(err);
  let rssKiB;
  let cpuMs;
  let terminatedBy;
  try {
    // Lines "KiB user sys" (GNU time writes "Command exited with non-zero status N" or "Command
    // terminated by signal N" first; the preload one line per Node process): the largest RSS, the
    // CPU time summed.
    const text = fs.readFileSync(rssPath, 'utf8');
    terminatedBy = /Command terminated by signal (\d+)/.exec(text)?.[1];
    const rows = text
      .split('\n')
      .map((l) => /^(\d+) ([\d.]+) ([\d.]+)$/.exec(l.trim()))
      .filter(Boolean);
    if (rows.length > 0) {
      rssKiB = Math.max(...rows.map((m) => Number(m[1])));
      cpuMs = rows.reduce((sum, m) => sum + (Number(m[2]) + Number(m[3])) * 1000, 0);
    }
  } catch {
    // No figures: reported as unknown.
  }
  const signal = r.signal ?? (terminatedBy ? signalName(Number(terminatedBy)) : undefined);
  const timedOut = r.error?.code === 'ETIMEDOUT' || (limited && r.status === 124);
  return { ms, cpuMs, rssKiB, status: r.status, signal, timedOut, error: r.error?.message, stdoutPath, stderrPath };
}

function signalName(n) {
  return Object.entries(os.constants.signals).find(([, v]) => v === n)?.[0] ?? `signal ${n}`;
}

/** Reads every file of the folder once, so no tool pays for a cold disk that the others do not. */
export function readEveryFile(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) readEveryFile(p);
    else if (entry.isFile()) fs.readFileSync(p);
  }
}

/** Whether the built CLI has `--cache` (and `--cache-location`); detected from its help text. */
export function detectCacheSupport(cli) {
  const help = spawnSync(process.execPath, [cli, 'check', '--help'], { encoding: 'utf8' });
  const text = `${help.stdout ?? ''}${help.stderr ?? ''}`;
  return { cache: /--cache\b(?!-)/.test(text), location: /--cache-location\b/.test(text) };
}

/** Median, min and max wall time, median CPU and RSS of the runs that did not fail. */
export function summarise(runs) {
  const ok = runs.filter((r) => !r.failed);
  if (ok.length === 0) return undefined;
  const ms = ok.map((r) => r.ms);
  const cpu = ok.map((r) => r.cpuMs).filter((x) => x !== undefined);
  const rss = ok.map((r) => r.rssKiB).filter((x) => x !== undefined);
  return {
    medianMs: median(ms),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    medianCpuMs: cpu.length ? median(cpu) : undefined,
    medianRssKiB: rss.length ? median(rss) : undefined,
    findings: ok[ok.length - 1].findings,
    count: ok.length,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Report

export function fmtMs(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function fmtKiB(kib) {
  return kib === undefined ? '—' : `${(kib / 1024).toFixed(0)} MB`;
}

export function fmtRatio(x) {
  return x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(2)}×`;
}

export function fmtCount(x) {
  return x === undefined || Number.isNaN(x) ? '—' : x.toLocaleString('en-US');
}

/** Machine, Node, date, commit (marked when the checkout has uncommitted changes) and load average. */
export function machineInfo(repo) {
  const git = (args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const commit = git(['rev-parse', '--short', 'HEAD']).stdout?.trim() || 'unknown';
  const dirty = (git(['status', '--porcelain', '--untracked-files=no']).stdout ?? '').trim() !== '';
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
    load: loadAverage(),
  };
}

export function loadAverage() {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}
