import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-jsonrpc/node';
import { AUDIT_REQUEST, type AuditParams, type AuditResult } from '../../server/src/shared/protocol';
import { NO_OWNER_MEMO, standardFiles } from './fixture';
import { LspHarness, makeWorkspace } from './lspHarness';

// `decisionMemos/audit` over stdio: the report the editor's Tenet Usage panel and Decisions view
// show, computed from the server's live index (open buffers included).

const NO_OWNER = 'decisions/0002-managed-search.md';

let server: LspHarness | undefined;
afterEach(async () => {
  if (server) expect(server.handlerErrors()).toEqual([]);
  await server?.stop();
  server = undefined;
});

const requestAudit = (params: AuditParams = {}) => server!.request<AuditResult>(AUDIT_REQUEST.method, params);
const citationsOf = (report: AuditResult) => Object.fromEntries(report.tenets.map((t) => [t.id, t.citations]));

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseError);
  return error as ResponseError<unknown>;
}

describe('decisionMemos/audit', () => {
  it('answers the first folder’s report once its index is complete, even when asked before', async () => {
    const root = makeWorkspace(standardFiles());
    server = await LspHarness.start(root);
    // Asked at once: the server waits for its index instead of counting part of it.
    const report = await requestAudit();
    expect(report.root).toBe(root);
    expect(report.memos).toBe(2);
    expect(report.citing).toBe(2);
    expect(report.byStatus).toMatchObject({ proposed: 1, draft: 1, accepted: 0 });
    expect(citationsOf(report)).toEqual({ 'ENG-LATENCY': 2, 'CO-TRUST': 1, 'CO-SPEED': 0, 'PROD-SIMPLE': 0, 'TEAM-CACHE': 0 });
    expect(report.uncited).toEqual(['PROD-SIMPLE', 'TEAM-CACHE']);
    expect(report.tenets.find((t) => t.id === 'TEAM-CACHE')).toMatchObject({ file: 'tenets/search.md', layer: 'team', parent: 'ENG-LATENCY' });
    // Paths are relative to the folder (the client resolves them there); JSON drops the absent date.
    expect(report.memoList).toEqual([
      { file: 'decisions/0001-use-a-cache.md', id: '0001', title: 'Use a cache for the search API', status: 'proposed', date: '2026-05-01' },
      { file: NO_OWNER, id: '0002', title: 'Move search to a managed service', status: 'draft' },
    ]);
  });

  it('counts the text of open, unsaved memos', async () => {
    server = await LspHarness.start(makeWorkspace(standardFiles()));
    await server.waitForReady();
    const edited = NO_OWNER_MEMO.replace('tenets: [CO-TRUST]', 'tenets: [PROD-SIMPLE]').replace('status: draft', 'status: accepted');
    const checked = server.waitForDiagnostics(NO_OWNER);
    await server.open(NO_OWNER, edited);
    await checked;
    const report = await requestAudit();
    expect(citationsOf(report)).toMatchObject({ 'CO-TRUST': 0, 'PROD-SIMPLE': 1, 'ENG-LATENCY': 2 });
    expect(report.uncited).toEqual(['CO-TRUST', 'TEAM-CACHE']);
    expect(report.byStatus).toMatchObject({ accepted: 1, draft: 0 });
  });

  it('reports the folder it is asked for, limited to memos since a day', async () => {
    const first = makeWorkspace(standardFiles());
    const second = makeWorkspace({ ...standardFiles(), 'decisions/0003-later.md': '---\nstatus: draft\ndate: 2026-06-01\nowners: [bob]\ntenets: [PROD-SIMPLE]\n---\n# Later\n' });
    server = await LspHarness.start(first, { extraFolders: [second] });
    const report = await requestAudit({ folder: pathToFileURL(second).href, since: '2026-05-01' });
    expect(report.root).toBe(second);
    expect(report.since).toBe('2026-05-01');
    // 0002 has no date: a period leaves undated memos out.
    expect(report.memoList.map((m) => m.id)).toEqual(['0001', '0003']);
    expect(citationsOf(report)).toMatchObject({ 'PROD-SIMPLE': 1, 'CO-TRUST': 0 });
  });

  it('refuses a folder it does not know and a date that is not YYYY-MM-DD', async () => {
    server = await LspHarness.start(makeWorkspace(standardFiles()));
    const elsewhere = makeWorkspace({});
    const unknown = await rejection(requestAudit({ folder: pathToFileURL(elsewhere).href }));
    expect(unknown.message).toMatch(/not a workspace folder/);
    const badDate = await rejection(requestAudit({ since: '2026-02-30' }));
    expect(badDate.message).toMatch(/not a real date/);
    expect((await rejection(requestAudit({ since: 'last week' }))).message).toMatch(/YYYY-MM-DD/);
  });
});
