import { afterEach, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { GOOD_MEMO, NO_OWNER_MEMO, standardFiles } from './fixture';
import { LspHarness, makeWorkspace, rulesOnly, uriOf } from './lspHarness';

const NO_OWNER = 'decisions/0002-managed-search.md';
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

let server: LspHarness | undefined;
afterEach(async () => {
  if (server) expect(server.handlerErrors()).toEqual([]);
  await server?.stop();
  server = undefined;
});

describe('workspace folders', () => {
  it('gives each folder of a multi-root workspace its own config', async () => {
    const strict = makeWorkspace(standardFiles());
    const lenient = makeWorkspace({ ...standardFiles(), '.decisions.yaml': rulesOnly(['front-matter-missing']).join('\n') + '\n' });
    server = await LspHarness.start(strict, { extraFolders: [lenient] });
    const inStrict = server.waitForDiagnostics(NO_OWNER, (p) => codes(p).includes('owner-missing'));
    const lenientUri = uriOf(lenient, NO_OWNER);
    const inLenient = server.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === lenientUri);
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: lenientUri, languageId: 'markdown', version: 1, text: NO_OWNER_MEMO } });
    await inStrict;
    expect((await inLenient).diagnostics).toEqual([]);
  });

  it('checks a memo outside every folder against the nearest .decisions.yaml above it, and ignores other markdown', async () => {
    const folder = makeWorkspace({ 'README.md': '# hi\n' });
    const elsewhere = makeWorkspace(standardFiles());
    server = await LspHarness.start(folder);
    const outside = uriOf(elsewhere, NO_OWNER);
    const published = server.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === outside);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: outside, languageId: 'markdown', version: 1, text: NO_OWNER_MEMO } });
    expect(codes(await published)).toContain('owner-missing');

    const plain = makeWorkspace({});
    const loose = uriOf(plain, 'notes/todo.md');
    const nothing = server.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === loose);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: loose, languageId: 'markdown', version: 1, text: 'no front matter\n' } });
    expect((await nothing).diagnostics).toEqual([]);
  });

  it('checks an open memo while the index is still being built, and again once it is complete', async () => {
    const files = standardFiles();
    for (let i = 10; i < 810; i++) files[`decisions/${String(i).padStart(4, '0')}-memo.md`] = GOOD_MEMO.replace('"0001"', `"${String(i).padStart(4, '0')}"`);
    server = await LspHarness.start(makeWorkspace(files));
    const t0 = performance.now();
    const first = server.waitForDiagnostics(NO_OWNER);
    const ready = server.waitForReady(30_000);
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    await first;
    const firstAt = performance.now() - t0;
    const readyState = server.received.some((n) => n.method === 'decisionMemos/status' && n.params.state === 'ready');
    expect(readyState).toBe(false);
    const again = server.waitForDiagnostics(NO_OWNER, () => true, 30_000);
    await ready;
    await again;
    console.log(`800 memos: first diagnostics of an open memo after ${firstAt.toFixed(0)} ms, index ready after ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('re-checks open memos when the config is edited in the editor', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { debounceMs: 10 } });
    const withOwner = server.waitForDiagnostics(NO_OWNER, (p) => codes(p).includes('owner-missing'));
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    await withOwner;
    const config = standardFiles()['.decisions.yaml']!;
    await server.open('.decisions.yaml', config, 'yaml');
    const without = server.waitForDiagnostics(NO_OWNER, (p) => !codes(p).includes('owner-missing'));
    await server.change('.decisions.yaml', config + '  owner-missing: off\n');
    await without;
  });

  it('clears the diagnostics of a closed memo (problemsScope "openFiles")', async () => {
    server = await LspHarness.start(makeWorkspace(standardFiles()));
    const opened = server.waitForDiagnostics(NO_OWNER, (p) => p.diagnostics.length > 0);
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    await opened;
    const cleared = server.waitForDiagnostics(NO_OWNER, (p) => p.diagnostics.length === 0);
    await server.close(NO_OWNER);
    await cleared;
  });

  it('indexes a folder added at run time', async () => {
    server = await LspHarness.start(makeWorkspace({ 'README.md': '# hi\n' }));
    await server.waitForReady();
    const added = makeWorkspace(standardFiles());
    const ready = server.waitFor('decisionMemos/status', (s: { state: string; memos: number }) => s.state === 'ready' && s.memos === 2);
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(added, ''), name: 'added' }], removed: [] } });
    await ready;
    const symbols = await server.request<Array<{ name: string }>>('workspace/symbol', { query: 'managed' });
    expect(symbols.map((s) => s.name)).toEqual(['0002: Move search to a managed service']);
  });
});
