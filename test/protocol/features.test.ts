import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Hover, Location, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GOOD_MEMO, NO_OWNER_MEMO, standardFiles } from './fixture';
import { LspHarness, makeWorkspace, VSCODE_LIKE_CAPABILITIES } from './lspHarness';

const GOOD = 'decisions/0001-use-a-cache.md';
const NO_OWNER = 'decisions/0002-managed-search.md';
const pos = (line: number, character: number) => ({ line, character });

let server: LspHarness;
let root: string;

beforeAll(async () => {
  root = makeWorkspace(standardFiles());
  server = await LspHarness.start(root);
  await server.waitForReady();
  const published = Promise.all([server.waitForDiagnostics(GOOD), server.waitForDiagnostics(NO_OWNER)]);
  await server.open(GOOD, GOOD_MEMO);
  await server.open(NO_OWNER, NO_OWNER_MEMO);
  await published;
});

afterAll(async () => {
  expect(server.handlerErrors()).toEqual([]);
  expect(await server.stop()).toBe(0);
});

function at(params: { uri?: string; rel?: string; line: number; character: number }) {
  return { textDocument: { uri: params.uri ?? server.uri(params.rel ?? GOOD) }, position: pos(params.line, params.character) };
}

/** Applies the edits one file gets from a workspace edit, as the editor would. */
function applyTo(edit: WorkspaceEdit, uri: string, text: string): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  edits.push(...(edit.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('code actions', () => {
  it('offers the owner-missing fix, whose edit inserts `owners:` and clears the diagnostic', async () => {
    const uri = server.uri(NO_OWNER);
    const last = [...server.received].reverse().find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)!.params as PublishDiagnosticsParams;
    const ownerMissing = last.diagnostics.find((d) => d.code === 'owner-missing')!;
    const actions = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: ownerMissing.range, context: { diagnostics: [ownerMissing] } });
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'owner-missing')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [ownerMissing] });
    const fixed = applyTo(fix.edit, uri, NO_OWNER_MEMO);
    expect(fixed).toContain('status: draft\nowners:\n  - OWNER\n');
    const cleared = server.waitForDiagnostics(NO_OWNER, (p) => !p.diagnostics.some((d) => d.code === 'owner-missing'));
    await server.change(NO_OWNER, fixed);
    await cleared;
    const back = server.waitForDiagnostics(NO_OWNER, (p) => p.diagnostics.some((d) => d.code === 'owner-missing'));
    await server.change(NO_OWNER, NO_OWNER_MEMO);
    await back;
  });
});

describe('completion', () => {
  it('completes tenet ids after `[[`, closing the brackets only when they are not typed yet', async () => {
    const text = GOOD_MEMO + '\nSee [[ENG\nAnd [[CO]] too.\n';
    await server.change(GOOD, text);
    const lines = text.split('\n');
    const open = lines.findIndex((l) => l === 'See [[ENG');
    const list = await server.request<CompletionList>('textDocument/completion', at({ line: open, character: 9 }));
    const item = list.items.find((i) => i.label === 'ENG-LATENCY')!;
    expect(item.detail).toContain('function');
    expect((item.documentation as { value: string }).value).toContain('we choose latency over throughput');
    expect(item.textEdit).toEqual({ range: { start: pos(open, 6), end: pos(open, 9) }, newText: 'ENG-LATENCY]]' });

    const closed = await server.request<CompletionList>('textDocument/completion', at({ line: open + 1, character: 8 }));
    const co = closed.items.find((i) => i.label === 'CO-TRUST')!;
    // The `]]` already there stays: a snippet's `[[$1]]` keeps going after the completion.
    expect(co.textEdit).toEqual({ range: { start: pos(open + 1, 6), end: pos(open + 1, 8) }, newText: 'CO-TRUST' });
    // Retired tenets are offered last, marked deprecated.
    expect(closed.items.find((i) => i.label === 'CO-SPEED')).toMatchObject({ tags: [1] });
    await server.change(GOOD, GOOD_MEMO);
  });

  it('completes tenet ids in the front matter `tenets:` list, without those already cited', async () => {
    const text = GOOD_MEMO.replace('tenets: [ENG-LATENCY]', 'tenets: [ENG-LATENCY, ]');
    await server.change(GOOD, text);
    const list = await server.request<CompletionList>('textDocument/completion', at({ line: 7, character: 22 }));
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain('CO-TRUST');
    expect(labels).toContain('TEAM-CACHE');
    expect(labels).not.toContain('ENG-LATENCY');
    expect(list.items.find((i) => i.label === 'CO-TRUST')!.textEdit).toEqual({ range: { start: pos(7, 22), end: pos(7, 22) }, newText: 'CO-TRUST' });
    await server.change(GOOD, GOOD_MEMO);
  });

  it('completes owners from people, status and reversibility values, evidence paths and memo ids — even while the YAML is broken', async () => {
    const text = GOOD_MEMO.replace('owners: [alice]', 'owners: [alice, b').replace('status: proposed', 'status: ').replace('reversibility: two-way', 'reversibility: ')
      .replace('    limits: four-week window only', '    limits: four-week window only\n  - path: ../ev')
      .replace('tenets: [ENG-LATENCY]', 'tenets: [ENG-LATENCY]\nsupersedes: ');
    await server.change(GOOD, text);
    const lines = text.split('\n');
    const line = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    const labels = async (l: number, c: number) => (await server.request<CompletionList>('textDocument/completion', at({ line: l, character: c }))).items.map((i) => i.label);
    expect(await labels(line('owners:'), 17)).toEqual(['alice', 'bob']);
    expect(await labels(line('status:'), 8)).toEqual(['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
    expect(await labels(line('reversibility:'), 15)).toEqual(['two-way', 'costly', 'one-way']);
    expect(await labels(line('  - path: ../ev'), 15)).toContain('../evidence/slo.md');
    expect(await labels(line('supersedes:'), 12)).toEqual(['0002']);
    await server.change(GOOD, GOOD_MEMO);
  });

  it('offers nothing in plain prose', async () => {
    const list = await server.request<CompletionList | null>('textDocument/completion', at({ line: 18, character: 10 }));
    expect(list).toBeNull();
  });
});

describe('hover', () => {
  it('shows a tenet statement, its chain to a company tenet and how many memos cite it', async () => {
    const hover = await server.request<Hover>('textDocument/hover', at({ line: 7, character: 12 }));
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('**ENG-LATENCY**');
    expect(value).toContain('we choose latency over throughput');
    expect(value).toContain('ENG-LATENCY (function) → CO-TRUST (company)');
    expect(value).toContain('Cited by 2 memos');
    expect(hover.range).toEqual({ start: pos(7, 9), end: pos(7, 20) });
    // The inline form, and the definition in a markdown tenet file.
    const inline = await server.request<Hover>('textDocument/hover', at({ line: 16, character: 6 }));
    expect(inline.range).toEqual({ start: pos(16, 4), end: pos(16, 15) });
  });

  it('shows an owner’s name, role and email', async () => {
    const hover = await server.request<Hover>('textDocument/hover', at({ line: 5, character: 10 }));
    expect((hover.contents as { value: string }).value).toBe('**Alice Smith** (alice) · Engineering manager · alice@example.com');
  });

  it('works in a tenet file', async () => {
    const text = fs.readFileSync(path.join(root, 'tenets/search.md'), 'utf8');
    await server.open('tenets/search.md', text);
    const hover = await server.request<Hover>('textDocument/hover', at({ rel: 'tenets/search.md', line: 5, character: 10 }));
    expect((hover.contents as { value: string }).value).toContain('**ENG-LATENCY**');
    const own = await server.request<Hover>('textDocument/hover', at({ rel: 'tenets/search.md', line: 2, character: 5 }));
    expect((own.contents as { value: string }).value).toContain('TEAM-CACHE (team) → ENG-LATENCY (function) → CO-TRUST (company)');
    await server.close('tenets/search.md');
  });
});

describe('navigation', () => {
  it('goes to a tenet definition, a memo, an evidence file and a person', async () => {
    const tenet = await server.request<Location[]>('textDocument/definition', at({ line: 16, character: 8 }));
    expect(tenet).toEqual([{ uri: server.uri('tenets.yaml'), range: { start: pos(9, 6), end: pos(9, 17) } }]);
    const evidence = await server.request<Location[]>('textDocument/definition', at({ line: 9, character: 15 }));
    expect(evidence).toEqual([{ uri: server.uri('evidence/slo.md'), range: { start: pos(0, 0), end: pos(0, 0) } }]);
    const person = await server.request<Location[]>('textDocument/definition', at({ line: 5, character: 10 }));
    expect(person[0]!.uri).toBe(server.uri('people.yaml'));
    // A memo id in `supersedes`: hover shows its title and status, definition opens it.
    await server.change(GOOD, GOOD_MEMO.replace('status: proposed', 'status: proposed\nsupersedes: ["0002"]'));
    const memoHover = await server.request<Hover>('textDocument/hover', at({ line: 4, character: 15 }));
    expect((memoHover.contents as { value: string }).value).toBe('**0002**: Move search to a managed service · draft · `decisions/0002-managed-search.md`');
    const memo = await server.request<Location[]>('textDocument/definition', at({ line: 4, character: 15 }));
    expect(memo).toEqual([{ uri: server.uri(NO_OWNER), range: { start: pos(1, 4), end: pos(1, 10) } }]);
    await server.change(GOOD, GOOD_MEMO);
  });

  it('finds every citation of a tenet, in open and closed memos, and the `parent:` naming it', async () => {
    const refs = await server.request<Location[]>('textDocument/references', { ...at({ line: 7, character: 12 }), context: { includeDeclaration: true } });
    const where = refs.map((r) => `${path.relative(root, new URL(r.uri).pathname)}:${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`);
    expect(where.sort()).toEqual(
      ['decisions/0001-use-a-cache.md:16:4-15', 'decisions/0001-use-a-cache.md:7:9-20', 'decisions/0002-managed-search.md:10:10-21', 'tenets.yaml:9:6-17', 'tenets/search.md:5:8-19'].sort(),
    );
  });

  it('renames a tenet across the registry and every memo, and rejects an invalid id', async () => {
    const prepared = await server.request('textDocument/prepareRename', at({ line: 16, character: 8 }));
    expect(prepared).toEqual({ range: { start: pos(16, 4), end: pos(16, 15) }, placeholder: 'ENG-LATENCY' });
    await expect(server.request('textDocument/rename', { ...at({ line: 16, character: 8 }), newName: 'eng latency' })).rejects.toThrow(/not a tenet id/);
    await expect(server.request('textDocument/rename', { ...at({ line: 16, character: 8 }), newName: 'CO-TRUST' })).rejects.toThrow(/already exists/);
    expect(await server.request('textDocument/prepareRename', at({ line: 18, character: 3 }))).toBeNull();

    const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...at({ line: 16, character: 8 }), newName: 'ENG-SPEED' });
    const byFile = new Map<string, { version: number | null; count: number }>();
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) continue;
      byFile.set(path.relative(root, new URL(change.textDocument.uri).pathname), { version: change.textDocument.version, count: change.edits.length });
    }
    expect(Object.fromEntries(byFile)).toEqual({
      'decisions/0001-use-a-cache.md': { version: expect.any(Number), count: 2 },
      'decisions/0002-managed-search.md': { version: expect.any(Number), count: 1 },
      'tenets.yaml': { version: null, count: 1 },
      'tenets/search.md': { version: null, count: 1 },
    });
    const renamed = applyTo(edit, server.uri(GOOD), GOOD_MEMO);
    expect(renamed).toContain('tenets: [ENG-SPEED]');
    expect(renamed).toContain('- [[ENG-SPEED]] ✓');
  });

  it('lists document symbols: memo sections as a tree, tenets in a tenet file', async () => {
    const symbols = await server.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: server.uri(GOOD) } });
    expect(symbols.map((s) => s.name)).toEqual(['Front matter', 'Use a cache for the search API']);
    expect(symbols[1].children.map((s: { name: string }) => s.name)).toEqual(['Relevant tenets']);
    expect(symbols[0].children.map((s: { name: string }) => s.name)).toContain('tenets');
    await server.open('tenets.yaml', fs.readFileSync(path.join(root, 'tenets.yaml'), 'utf8'), 'yaml');
    const tenets = await server.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: server.uri('tenets.yaml') } });
    expect(tenets.map((s) => s.name)).toEqual(['CO-TRUST', 'CO-SPEED', 'ENG-LATENCY', 'PROD-SIMPLE']);
    const lenses = await server.request<any[]>('textDocument/codeLens', { textDocument: { uri: server.uri('tenets.yaml') } });
    expect(lenses.map((l) => l.command.title)).toEqual(['cited by 1 memo', 'not cited by any memo', 'cited by 2 memos', 'not cited by any memo']);
    expect(lenses[2].command).toMatchObject({ command: 'decisionMemos.showReferences', arguments: [server.uri('tenets.yaml'), pos(9, 6)] });
    await server.close('tenets.yaml');
  });

  it('finds memos and tenets by id or title across the workspace', async () => {
    const symbols = await server.request<any[]>('workspace/symbol', { query: 'cache' });
    expect(symbols.map((s) => s.name).sort()).toEqual(['0001: Use a cache for the search API', 'TEAM-CACHE: cache before scale']);
    expect((await server.request<any[]>('workspace/symbol', { query: '' })).length).toBe(7);
  });

  it('links evidence paths and inline citations', async () => {
    const links = await server.request<any[]>('textDocument/documentLink', { textDocument: { uri: server.uri(GOOD) } });
    expect(links.map((l) => l.target)).toEqual([server.uri('evidence/slo.md'), `${server.uri('tenets.yaml')}#L10,7`]);
  });

  it('plans a new memo with the next free id', async () => {
    const result = await server.request<{ uri: string; content: string }>('decisionMemos/newMemo', { folder: server.uri(''), title: 'Adopt Postgres' });
    expect(result.uri).toBe(server.uri('decisions/0003-adopt-postgres.md'));
    expect(result.content).toContain('# Adopt Postgres');
  });
});

describe('a client without versioned edits or file creation', () => {
  it('gets plain `changes` edits', async () => {
    const other = await LspHarness.start(makeWorkspace(standardFiles()), { capabilities: { ...VSCODE_LIKE_CAPABILITIES, workspace: { configuration: true } } });
    try {
      const published = other.waitForDiagnostics(NO_OWNER);
      await other.open(NO_OWNER, NO_OWNER_MEMO);
      const p = await published;
      const d = p.diagnostics.find((x) => x.code === 'owner-missing')!;
      const actions = await other.request<any[]>('textDocument/codeAction', { textDocument: { uri: other.uri(NO_OWNER) }, range: d.range, context: { diagnostics: [d] } });
      expect(Object.keys(actions[0].edit.changes)).toEqual([other.uri(NO_OWNER)]);
      expect(other.handlerErrors()).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
