// The worker side of `NodeCheckPool` (checkPool.ts): a workspace read from disk with the settings
// the main thread uses, answering "summarise these memos", "index these memos" (kept here for the
// check to come) and "check them against the whole index" until it is stopped.
import { parentPort } from 'node:worker_threads';
import { checkMemo } from '../core/check/checker';
import type { Diagnostic } from '../core/types';
import { parseMemo } from '../core/memo/memoParser';
import { CachedInspectFs } from '../core/workspace/cachedInspectFs';
import { frontMatterSummary } from '../core/workspace/frontMatterSummary';
import { summarise, type MemoSummary } from '../core/workspace/memoIndex';
import { Workspace } from '../core/workspace/workspace';
import { ALL_RULES } from '../rules/registry';
import { REPLY_FLAG, type CheckWorkerData, type WorkerReply, type WorkerRequest } from './checkPool';
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
      else if (request.kind === 'index') reply(indexAll(ws, request.files));
      else checkAll(ws, rules, data, request, reply);
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

/** Indexes the share: its entries stay in this thread's index for the check, and are answered with the counts. */
function indexAll(ws: Workspace, files: readonly string[]): WorkerReply {
  ws.memos.keepOnlyWhatChecksRead();
  const entries: MemoSummary[] = [];
  const unreadable: Diagnostic[] = [];
  for (const file of files) {
    const text = ws.readMemoText(file);
    if (text !== undefined) {
      ws.memos.set(summarise(parseMemo(file, text)));
      entries.push(ws.memos.get(file)!);
    }
    const problem = ws.unreadable.get(file);
    if (problem) unreadable.push(problem);
  }
  return { kind: 'index', entries, counts: ws.memos.counts(), unreadable };
}

/** How many memos' diagnostics go in one part of a check's answer: the share's results are never held whole. */
const FILES_PER_PART = 64;
/**
 * How many parts a worker may post beyond those the pool's thread has taken: that thread takes a
 * share's parts only as the report reaches them, and parts posted meanwhile wait in its memory.
 */
const MAX_PARTS_AHEAD = 4;

function checkAll(ws: Workspace, rules: typeof ALL_RULES, data: CheckWorkerData, request: Extract<WorkerRequest, { kind: 'check' }>, reply: (message: WorkerReply) => void): void {
  for (const entry of request.others) ws.memos.setCounted(entry);
  ws.memos.replaceCounts(request.counts);
  const ctx = ws.context();
  let failures: { ruleId: string; file: string; message: string }[] = [];
  const onRuleError = (ruleId: string, file: string, error: unknown) => failures.push({ ruleId, file, message: error instanceof Error ? error.message : String(error) });
  let diagnostics: Diagnostic[][] = [];
  // `flag[1]` (parts taken) was reset by the pool before it sent this request.
  let posted = 0;
  request.files.forEach((file, i) => {
    const memo = ws.readMemo(file);
    diagnostics.push(memo ? checkMemo(memo, rules, ctx, { ...data.options, onRuleError }) : []);
    const last = i === request.files.length - 1;
    if (diagnostics.length === FILES_PER_PART || last) {
      // Ahead of the pool's thread by the most allowed: wait until it takes one.
      for (let taken; posted - (taken = Atomics.load(data.flag, 1)) >= MAX_PARTS_AHEAD; ) Atomics.wait(data.flag, 1, taken);
      reply({ kind: 'check', diagnostics, failures, last });
      posted++;
      diagnostics = [];
      failures = [];
    }
  });
  if (request.files.length === 0) reply({ kind: 'check', diagnostics: [], failures: [], last: true });
}
