// Shared by the code-server scripts (run-e2e.mjs, ui-check.mjs, package.mjs): finds the tools that
// scripts/e2e-tools.sh installs, installing them first when they are missing, and makes scratch
// folders for a code-server run (HOME, XDG_*, user data, extensions, a short TMPDIR for sockets).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const ENV_FILE = path.join(ROOT, '.tools', 'e2e', 'env.sh');

/** Chromium's flags for a quiet headless run in a container. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * `{ codeServerBin, node24BinDir }` from the environment or `.tools/e2e/env.sh`; runs
 * scripts/e2e-tools.sh (idempotent, minutes when cold) when anything is missing.
 */
export function resolveTools() {
  let tools = readTools();
  if (!toolsPresent(tools)) {
    console.log('[e2e] tools missing: running scripts/e2e-tools.sh (first run takes a few minutes)');
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'e2e-tools.sh')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`scripts/e2e-tools.sh failed (exit ${r.status})`);
    // The script's own report wins now: a stale CODE_SERVER_BIN/NODE24_BIN_DIR is what was missing.
    tools = readTools({ preferFile: true });
    if (!toolsPresent(tools)) throw new Error('scripts/e2e-tools.sh ran but the tools are still missing');
  }
  return tools;
}

function readTools({ preferFile = false } = {}) {
  const fromFile = existsSync(ENV_FILE) ? parseEnvFile(readFileSync(ENV_FILE, 'utf8')) : {};
  const pick = (name) => (preferFile ? fromFile[name] || process.env[name] : process.env[name] || fromFile[name]);
  return { codeServerBin: pick('CODE_SERVER_BIN'), node24BinDir: pick('NODE24_BIN_DIR') };
}

function toolsPresent(t) {
  return Boolean(t.codeServerBin && t.node24BinDir && existsSync(t.codeServerBin) && existsSync(path.join(t.node24BinDir, 'node'))
    && existsSync(CHROMIUM_PATH));
}

/** Reads `export NAME='value'` lines. */
function parseEnvFile(text) {
  const out = {};
  for (const m of text.matchAll(/^export\s+([A-Z0-9_]+)=(?:'([^']*)'|"([^"]*)"|(\S*))\s*$/gm)) out[m[1]] = m[2] ?? m[3] ?? m[4];
  return out;
}

/**
 * A scratch folder under .vscode-test/ for one run, a copy of the fixture workspace in it (tests
 * edit and create files), and the environment code-server must run with: VS Code writes to HOME
 * and XDG_* folders, and puts unix sockets in TMPDIR, whose path must stay under 108 characters.
 */
export function makeScratch(kind, tools, extraSettings = {}) {
  mkdirSync(path.join(ROOT, '.vscode-test'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.vscode-test', `${kind}-`));
  const socketDir = mkdtempSync(path.join(tmpdir(), 'dm-'));
  const workspace = path.join(dir, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  const env = {
    ...process.env,
    PATH: `${tools.node24BinDir}:${process.env.PATH}`,
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'share'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_RUNTIME_DIR: socketDir,
    TMPDIR: socketDir,
  };
  const common = ['--user-data-dir', path.join(dir, 'data'), '--extensions-dir', path.join(dir, 'exts')];
  writeUserSettings(path.join(dir, 'data'), extraSettings);
  return {
    dir, workspace, env, common,
    /** Removes the socket folder, and the scratch folder too unless asked to keep it. */
    cleanup(keep) {
      rmSync(socketDir, { recursive: true, force: true });
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * User settings of a scratch profile: no AI chat (its providers join every code action request),
 * no welcome page, nothing that phones home.
 */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'git.enabled': false,
    // Room for the editor in screenshots: no empty chat side bar, minimap or sticky headers.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    ...extra,
  }, null, 2));
}

/** A free TCP port on 127.0.0.1 (unless CS_PORT says which). */
export async function freePort() {
  if (process.env.CS_PORT) return Number(process.env.CS_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Flags every code-server run of ours uses: no auth, no network calls, no trust prompt, no welcome page. */
export function codeServerFlags(port) {
  return ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'];
}

/**
 * Starts code-server under Node 24 in its own process group (so stopping it stops its extension
 * host and language server too). Output goes to `log` (an array of chunks).
 */
export function startCodeServer(tools, scratch, args) {
  const child = spawn(path.join(tools.node24BinDir, 'node'), [tools.codeServerBin, ...scratch.common, ...args], {
    env: scratch.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  const log = [];
  child.stdout.on('data', (d) => log.push(d));
  child.stderr.on('data', (d) => log.push(d));
  return {
    child,
    log: () => Buffer.concat(log).toString('utf8'),
    /** Stops code-server and everything it started; resolves when it has exited. */
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        child.once('exit', () => { clearTimeout(timer); resolve(); });
        killGroup(child, 'SIGTERM');
      });
    },
  };
}

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

/** Resolves once code-server answers /healthz; rejects after `timeoutMs` or if it exits. */
export async function waitForCodeServer(port, server, timeoutMs = 60000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`code-server exited with ${server.child.exitCode}:\n${server.log()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs} ms:\n${server.log()}`);
}
