// The worker side of `NodeCheckPool` (checkPool.ts): a workspace read from disk with the settings
// the main thread uses, answering "summarise these memos" and "check these memos against this
// index" until it is stopped.
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
  const reply = (message: WorkerReply) => {
    data.port.postMessage(message);
    Atomics.store(data.flag, 0, REPLY_FLAG.replied);
    Atomics.notify(data.flag, 0);
  };
  data.port.on('message', (request: WorkerRequest) => {
    try {
      reply(request.kind === 'summarise' ? summariseAll(ws, request.files, request.light) : checkAll(ws, rules, data, request.files, request.index));
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

function checkAll(ws: Workspace, rules: typeof ALL_RULES, data: CheckWorkerData, files: readonly string[], index: readonly MemoSummary[]): WorkerReply {
  for (const s of index) ws.memos.set(s);
  const ctx = ws.context();
  const failures: { ruleId: string; file: string; message: string }[] = [];
  const onRuleError = (ruleId: string, file: string, error: unknown) => failures.push({ ruleId, file, message: error instanceof Error ? error.message : String(error) });
  const diagnostics: Diagnostic[][] = [];
  for (const file of files) {
    const memo = ws.readMemo(file);
    diagnostics.push(memo ? checkMemo(memo, rules, ctx, { ...data.options, onRuleError }) : []);
  }
  return { kind: 'check', diagnostics, failures };
}
