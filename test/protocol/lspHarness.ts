import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { RULE_IDS } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS, type DecisionMemosSettings } from '../../server/src/shared/settings';
import { writeFiles } from '../helpers/files';

// Drives the built language server (`dist/server.js`) over stdio the way an editor does, and
// waits for what it sends: every wait is for a message matching a predicate, with a timeout that
// fails the test, never a fixed sleep.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER = path.join(REPO, 'dist', 'server.js');

/** Rebuilds `dist/server.js` when a server source is newer (tests must not run a stale bundle). */
function ensureServerBuilt(): void {
  const newest = newestMtime(path.join(REPO, 'server', 'src'));
  if (fs.existsSync(SERVER) && fs.statSync(SERVER).size > 0 && fs.statSync(SERVER).mtimeMs >= newest) return;
  // The project's own build (it writes beside the target and renames: parallel test files never see half a bundle).
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs'), '--only', 'server'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the server failed:\n${r.stderr}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** A fresh temporary workspace folder holding `files` (paths with `/`). */
export function makeWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'decision-memos-lsp-')));
  writeFiles(dir, files);
  return dir;
}

export { writeFiles };

export function uriOf(root: string, rel: string): string {
  return pathToFileURL(path.join(root, ...rel.split('/'))).href;
}

/** `.decisions.yaml` lines turning off every rule but `on`, so a test depends only on the rules it names. */
export function rulesOnly(on: string[]): string[] {
  return ['rules:', ...RULE_IDS.filter((id) => !on.includes(id)).map((id) => `  ${id}: off`)];
}

/** What an editor like VS Code announces (the parts the server reads). */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
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
    rename: { prepareSupport: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
}

export interface StartOptions {
  settings?: Partial<DecisionMemosSettings>;
  capabilities?: ClientCapabilities;
  /** More workspace folders besides `root`. */
  extraFolders?: string[];
}

/** A running server and the client side of its connection. */
export class LspHarness {
  readonly connection: MessageConnection;
  /** Every notification received, in order (method and params). */
  readonly received: Array<{ method: string; params: any; at: number }> = [];
  /** Messages the server logged (`window/logMessage`). */
  readonly logs: string[] = [];
  stderr = '';
  settings: DecisionMemosSettings;
  private readonly waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    readonly root: string,
    settings: Partial<DecisionMemosSettings>,
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.connection.onNotification((method: string, params: any) => {
      this.received.push({ method, params, at: performance.now() });
      if (method === 'window/logMessage') this.logs.push(params.message);
      for (const w of [...this.waiters]) {
        if (w.method === method && w.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
    // The JSON-RPC layer routes `$/progress` to progress handlers, not to the catch-all above.
    this.connection.onUnhandledProgress((params) => this.received.push({ method: '$/progress', params, at: performance.now() }));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'decisionMemos' ? this.settings : null)),
    );
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
  }

  /** Spawns the built server on `root` and completes initialize/initialized. */
  static async start(root: string, options: StartOptions = {}): Promise<LspHarness> {
    ensureServerBuilt();
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const h = new LspHarness(proc, root, options.settings ?? {});
    const folders = [root, ...(options.extraFolders ?? [])].map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) }));
    await h.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]!.uri,
      workspaceFolders: folders,
      capabilities: options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
    });
    await h.connection.sendNotification('initialized', {});
    return h;
  }

  uri(rel: string): string {
    return uriOf(this.root, rel);
  }

  /** The next notification `method` (received after this call) whose params match. */
  waitFor<T = any>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = { method, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}; server log:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The next diagnostics published for a file that match. */
  waitForDiagnostics(rel: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const uri = this.uri(rel);
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p), timeoutMs);
  }

  /** The status notification saying indexing is done: every memo known and its body read. */
  waitForReady(timeoutMs?: number): Promise<any> {
    return this.waitFor('decisionMemos/status', (p: { state: string; reading?: unknown }) => p.state === 'ready' && p.reading === undefined, timeoutMs);
  }

  async open(rel: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(rel, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(rel), languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(rel: string, text: string): Promise<number> {
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(rel), version }, contentChanges: [{ text }] });
    return version;
  }

  async close(rel: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(rel) } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Errors the server logged from its handlers (there should be none). */
  handlerErrors(): string[] {
    return this.logs.filter((l) => /failed|Unhandled|Uncaught/.test(l));
  }

  /** shutdown + exit; resolves to the process exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill();
  }

  get exitPromise(): Promise<number | null> {
    return this.exited;
  }
}
