import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Location, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { goodMemo } from '../helpers/memoWorkspace';
import { LspHarness, makeWorkspace, writeFiles } from './lspHarness';

// Shared configuration over stdio, on disk: the package in node_modules is read although the
// workspace's globs skip node_modules, its tenets are read-only, and a watched-file event for a
// file inside it reaches the state.

const EXAMPLE = path.resolve(__dirname, '../../examples/shared-config/acme-decisions');
const PKG = 'node_modules/@acme/decisions';
const MEMO = 'decisions/0001-cache.md';
const MEMO_TEXT = goodMemo({ owners: '[ada]', tenets: '[CO-TRUST]' }, [
  '# Use a cache',
  '',
  '## Relevant tenets',
  '',
  '- [[CO-TRUST]] ✓ the cache holds no customer data.',
  '',
  'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
  'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
]);

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

let server: LspHarness | undefined;
afterEach(async () => {
  if (server) {
    expect(server.handlerErrors()).toEqual([]);
    await server.stop();
    server = undefined;
  }
});

describe('extends over the protocol', () => {
  it('reads the package, refuses renaming its tenets, and follows a watched change inside it', async () => {
    const root = makeWorkspace({ '.decisions.yaml': 'extends: "@acme/decisions"\n', [MEMO]: MEMO_TEXT });
    fs.cpSync(EXAMPLE, path.join(root, PKG), { recursive: true });
    server = await LspHarness.start(root, { settings: { debounceMs: 20 } });
    await server.waitForReady();
    const first = server.waitForDiagnostics(MEMO);
    await server.open(MEMO, MEMO_TEXT);
    const published = await first;
    expect(codes(published)).not.toContain('tenet-unknown');
    expect(codes(published)).not.toContain('owner-unknown');

    const line = MEMO_TEXT.split('\n').findIndex((l) => l.includes('[[CO-TRUST'));
    const at = { textDocument: { uri: server.uri(MEMO) }, position: { line, character: 6 } };
    const [target] = await server.request<Location[]>('textDocument/definition', at);
    expect(decodeURIComponent(target!.uri)).toBe(decodeURIComponent(server.uri(`${PKG}/tenets/company.md`)));
    await expect(server.request('textDocument/prepareRename', at)).rejects.toThrow('CO-TRUST is defined by the shared config @acme/decisions; change it there.');

    // The package retires CO-TRUST (an update of the installed package): the citation is flagged.
    const retired = server.waitForDiagnostics(MEMO, (p) => codes(p).includes('tenet-retired'));
    const file = path.join(root, PKG, 'tenets/company.md');
    writeFiles(root, { [`${PKG}/tenets/company.md`]: fs.readFileSync(file, 'utf8').replace('layer: company\ntags: [trust', 'layer: company\nstatus: retired\ntags: [trust') });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(`${PKG}/tenets/company.md`), type: 2 }] });
    await retired;
  });
});
