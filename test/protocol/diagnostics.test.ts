import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ruleDocUrl } from '../../server/src/core/check/rule';
import { GOOD_MEMO, NO_OWNER_MEMO, standardFiles } from './fixture';
import { LspHarness, makeWorkspace, writeFiles } from './lspHarness';

const NO_OWNER = 'decisions/0002-managed-search.md';
const GOOD = 'decisions/0001-use-a-cache.md';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const has = (rule: string) => (p: PublishDiagnosticsParams) => codes(p).includes(rule);
const lacks = (rule: string) => (p: PublishDiagnosticsParams) => !codes(p).includes(rule);

let server: LspHarness | undefined;
afterEach(async () => {
  if (server) expect(server.handlerErrors()).toEqual([]);
  await server?.stop();
  server = undefined;
});

describe('diagnostics over the protocol', () => {
  it('publishes diagnostics for an opened memo with code, doc link, source and exact range', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root);
    const published = server.waitForDiagnostics(NO_OWNER, has('owner-missing'));
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    const p = await published;
    expect(p.version).toBe(1);
    const d = p.diagnostics.find((x) => x.code === 'owner-missing')!;
    expect(d).toMatchObject({
      source: 'decision-memos',
      severity: 2,
      codeDescription: { href: ruleDocUrl('owner-missing') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    });
    expect(d.message).toMatch(/owner/i);
  });

  it('updates diagnostics on change, clears them when fixed, and reports only the latest version of a burst', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { debounceMs: 50 } });
    const first = server.waitForDiagnostics(NO_OWNER, has('owner-missing'));
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    await first;

    const fixedText = NO_OWNER_MEMO.replace('status: draft', 'status: draft\nowners: [alice]');
    const cleared = server.waitForDiagnostics(NO_OWNER, lacks('owner-missing'));
    const sent = performance.now();
    const version = await server.change(NO_OWNER, fixedText);
    const p = await cleared;
    const elapsed = performance.now() - sent;
    expect(p.version).toBe(version);
    console.log(`didChange → diagnostics: ${elapsed.toFixed(0)} ms (debounce 50 ms)`);

    // A burst of edits: only the last version is checked and published.
    const before = server.received.length;
    const broken = NO_OWNER_MEMO;
    let last = 0;
    const settled = server.waitForDiagnostics(NO_OWNER, (q) => q.version === version + 5);
    for (let i = 1; i <= 5; i++) last = await server.change(NO_OWNER, i % 2 ? broken : fixedText);
    const final = await settled;
    expect(final.version).toBe(last);
    expect(codes(final)).toContain('owner-missing');
    const burst = server.received.slice(before).filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === server!.uri(NO_OWNER));
    expect(burst.map((n) => n.params.version)).toEqual([last]);
  });

  it('leaves out what a suppression comment silences, and reports the comment once nothing needs it', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { debounceMs: 50 } });
    const silenced = NO_OWNER_MEMO + '\n<!-- decision-memos-disable-file owner-missing -- owned by the platform team -->\n';
    const first = server.waitForDiagnostics(NO_OWNER, (p) => p.version === 1);
    await server.open(NO_OWNER, silenced);
    expect(codes(await first)).not.toContain('owner-missing');
    // Once the memo names its owner, the comment silences nothing.
    const unused = server.waitForDiagnostics(NO_OWNER, has('suppression-unused'));
    await server.change(NO_OWNER, silenced.replace('status: draft', 'status: draft\nowners: [alice]'));
    const p = await unused;
    expect(p.diagnostics.find((d) => d.code === 'suppression-unused')!.range.start.line).toBe(silenced.split('\n').findIndex((l) => l.startsWith('<!--')) + 1);
  });

  it('re-checks an open memo when a tenet file changes on disk', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root);
    const text = NO_OWNER_MEMO.replace('tenets: [CO-TRUST]', 'tenets: [CO-TRUST, ENG-NEW]');
    const unknown = server.waitForDiagnostics(NO_OWNER, has('tenet-unknown'));
    await server.open(NO_OWNER, text);
    const p = await unknown;
    expect(p.diagnostics.find((d) => d.code === 'tenet-unknown')!.range).toEqual({ start: { line: 4, character: 19 }, end: { line: 4, character: 26 } });

    // The tenet is added on disk: the open memo is checked again without being edited.
    const added = server.waitForDiagnostics(NO_OWNER, lacks('tenet-unknown'));
    const tenets = fs.readFileSync(path.join(root, 'tenets.yaml'), 'utf8');
    writeFiles(root, { 'tenets.yaml': `${tenets}- id: ENG-NEW\n  layer: function\n  function: engineering\n  parent: CO-TRUST\n  statement: When novelty and stability conflict, we choose stability over novelty because outages cost trust.\n` });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('tenets.yaml'), type: 2 }] });
    await added;

    // Retiring CO-TRUST flags its citation.
    const retired = server.waitForDiagnostics(NO_OWNER, has('tenet-retired'));
    const now = fs.readFileSync(path.join(root, 'tenets.yaml'), 'utf8');
    writeFiles(root, { 'tenets.yaml': now.replace('- id: CO-TRUST\n  layer: company\n', '- id: CO-TRUST\n  layer: company\n  status: retired\n') });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('tenets.yaml'), type: 2 }] });
    await retired;
  });

  it('re-checks open memos when an open tenet file is edited', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { debounceMs: 20 } });
    const text = NO_OWNER_MEMO.replace('tenets: [CO-TRUST]', 'tenets: [TEAM-NEW]');
    const unknown = server.waitForDiagnostics(NO_OWNER, has('tenet-unknown'));
    await server.open(NO_OWNER, text);
    await unknown;
    const tenetFile = fs.readFileSync(path.join(root, 'tenets/search.md'), 'utf8');
    await server.open('tenets/search.md', tenetFile);
    const known = server.waitForDiagnostics(NO_OWNER, lacks('tenet-unknown'));
    await server.change('tenets/search.md', tenetFile.replace('TEAM-CACHE', 'TEAM-NEW'));
    await known;
  });

  it('publishes closed memos with problemsScope "workspace", and clears them when the setting flips back', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { problemsScope: 'workspace' } });
    const closed = await server.waitForDiagnostics(NO_OWNER, has('owner-missing'));
    expect(closed.version).toBeUndefined();
    const cleared = server.waitForDiagnostics(NO_OWNER, (p) => p.diagnostics.length === 0);
    server.settings = { ...server.settings, problemsScope: 'openFiles' };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await cleared;
  });

  it('"Check All Memos" shows closed memos whatever problemsScope says, answers with the files with problems, until the settings change', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { problemsScope: 'openFiles' } });
    const shown = server.waitForDiagnostics(NO_OWNER, has('owner-missing'));
    const result = await server.request<{ files: { file: string; warnings: number }[]; problemsScope: string }>('decisionMemos/checkAll', {});
    expect(result.problemsScope).toBe('workspace');
    expect(result.files.map((f) => f.file)).toContain(NO_OWNER);
    expect((await shown).version).toBeUndefined();
    // A memo created afterwards was not part of the check: it follows problemsScope (counted, not shown).
    const LATER = 'decisions/0009-later.md';
    writeFiles(root, { [LATER]: NO_OWNER_MEMO.replace('"0002"', '"0009"') });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(LATER), type: 1 }] });
    for (let counted = false; !counted; ) {
      const nextStatus = server.waitFor('decisionMemos/status');
      const problems = await server.request<{ files: { file: string }[] }>('decisionMemos/problems', {});
      counted = problems.files.some((f) => f.file === LATER);
      if (!counted) await nextStatus;
      else nextStatus.catch(() => undefined);
    }
    const laterUri = server.uri(LATER);
    const published = server.received.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === laterUri);
    expect(published.every((n) => n.params.diagnostics.length === 0)).toBe(true);
    // The settings say again what Problems shows: the closed memo's diagnostics go.
    const cleared = server.waitForDiagnostics(NO_OWNER, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await cleared;
  });

  it('applies rule severities from the settings and turns off with enable: false', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { rules: { 'owner-missing': 'error' } } });
    const asError = server.waitForDiagnostics(NO_OWNER, has('owner-missing'));
    await server.open(NO_OWNER, NO_OWNER_MEMO);
    expect((await asError).diagnostics.find((d) => d.code === 'owner-missing')!.severity).toBe(1);

    const off = server.waitForDiagnostics(NO_OWNER, (p) => p.diagnostics.length === 0);
    server.settings = { ...server.settings, enable: false };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await off;
  });

  it('reports an invalid .decisions.yaml on the config file', async () => {
    const root = makeWorkspace({ ...standardFiles(), '.decisions.yaml': 'rules:\n  no-such-rule: error\n' });
    server = await LspHarness.start(root);
    const p = await server.waitForDiagnostics('.decisions.yaml', has('config-invalid'));
    expect(p.diagnostics[0]!.range.start.line).toBe(1);
  });

  it('indexes in the background and reports progress and status', async () => {
    const files = standardFiles();
    for (let i = 3; i < 203; i++) files[`decisions/${String(i).padStart(4, '0')}-memo.md`] = GOOD_MEMO.replace('"0001"', `"${String(i).padStart(4, '0')}"`);
    const root = makeWorkspace(files);
    server = await LspHarness.start(root);
    const ready = await server.waitForReady();
    expect(ready.memos).toBe(202);
    // Front matter first: every memo was known (ready) while their bodies were still being read.
    const statuses = server.received.filter((n) => n.method === 'decisionMemos/status').map((n) => n.params as { state: string; memos: number; reading?: { done: number; total: number } });
    const known = statuses.find((s) => s.state === 'ready' && s.reading !== undefined);
    expect(known).toMatchObject({ memos: 202, reading: { total: 202 } });
    const progress = server.received.filter((n) => n.method === '$/progress').map((n) => n.params.value.kind);
    expect(progress[0]).toBe('begin');
    expect(progress.at(-1)).toBe('end');
    // The status becomes known once the background pass has checked every memo.
    const counted = await server.waitFor<{ state: string; warnings: number }>('decisionMemos/status', (s) => s.warnings > 0);
    expect(counted.state).toBe('ready');
  });

  it('forgets a memo deleted on disk', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root);
    await server.waitForReady();
    const published = server.waitForDiagnostics(GOOD);
    await server.open(GOOD, GOOD_MEMO);
    await published;
    // A memo deleted on disk is forgotten (no crash, no stale diagnostics for it).
    fs.rmSync(path.join(root, NO_OWNER));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri(NO_OWNER), type: 3 }] });
    const symbols = await server.request<Array<{ name: string }>>('workspace/symbol', { query: 'managed' });
    expect(symbols).toEqual([]);
  });
});

describe('cross-memo diagnostics', () => {
  it('re-checks an unchanged open memo when another memo starts linking to it, with related locations, and fixes it all at once', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root, { settings: { debounceMs: 20 } });
    await server.waitForReady();
    const clean = server.waitForDiagnostics(GOOD);
    await server.open(GOOD, GOOD_MEMO);
    expect(codes(await clean)).not.toContain('supersede-broken');

    const successor = 'decisions/0003-successor.md';
    const linked = server.waitForDiagnostics(GOOD, has('supersede-broken'));
    await server.open(successor, '---\nid: "0003"\nowners: [bob]\nsupersedes: ["0001"]\n---\n# Successor\n');
    const p = await linked;
    const d = p.diagnostics.find((x) => x.code === 'supersede-broken')!;
    expect(d.relatedInformation?.[0]?.location).toEqual({ uri: server.uri(successor), range: { start: { line: 3, character: 13 }, end: { line: 3, character: 19 } } });

    // "Fix all" applies the safe back-link fix.
    const actions = await server.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: server.uri(GOOD) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.decisionMemos']);
    const edits = actions[0].edit.documentChanges[0].edits;
    expect(edits.map((e: { newText: string }) => e.newText).join('')).toContain('0003');

    // The successor changes its id: the link is gone, and so is the diagnostic on the open memo.
    const unlinked = server.waitForDiagnostics(GOOD, lacks('supersede-broken'));
    await server.change(successor, '---\nid: "0003"\nowners: [bob]\n---\n# Successor\n');
    await unlinked;
  });
});

describe('evidence files', () => {
  it('offers to create a missing evidence file, and re-checks the memo when the file appears or vanishes', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root);
    const text = GOOD_MEMO.replace('../evidence/slo.md', '../evidence/load-test.md');
    const missing = server.waitForDiagnostics(GOOD, has('evidence-not-found'));
    await server.open(GOOD, text);
    const d = (await missing).diagnostics.find((x) => x.code === 'evidence-not-found')!;
    expect(d.range).toEqual({ start: { line: 9, character: 10 }, end: { line: 9, character: 34 } });

    const actions = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri: server.uri(GOOD) }, range: d.range, context: { diagnostics: [d] } });
    const create = actions.find((a) => a.edit.documentChanges?.[0]?.kind === 'create')!;
    expect(create.edit.documentChanges[0]).toMatchObject({ kind: 'create', uri: server.uri('evidence/load-test.md') });
    expect(create.edit.documentChanges[1]).toMatchObject({ textDocument: { uri: server.uri('evidence/load-test.md'), version: null } });

    const found = server.waitForDiagnostics(GOOD, lacks('evidence-not-found'));
    writeFiles(root, { 'evidence/load-test.md': '# Load test\n' });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('evidence/load-test.md'), type: 1 }] });
    await found;

    const gone = server.waitForDiagnostics(GOOD, has('evidence-not-found'));
    fs.rmSync(path.join(root, 'evidence'), { recursive: true });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('evidence'), type: 3 }] });
    await gone;
  });
});
