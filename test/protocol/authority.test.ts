import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, Location } from 'vscode-languageserver-protocol';
import { API_MEMO, API_MEMO_PATH as MEMO, AUTHORITY, authorityFiles } from '../service/authorityFixture';
import { LspHarness, makeWorkspace } from './lspHarness';

// The authority matrix over stdio: completion and hover of a memo's `decision-type`, definition
// into authority.yaml, the matrix's own problems published on it (closed or open), and an edit of
// it re-checking the open memo.

/** A third row whose trigger misspells a built-in: a warning on authority.yaml from the start. */
const OPS_ROW = `- type: ops-change
  title: Operational changes
  decides: owner
  escalate-to: bob
  triggers: [precedant]
`;

let server: LspHarness;

beforeAll(async () => {
  const root = makeWorkspace(authorityFiles({ 'authority.yaml': AUTHORITY + OPS_ROW }));
  server = await LspHarness.start(root);
  await server.waitForReady();
  const published = server.waitForDiagnostics(MEMO);
  await server.open(MEMO, API_MEMO);
  await published;
});

afterAll(async () => {
  expect(server.handlerErrors()).toEqual([]);
  expect(await server.stop()).toBe(0);
});

const line = (text: string, marker: string) => text.split('\n').findIndex((l) => l.startsWith(marker));

describe('authority matrix over the protocol', () => {
  it('completes `decision-type` with the matrix’s types and their rows', async () => {
    const l = line(API_MEMO, 'decision-type:');
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: server.uri(MEMO) }, position: { line: l, character: 'decision-type: '.length } });
    expect(list.items.map((i) => i.label)).toEqual(['api-design', 'data-model', 'ops-change']);
    const api = list.items[0]!;
    expect(api.detail).toBe('API design for team features');
    expect((api.documentation as { kind: string; value: string }).kind).toBe('markdown');
    expect((api.documentation as { value: string }).value).toContain('Escalates to: `architecture-review` — Bob Jones (bob), Carol King (carol)');
  });

  it('shows the row on hover over `decision-type`, and goes to its `type:` in authority.yaml', async () => {
    const position = { line: line(API_MEMO, 'decision-type:'), character: 'decision-type: api'.length };
    const h = await server.request<Hover>('textDocument/hover', { textDocument: { uri: server.uri(MEMO) }, position });
    const value = (h.contents as { value: string }).value;
    expect(value).toContain('**api-design** — API design for team features');
    expect(value).toContain('- `cross-team` — **applies**: `impact` lists it');
    expect(value).toContain('so `architecture-review` must approve: no approver holds it yet');
    expect(h.range).toEqual({ start: { line: position.line, character: 15 }, end: { line: position.line, character: 25 } });
    const [loc] = await server.request<Location[]>('textDocument/definition', { textDocument: { uri: server.uri(MEMO) }, position });
    expect(loc).toEqual({ uri: server.uri('authority.yaml'), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 18 } } });
  });

  it('publishes authority.yaml’s problems, open or not, and re-checks the open memo when it changes', async () => {
    const uri = server.uri('authority.yaml');
    // Closed: published by the index pass that checks every settings file.
    const first = server.received.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.length > 0);
    const onDisk = first ? first.params : await server.waitForDiagnostics('authority.yaml', (p) => p.diagnostics.length > 0);
    expect(onDisk.diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', severity: 2, message: expect.stringContaining('did you mean `precedent`') })]);

    // Open and edited: the matrix loses api-design, so the memo's type is unknown; a duplicate row is an error.
    const withoutApi = AUTHORITY.slice(AUTHORITY.indexOf('- type: data-model')) + '- type: Data-Model\n';
    const matrixProblems = server.waitForDiagnostics('authority.yaml', (p) => p.diagnostics.some((d) => String(d.message).includes('defined twice')));
    const memoUnknown = server.waitForDiagnostics(MEMO, (p) => p.diagnostics.some((d) => d.code === 'decision-type-unknown'));
    await server.open('authority.yaml', AUTHORITY + OPS_ROW, 'yaml');
    await server.change('authority.yaml', withoutApi);
    const problems = await matrixProblems;
    expect(problems.diagnostics.map((d) => [d.code, d.severity])).toEqual([['config-invalid', 1]]);
    await memoUnknown;

    // Fixed: both clear.
    const cleared = server.waitForDiagnostics('authority.yaml', (p) => p.diagnostics.length === 0);
    const memoKnown = server.waitForDiagnostics(MEMO, (p) => !p.diagnostics.some((d) => d.code === 'decision-type-unknown'));
    await server.change('authority.yaml', AUTHORITY);
    await cleared;
    await memoKnown;
  });
});
