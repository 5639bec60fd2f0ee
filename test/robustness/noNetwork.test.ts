import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentLink, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BASE_TENETS, goodMemo } from '../helpers/memoWorkspace';
import { makeDir, runCli } from '../cli/cliHarness';
import { PEOPLE } from '../protocol/fixture';
import { LspHarness } from '../protocol/lspHarness';
import { withEnv } from '../helpers/env';

// The CLI and the language server never touch the network, even on a workspace full of URLs:
// both run with noNetwork.cjs preloaded, which makes every socket, DNS lookup, http(s) request
// and fetch throw and logs the attempt. The runs must succeed and the log must show none.

const PRELOAD = path.join(__dirname, 'noNetwork.cjs');
/** Starting the server takes a second alone, far longer beside other test files on two cores. */
const HOOK_TIMEOUT_MS = 60_000;

const URL_EVIDENCE = [
  '',
  '  - url: https://example.com/slo-report',
  '    limits: four-week window only',
  '    date: 2026-04-01',
  '  - https://127.0.0.1:9/status',
  '  - url: http://localhost:1/dashboards/latency#p95',
  '    limits: staging only',
  '  - path: ../evidence/slo.md',
  '    limits: one region',
].join('\n');

const WORKSPACE = {
  '.decisions.yaml': 'people: people.yaml\n',
  'people.yaml': PEOPLE,
  'tenets.yaml': BASE_TENETS,
  'decisions/0001-cache.md': goodMemo({ evidence: URL_EVIDENCE }),
  'decisions/0002-links.md': goodMemo(
    { id: '0002', title: 'Link the dashboards', reversibility: 'costly', evidence: '\n  - url: https://example.net/load-test\n    limits: synthetic traffic\n    date: 2026-05-01' },
    ['# Link the dashboards', '', 'See [the report](https://example.org/report) and <https://example.org/raw>.', '', '- [[ENG-LATENCY]] ✓ faster pages.', '', 'Claim: We believe links help because people click them.', 'Boundary: This reduces uncertainty about reach; it does not prove value.'],
  ),
  'evidence/slo.md': '# SLO report\n',
};

/** The environment that preloads the guard into a Node child process, logging to `log`. */
function guardedEnv(log: string): Record<string, string> {
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim(), NO_NETWORK_LOG: log };
}

/** The guard's log: the processes it armed, and every attempt it refused. */
function readLog(log: string): { armed: number; pids: number[]; attempts: string[] } {
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  const pids = [...text.matchAll(/^armed (\d+)$/gm)].map((m) => Number(m[1]));
  return { armed: pids.length, pids, attempts: text.split(/^(?=attempt )/m).filter((t) => t.startsWith('attempt ')) };
}

let scratch: string;
let root: string;
beforeAll(() => {
  scratch = makeDir();
  root = makeDir(WORKSPACE);
});

describe('the guard', () => {
  it('catches each kind of network access it claims to (so a clean log means something)', () => {
    const log = path.join(scratch, 'self-test.log');
    const probe = `
      const tries = {
        fetch: () => fetch('https://example.com/'),
        httpsGet: () => require('https').get('https://example.com/'),
        httpRequest: () => require('http').request('http://127.0.0.1:9/'),
        netConnect: () => require('net').connect(9, '127.0.0.1'),
        socketConnect: () => new (require('net').Socket)().connect(9, '127.0.0.1'),
        dnsLookup: () => require('dns').lookup('example.com', () => {}),
        dnsPromises: () => require('dns').promises.lookup('example.com'),
        tlsConnect: () => require('tls').connect(443, 'example.com'),
      };
      const refused = Object.keys(tries).filter((k) => { try { tries[k](); return false; } catch (e) { return /network access attempted/.test(e.message); } });
      console.log(JSON.stringify(refused));`;
    const r = spawnSync(process.execPath, ['-e', probe], { env: { ...process.env, ...guardedEnv(log) }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['fetch', 'httpsGet', 'httpRequest', 'netConnect', 'socketConnect', 'dnsLookup', 'dnsPromises', 'tlsConnect']);
    expect(readLog(log)).toMatchObject({ armed: 1 });
    expect(readLog(log).attempts).toHaveLength(8);
  });
});

describe('the CLI', () => {
  const runs: Array<[string, string[]]> = [
    ['check (stylish)', ['check']],
    ['check --format json', ['check', '--format', 'json']],
    ['check --format sarif', ['check', '--format', 'sarif']],
    ['audit (text)', ['audit']],
    ['audit --format json', ['audit', '--format', 'json']],
    ['audit --format html', ['audit', '--format', 'html']],
    ['audit --format markdown', ['audit', '--format', 'markdown']],
  ];

  it.each(runs)('%s succeeds on a workspace with URL evidence without any network access', (_, args) => {
    const log = path.join(scratch, `cli-${args.join('-')}.log`);
    const r = runCli(args, root, guardedEnv(log));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(readLog(log)).toMatchObject({ armed: 1, attempts: [] });
  });

  it('reports the URL artifacts as evidence (they count, unfetched)', () => {
    const log = path.join(scratch, 'cli-urls.log');
    const r = runCli(['check', '--format', 'json'], root, guardedEnv(log));
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string }> };
    expect(report.diagnostics.map((d) => d.rule)).not.toContain('evidence-not-found');
    expect(report.diagnostics.map((d) => d.rule)).not.toContain('evidence-missing');
    expect(readLog(log)).toMatchObject({ armed: 1, attempts: [] });
  });
});

describe('the language server over stdio', () => {
  const log = () => path.join(scratch, 'server.log');
  let s: LspHarness;

  beforeAll(async () => {
    s = await withEnv(guardedEnv(log()), () => LspHarness.start(root));
    await s.waitForReady();
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    if (s) expect(await s.stop()).toBe(0);
  }, HOOK_TIMEOUT_MS);

  it('checks, links, hovers, fixes and audits memos with URL evidence without any network access', async () => {
    const memo = 'decisions/0001-cache.md';
    const text = WORKSPACE[memo];
    const published = s.waitForDiagnostics(memo, (p: PublishDiagnosticsParams) => p.version === 1);
    await s.open(memo, text);
    await published;
    const uri = s.uri(memo);
    const lines = text.split('\n');
    const urlLine = lines.findIndex((l) => l.includes('https://example.com/slo-report'));
    const links = await s.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    // URLs are handed to the editor as links (opened only if the writer clicks); the server does not follow them.
    expect(links.map((l) => l.target)).toEqual(expect.arrayContaining(['https://example.com/slo-report', 'http://localhost:1/dashboards/latency#p95', 'https://127.0.0.1:9/status']));
    await s.request('textDocument/hover', { textDocument: { uri }, position: { line: urlLine, character: 14 } });
    await s.request('textDocument/completion', { textDocument: { uri }, position: { line: urlLine, character: 9 } });
    await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: [], only: ['quickfix', 'source.fixAll'] } });
    const audit = await s.request<{ memos: number }>('decisionMemos/audit', {});
    expect(audit.memos).toBe(2);
    await s.request('workspace/symbol', { query: '' });
    expect(s.handlerErrors()).toEqual([]);
    expect(await s.stop()).toBe(0);
    // The harness may run esbuild (a Node helper) to rebuild a stale bundle: only the server's pid matters.
    expect(readLog(log()).pids).toContain(s.proc.pid);
    expect(readLog(log()).attempts).toEqual([]);
  });
});
