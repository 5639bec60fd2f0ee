// The worker side of `NodeCheckPool` (checkPool.ts): a workspace read from disk with the settings
// the main thread uses, answering "summarise these memos", "index this slice" (kept here for the
// check to come), "here is the rest of the index" and "check this slice against it" until it is
// stopped. Requests are answered one at a time, in the order they came.
import { parentPort } from 'node:worker_threads';
import { checkMemoFile, type SliceRecord } from '../core/check/checker';
import type { MemoModel } from '../core/memo/memoModel';
import type { Diagnostic } from '../core/types';
import { parseMemo } from '../core/memo/memoParser';
import { CachedInspectFs } from '../core/workspace/cachedInspectFs';
import { frontMatterSummary } from '../core/workspace/frontMatterSummary';
import { MemoIndex, summarise, type MemoSummary } from '../core/workspace/memoIndex';
import { Workspace } from '../core/workspace/workspace';
import { ALL_RULES } from '../rules/registry';
import { REPLY_FLAG, type CheckWorkerData, type WorkerReply, type WorkerRequest } from './checkPool';
import { contentHash, evidenceRecord, packSummary } from './checkCache';
import { NodeWorkspaceFs } from './nodeWorkspaceFs';

export function isCheckWorker(data: unknown): data is CheckWorkerData {
  return typeof data === 'object' && data !== null && (data as CheckWorkerData).decisionMemosCheckWorker === true;
}

export function runCheckWorker(data: CheckWorkerData): void {
  const ws = new Workspace(new CachedInspectFs(new NodeWorkspaceFs(data.root, { oneRun: true })), data.ruleIds, data.today);
  const ids = new Set(data.ruleIds);
  const rules = ALL_RULES.filter((r) => ids.has(r.id));
  ws.loadSharedFiles();
  const reply = (message: WorkerReply): void => {
    data.port.postMessage(message);
    Atomics.store(data.flag, 0, REPLY_FLAG.replied);
    Atomics.notify(data.flag, 0);
  };
  data.port.on('message', (request: WorkerRequest) => {
    try {
      if (request.kind === 'summarise') reply(summariseAll(ws, request.files, request.light));
      else if (request.kind === 'index') reply(indexSlice(ws, request.files, request.forCache));
      else if (request.kind === 'prepare') prepare(ws, request);
      else reply(checkSlice(ws, rules, data, request.files, request.forCache));
    } catch (error) {
      reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  // Nothing else arrives on the parent port; the worker lives as long as its port is open.
  parentPort?.unref();
}

/** Summaries of the files, as `checkWorkspace`'s first pass writes them (`light`: from the front matter where it suffices). */
function summariseAll(ws: Workspace, files: readonly string[], light: boolean): WorkerReply {
  const summaries: (MemoSummary | undefined)[] = [];
  const unreadable: Diagnostic[] = [];
  for (const file of files) {
    const text = ws.readMemoText(file);
    summaries.push(text === undefined ? undefined : ((light ? frontMatterSummary(file, text) : undefined) ?? summarise(parseMemo(file, text))));
    const problem = ws.unreadable.get(file);
    if (problem) unreadable.push(problem);
  }
  return { kind: 'summarise', summaries, unreadable };
}

/**
 * Indexes a slice: its entries stay in this thread's index for the check, kept as a check reads
 * them, and are answered with the slice's own counts (made from the whole summaries). `forCache`:
 * with each memo's content key, stamp and packed summary, as the result cache makes them.
 */
function indexSlice(ws: Workspace, files: readonly string[], forCache: boolean): WorkerReply {
  ws.memos.keepOnlyWhatChecksRead();
  const slice = new MemoIndex();
  const entries: MemoSummary[] = [];
  const unreadable: Diagnostic[] = [];
  const records: SliceRecord[] = [];
  for (const file of files) {
    const stamp = forCache ? ws.fs.stamp?.(file) : undefined;
    const text = ws.readMemoText(file);
    if (text !== undefined) {
      const summary = summarise(parseMemo(file, text));
      if (forCache) records.push({ file, hash: contentHash(text), stamp, summary: packSummary(summary) });
      slice.set(summary);
      ws.memos.setCounted(summary);
      entries.push(ws.memos.get(file)!);
    }
    const problem = ws.unreadable.get(file);
    if (problem) unreadable.push(problem);
  }
  return { kind: 'index', entries, counts: slice.counts(), unreadable, ...(forCache ? { records } : {}) };
}

/** Completes this thread's index: the entries other threads made, and the whole workspace's counts. */
function prepare(ws: Workspace, request: Extract<WorkerRequest, { kind: 'prepare' }>): void {
  for (const entry of request.others) ws.memos.setCounted(entry);
  ws.memos.replaceCounts(request.counts);
}

/** The result cache's own fingerprint and evidence record, made on this thread. */
const recordLikeTheCache = { contentKey: contentHash, evidenceOf: (ws: Workspace, memo: MemoModel) => evidenceRecord(memo, ws.fs) };

function checkSlice(ws: Workspace, rules: typeof ALL_RULES, data: CheckWorkerData, files: readonly string[], forCache: boolean): WorkerReply {
  const ctx = ws.context();
  const failures: { ruleId: string; file: string; message: string }[] = [];
  const onRuleError = (ruleId: string, file: string, error: unknown) => failures.push({ ruleId, file, message: error instanceof Error ? error.message : String(error) });
  const options = { ...data.options, onRuleError };
  const checked = files.map((file) => checkMemoFile(ws, rules, ctx, options, file, forCache ? recordLikeTheCache : undefined));
  return { kind: 'check', diagnostics: checked.map((c) => c.diagnostics), ...(forCache ? { stored: checked.map((c) => c.stored) } : {}), failures };
}
