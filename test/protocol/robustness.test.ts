import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { GOOD_MEMO, standardFiles } from './fixture';
import { LspHarness, makeWorkspace } from './lspHarness';

const MEMO = 'decisions/0009-broken.md';
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

let server: LspHarness | undefined;
afterEach(async () => {
  if (server) {
    expect(server.handlerErrors()).toEqual([]);
    expect(await server.stop()).toBe(0);
  }
  server = undefined;
});

async function started(): Promise<LspHarness> {
  server = await LspHarness.start(makeWorkspace(standardFiles()));
  await server.waitForReady();
  return server;
}

describe('a broken document', () => {
  it('still answers hover, completion and symbols when the front matter YAML is broken', async () => {
    const s = await started();
    const text = GOOD_MEMO.replace('owners: [alice]', 'owners: [alice\nowners: : :');
    const published = s.waitForDiagnostics(MEMO, (p) => codes(p).includes('front-matter-invalid'));
    await s.open(MEMO, text);
    await published;
    const lines = text.split('\n');
    const inline = lines.findIndex((l) => l.startsWith('- [[ENG-LATENCY]]'));
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri: s.uri(MEMO) }, position: { line: inline, character: 6 } });
    expect((hover.contents as { value: string }).value).toContain('**ENG-LATENCY**');
    const tenetsLine = lines.findIndex((l) => l.startsWith('tenets:'));
    const inFrontMatter = await s.request<Hover>('textDocument/hover', { textDocument: { uri: s.uri(MEMO) }, position: { line: tenetsLine, character: 12 } });
    expect((inFrontMatter.contents as { value: string }).value).toContain('**ENG-LATENCY**');
    const symbols = await s.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri(MEMO) } });
    expect(symbols.length).toBeGreaterThan(0);
    const list = await s.request<CompletionList>('textDocument/completion', { textDocument: { uri: s.uri(MEMO) }, position: { line: tenetsLine, character: 9 } });
    expect(list.items.map((i) => i.label)).toContain('CO-TRUST');
  });

  it('answers requests on positions past the end and on documents it does not know', async () => {
    const s = await started();
    await s.open(MEMO, 'x');
    const far = { textDocument: { uri: s.uri(MEMO) }, position: { line: 999, character: 999 } };
    expect(await s.request('textDocument/hover', far)).toBeNull();
    expect(await s.request('textDocument/completion', far)).toBeNull();
    expect(await s.request('textDocument/definition', far)).toBeNull();
    const unknown = { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } };
    expect(await s.request('textDocument/hover', unknown)).toBeNull();
    expect(await s.request('textDocument/references', { ...unknown, context: { includeDeclaration: true } })).toBeNull();
    expect(await s.request('textDocument/codeAction', { textDocument: unknown.textDocument, range: { start: unknown.position, end: unknown.position }, context: { diagnostics: [] } })).toEqual([]);
    await expect(s.request('decisionMemos/newMemo', { folder: 'file:///nowhere', title: 'x' })).rejects.toThrow(/not a workspace folder/);
  });
});

describe('garbage', () => {
  it('reports binary text as unreadable and keeps serving', async () => {
    const s = await started();
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const published = s.waitForDiagnostics(MEMO);
    await s.open(MEMO, bytes);
    expect(codes(await published)).toEqual(['file-unreadable']);
    expect(await s.request('textDocument/hover', { textDocument: { uri: s.uri(MEMO) }, position: { line: 0, character: 3 } })).toBeNull();
  });

  it('survives random text in every request at every kind of position', async () => {
    const s = await started();
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = '---\n:[]{}"\'#*-|>&!%@`[[ENG-]]\r\n\t ✓✗😀\u0085\u2028ABC-12 owners tenets: evidence:\n';
    for (let round = 0; round < 5; round++) {
      const text = Array.from({ length: 2000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const published = s.waitForDiagnostics(MEMO);
      if (round === 0) await s.open(MEMO, text);
      else await s.change(MEMO, text);
      await published;
      const uri = s.uri(MEMO);
      for (let i = 0; i < 20; i++) {
        const position = { line: Math.floor(random() * 80), character: Math.floor(random() * 60) };
        await s.request('textDocument/hover', { textDocument: { uri }, position });
        await s.request('textDocument/completion', { textDocument: { uri }, position });
        await s.request('textDocument/definition', { textDocument: { uri }, position });
        await s.request('textDocument/prepareRename', { textDocument: { uri }, position }).catch(() => undefined);
      }
      await s.request('textDocument/documentSymbol', { textDocument: { uri } });
      await s.request('textDocument/documentLink', { textDocument: { uri } });
      await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } }, context: { diagnostics: [], only: ['quickfix', 'source.fixAll'] } });
    }
  });

  it('checks a 5 MB memo and still answers requests', async () => {
    const s = await started();
    const body = Array.from({ length: 75_000 }, (_, i) => `Line ${i} cites [[ENG-LATENCY]] and talks about latency and caches.`).join('\n');
    const text = GOOD_MEMO + body;
    expect(text.length).toBeGreaterThan(5_000_000);
    const t0 = performance.now();
    const published = s.waitForDiagnostics(MEMO, () => true, 60_000);
    await s.open(MEMO, text);
    await published;
    const opened = performance.now() - t0;
    const t1 = performance.now();
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri: s.uri(MEMO) }, position: { line: 7, character: 12 } });
    expect((hover.contents as { value: string }).value).toContain('ENG-LATENCY');
    console.log(`5 MB memo: open → diagnostics ${opened.toFixed(0)} ms, then hover ${(performance.now() - t1).toFixed(0)} ms`);
    const again = s.waitForDiagnostics(MEMO, () => true, 60_000);
    await s.change(MEMO, text.replace('owners: [alice]', 'owners: []'));
    expect(codes(await again)).toContain('owner-missing');
  });
});

describe('malformed messages', () => {
  it('logs and answers requests with missing params, ignores odd notifications, and keeps working', async () => {
    const s = await started();
    await s.connection.sendNotification('textDocument/didOpen', {});
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 9 }] });
    expect(await s.request('textDocument/hover', {})).toBeNull();
    expect(await s.request('textDocument/completion', { textDocument: {} })).toBeNull();
    await expect(s.request('decisionMemos/newMemo', null)).rejects.toThrow(/title/);
    await expect(s.request('no/such/method', {})).rejects.toThrow();
    const published = s.waitForDiagnostics(MEMO);
    await s.open(MEMO, GOOD_MEMO);
    await published;
    // Handlers said what went wrong (for the output channel); nothing else is wrong.
    expect(s.handlerErrors().length).toBeGreaterThan(0);
    s.logs.length = 0;
  });
});

describe('lifecycle', () => {
  it('shuts down and exits with code 0', async () => {
    const s = await started();
    await s.open(MEMO, GOOD_MEMO);
    expect(await s.stop()).toBe(0);
    server = undefined;
  });

  it('exits with code 1 on exit without shutdown (as the protocol says)', async () => {
    const s = await started();
    await s.connection.sendNotification('exit');
    expect(await s.exitPromise).toBe(1);
    server = undefined;
  });
});
