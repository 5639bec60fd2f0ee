// Language-server part of the benchmark: drives `dist/server.js --stdio` the way an editor does
// and measures what a user feels on a large workspace.
//
//   1. initialize → index ready: from sending `initialize` to the `decisionMemos/status`
//      notification with `state: 'ready'` (every memo known from its front matter), and to the
//      one without `reading` (index complete: every body read; the end of the `$/progress`).
//   2. A memo opened while the index is still building: time to its first diagnostics (they
//      should come before the index is ready: open files are served between indexing slices).
//   3. After the index is ready, the server checks every closed file once in the background;
//      we wait until its CPU time stops growing ("idle") so the edit loop measures typing, not
//      that pass.
//   4. 200 edits to a 300-line memo, one character at a time, each waiting for the
//      `publishDiagnostics` of its version before the next: p50 / p95. The debounce
//      (`decisionMemos.debounceMs`) is answered as 0 through `workspace/configuration`, so the
//      figure is the server's own work, not the delay it waits on purpose.
//   5. Peak RSS of the server process (VmHWM from /proc/<pid>/status, at the end).
//
// Usage: node bench/lsp.mjs <workspace folder> [long memo (relative)] [memo to open while indexing]
// BENCH_SERVER_NODE_OPTIONS adds Node options to the server process (e.g. `--cpu-prof
// --cpu-prof-dir=/tmp/prof` to see where its time goes).
// (One driver for every server measurement; over 300 lines on purpose.)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_SERVER: another build's server, for a side-by-side A/B run.
export const SERVER = process.env.BENCH_SERVER ?? path.join(REPO, 'dist', 'server.js');
const SERVER_NODE_OPTIONS = JSON.parse(fs.readFileSync(path.join(REPO, 'server', 'src', 'shared', 'serverNodeOptions.json'), 'utf8'));
const EDITS = 200;
const DEBOUNCE_MS = 0;
const INDEX_TIMEOUT_MS = 10 * 60_000;
const IDLE_TIMEOUT_MS = 5 * 60_000;
const EDIT_TIMEOUT_MS = 30_000;
const TYPED = 'The owner reviews the latency budget with the search team every week. ';

/** What an editor like VS Code announces, as far as the server reads it. */
const CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
  },
};

/**
 * Runs the language-server benchmark on a workspace and resolves to its figures (never rejects:
 * a failure is returned as `{ error }` with whatever was measured before it).
 */
export async function benchLanguageServer({ root, longMemo, openMemo, expectedMemos, edits = EDITS, log = () => {} }) {
  const result = { debounceMs: DEBOUNCE_MS, edits };
  if (!fs.existsSync(SERVER)) return { ...result, error: `${path.relative(REPO, SERVER)} not found (is the server built?)` };
  const session = new Session(root, log);
  try {
    await session.run(result, { longMemo, openMemo, expectedMemos, edits });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    result.peakRssKiB ??= session.peakRssKiB();
    await session.stop();
    if (session.serverErrors.length > 0) result.serverErrors = session.serverErrors.slice(0, 5);
    result.notifications = session.notificationCounts;
  }
  return result;
}

class Session {
  constructor(root, log) {
    this.root = root;
    this.log = log;
    this.waiters = [];
    this.serverErrors = [];
    /** Notifications received, by method (what the server spends its output on). */
    this.notificationCounts = {};
    this.stderr = '';
    // The options the VS Code client starts the server with, plus any extra ones asked for.
    const nodeOptions = [...SERVER_NODE_OPTIONS, ...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean)];
    this.proc = spawn(process.execPath, [...nodeOptions, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.stderr.on('data', (d) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onNotification((method, params) => this.received(method, params));
    // Every setting at its default except the debounce, which the edit benchmark measures without.
    this.connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => (item.section === 'decisionMemos' ? { debounceMs: DEBOUNCE_MS } : null)),
    );
    // vscode-jsonrpc routes `$/progress` to handlers per token, never to the catch-all above.
    this.connection.onRequest('window/workDoneProgress/create', ({ token }) => {
      this.connection.onProgress(new ProgressType(), token, (value) => this.received('$/progress', { token, value }));
      return null;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => [this.folder()]);
    this.connection.listen();
  }

  received(method, params) {
    const at = performance.now();
    this.notificationCounts[method] = (this.notificationCounts[method] ?? 0) + 1;
    if (method === 'window/logMessage' && params.type === 1) this.serverErrors.push(String(params.message).split('\n')[0]);
    for (const w of [...this.waiters]) {
      if (w.method === method && w.predicate(params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve({ params, at });
      }
    }
  }

  folder() {
    return { uri: pathToFileURL(this.root).href, name: path.basename(this.root) };
  }

  uri(rel) {
    return pathToFileURL(path.join(this.root, ...rel.split('/'))).href;
  }

  /** Resolves with `{ params, at }` for the next notification `method` whose params match. */
  waitFor(method, predicate, timeoutMs, what) {
    const promise = new Promise((resolve, reject) => {
      const waiter = {
        method,
        predicate,
        resolve: (x) => {
          clearTimeout(waiter.timer);
          resolve(x);
        },
        cancel: () => {
          clearTimeout(waiter.timer);
          reject(new Error('cancelled'));
        },
      };
      waiter.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what ?? method}; server stderr: ${this.stderr.slice(-500)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
    // Marked handled: a wait nobody reached (the run failed earlier) must not crash the harness.
    promise.catch(() => {});
    return promise;
  }

  async run(result, { longMemo, openMemo, expectedMemos, edits }) {
    const folder = this.folder();
    let sawIndexing = false;
    // Status messages are coalesced, so a small workspace may go straight to `ready`; the
    // progress begin is sent at once whenever indexing starts.
    this.waitFor('$/progress', (p) => (sawIndexing ||= p.value?.kind === 'begin'), INDEX_TIMEOUT_MS).catch(() => {});
    const ready = this.waitFor(
      'decisionMemos/status',
      (p) => {
        if (p.state === 'indexing') sawIndexing = true;
        return p.state === 'ready' && (sawIndexing || (expectedMemos !== undefined && p.memos >= expectedMemos));
      },
      INDEX_TIMEOUT_MS,
      'the index to be ready',
    );
    // Ready comes from the front matter; the index is complete once every memo body is read too.
    const complete = ready.then(() => this.waitFor('decisionMemos/status', (p) => p.state === 'ready' && p.reading === undefined, INDEX_TIMEOUT_MS, 'the index to be complete'));
    // The end of the work-done progress the server creates while indexing (if it creates one).
    let progressEndAt;
    this.waitFor('$/progress', (p) => p.value?.kind === 'end', INDEX_TIMEOUT_MS).then((x) => (progressEndAt = x.at), () => {});
    const openUri = openMemo ? this.uri(openMemo) : undefined;
    let firstOpen;
    if (openUri) this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === openUri, INDEX_TIMEOUT_MS).then((x) => (firstOpen = x), () => {});

    const t0 = performance.now();
    const init = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder.uri,
      workspaceFolders: [folder],
      capabilities: CAPABILITIES,
    });
    result.initializeMs = performance.now() - t0;
    const sync = init.capabilities?.textDocumentSync;
    result.sync = (typeof sync === 'number' ? sync : sync?.change) === 2 ? 'incremental' : 'full';
    await this.connection.sendNotification('initialized', {});

    // Opened right away: the index has only just started.
    let openSent;
    if (openMemo) {
      openSent = performance.now();
      await this.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: openUri, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(this.root, openMemo), 'utf8') },
      });
    }

    const readyAt = await ready;
    result.indexReadyMs = readyAt.at - t0;
    result.indexCpuMs = ticksToMs(cpuTicks(this.proc.pid));
    result.indexedMemos = readyAt.params.memos;
    this.log(`  index ready: ${readyAt.params.memos} memos in ${Math.round(result.indexReadyMs)} ms`);
    const completeAt = readyAt.params.reading === undefined ? readyAt : await complete;
    result.indexCompleteMs = completeAt.at - t0;
    this.log(`  index complete (every body read) after ${Math.round(result.indexCompleteMs)} ms`);

    // The background pass over closed files after indexing: wait for the server to go idle.
    const idle = await this.waitForIdle();
    result.idleMs = idle === undefined ? undefined : idle - t0;
    this.log(`  server idle after ${result.idleMs === undefined ? '?' : Math.round(result.idleMs)} ms`);
    if (progressEndAt !== undefined) result.progressEndMs = progressEndAt - t0;
    if (firstOpen) {
      result.openDuringIndexMs = firstOpen.at - openSent;
      result.openDiagnosticsBeforeReady = firstOpen.at < readyAt.at;
      result.openDiagnosticsCount = firstOpen.params.diagnostics.length;
    } else if (openUri) result.openDuringIndexMs = null; // never published

    if (longMemo) await this.typeInto(longMemo, edits, result);
    result.peakRssKiB = this.peakRssKiB();
  }

  /** Opens `rel` and types `edits` characters into it, waiting for each version's diagnostics. */
  async typeInto(rel, edits, result) {
    const uri = this.uri(rel);
    let text = fs.readFileSync(path.join(this.root, rel), 'utf8');
    const lines = text.split('\n');
    // Type at the end of the first paragraph line of the "Context" section, as a writer would.
    const context = lines.indexOf('## Context');
    const paragraph = lines.findIndex((l, i) => i > context && lines[i - 1] === '' && /^[A-Z]/.test(l));
    const line = context >= 0 && paragraph > 0 ? paragraph : lines.length - 2;
    let character = lines[line].length;
    const opened = this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === 1), EDIT_TIMEOUT_MS, `diagnostics of ${rel}`);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;

    const latencies = [];
    const ticksBefore = cpuTicks(this.proc.pid);
    for (let v = 2; v < edits + 2; v++) {
      const ch = TYPED[(v - 2) % TYPED.length];
      const published = this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === v), EDIT_TIMEOUT_MS, `diagnostics of version ${v}`);
      let change;
      if (result.sync === 'incremental') {
        const at = { line, character };
        change = { range: { start: at, end: at }, text: ch };
      } else {
        lines[line] += ch;
        text = lines.join('\n');
        change = { text };
      }
      character += ch.length;
      const sent = performance.now();
      await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      const got = await published;
      latencies.push(got.at - sent);
    }
    const ticksAfter = cpuTicks(this.proc.pid);
    if (ticksBefore !== undefined && ticksAfter !== undefined) result.editCpuMeanMs = ticksToMs(ticksAfter - ticksBefore) / edits;
    latencies.sort((a, b) => a - b);
    result.editLineCount = lines.at(-1) === '' ? lines.length - 1 : lines.length;
    result.editP50Ms = quantile(latencies, 0.5);
    result.editP95Ms = quantile(latencies, 0.95);
    result.editMaxMs = latencies[latencies.length - 1];
  }

  /**
   * Resolves to the moment the server's CPU time stopped growing (under 20 ms of CPU in two
   * successive 250 ms windows), or undefined without /proc or after IDLE_TIMEOUT_MS.
   */
  async waitForIdle() {
    const started = performance.now();
    let last = cpuTicks(this.proc.pid);
    if (last === undefined) return undefined;
    let quiet = 0;
    let quietSince = performance.now();
    while (performance.now() - started < IDLE_TIMEOUT_MS) {
      await new Promise((r) => setTimeout(r, 250));
      const now = cpuTicks(this.proc.pid);
      if (now === undefined) return undefined;
      if (now - last <= 2) {
        if (quiet === 0) quietSince = performance.now() - 250;
        if (++quiet >= 2) return quietSince;
      } else quiet = 0;
      last = now;
    }
    return undefined;
  }

  peakRssKiB() {
    const status = readProc(this.proc.pid, 'status');
    const m = status && /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) : undefined;
  }

  async stop() {
    for (const w of this.waiters.splice(0)) w.cancel();
    if (this.proc.exitCode !== null) return;
    const killer = setTimeout(() => this.proc.kill(), 5000);
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    await this.exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}

function readProc(pid, file) {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** utime + stime of a process in clock ticks (1/100 s on Linux), from /proc/<pid>/stat. */
function cpuTicks(pid) {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Clock ticks to milliseconds (USER_HZ is 100 on Linux). */
function ticksToMs(ticks) {
  return ticks === undefined ? undefined : ticks * 10;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root, longMemo, openMemo] = process.argv.slice(2);
  if (!root) {
    console.error('usage: node bench/lsp.mjs <workspace folder> [long memo] [memo to open while indexing]');
    process.exit(2);
  }
  const figures = await benchLanguageServer({ root: path.resolve(root), longMemo, openMemo, log: (m) => console.error(m) });
  console.log(JSON.stringify(figures, null, 2));
}
