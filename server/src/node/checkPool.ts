// Worker threads for a cold whole-workspace check (`check --jobs N`). The checker stays
// synchronous: a request is posted to each worker, the calling thread does its own share, then
// waits on a shared flag (`Atomics.wait`) and takes the reply off the port synchronously
// (`receiveMessageOnPort`). Each worker reads the workspace itself from disk with the same
// settings and rules, and is given the full memo index before it checks, so its results are the
// ones the calling thread would compute (a test compares the two outputs byte for byte).
// The workers are started by a supervisor thread (checkSupervisor.ts), whose event loop is free
// to see one die: it then sets the worker's flag, so a dead worker ends the wait with an error
// (`CheckWorkerStopped`) instead of leaving the calling thread waiting for ever.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CheckOptions, MemoPool, SliceAnswer, SliceRecord, SliceStored } from '../core/check/checker';
import type { Diagnostic } from '../core/types';
import type { IndexCounts, MemoSummary } from '../core/workspace/memoIndex';
import type { CheckSupervisorData, WorkerStop } from './checkSupervisor';

/** The values of a worker's flag (`CheckWorkerData.flag[0]`). */
export const REPLY_FLAG = {
  /** Set by the pool's thread: the worker owes a reply (or is idle). */
  waiting: 0,
  /** Set by the worker after posting its reply. */
  replied: 1,
  /** Set by the supervisor when the worker died; it stays set. */
  workerGone: 2,
} as const;

/** What a worker is started with (`workerData`). */
export interface CheckWorkerData {
  decisionMemosCheckWorker: true;
  root: string;
  today: string;
  ruleIds: string[];
  options: Pick<CheckOptions, 'overrides' | 'withoutFixes' | 'includeSuppressed'>;
  port: MessagePort;
  flag: Int32Array;
}

export type WorkerRequest =
  | { kind: 'summarise'; files: readonly string[]; light: boolean }
  | { kind: 'index'; files: readonly string[]; forCache: boolean }
  | { kind: 'prepare'; others: readonly MemoSummary[]; counts: IndexCounts }
  | { kind: 'check'; files: readonly string[]; forCache: boolean };

export type WorkerReply =
  | { kind: 'summarise'; summaries: (MemoSummary | undefined)[]; unreadable: Diagnostic[] }
  | { kind: 'index'; entries: MemoSummary[]; counts: IndexCounts; unreadable: Diagnostic[]; records?: SliceRecord[] }
  /** The slice's diagnostics, a list per memo in order, and the rules that failed on them. */
  | { kind: 'check'; diagnostics: Diagnostic[][]; stored?: (SliceStored | undefined)[]; failures: { ruleId: string; file: string; message: string }[] }
  | { kind: 'error'; message: string };

interface Thread {
  index: number;
  port: MessagePort;
  flag: Int32Array;
}

/** A check worker died before it replied: the check cannot be completed (not a bug in the checker). */
export class CheckWorkerStopped extends Error {
  override readonly name = 'CheckWorkerStopped';
}

/** The one line said about a worker's death. */
function stopMessage(stop: WorkerStop | undefined): string {
  switch (stop?.kind) {
    case 'out-of-memory':
      return 'a check worker ran out of memory; run with --jobs 1 or give Node more memory (--max-old-space-size)';
    case 'error':
      return `a check worker crashed: ${stop.message}`;
    case 'exit':
      return `a check worker stopped (exit code ${stop.code})`;
    default:
      return 'a check worker stopped without a reply';
  }
}

export class NodeCheckPool implements MemoPool {
  private threads: Thread[] | undefined;
  private supervisor: Worker | undefined;
  private reports: MessagePort | undefined;
  private readonly stops = new Map<number, WorkerStop>();

  /**
   * `start.script` is what the workers run and, unless `supervisorScript` says otherwise, the
   * supervisor too (the CLI bundle plays both parts, told apart by `workerData`).
   */
  constructor(
    readonly shares: number,
    readonly minMemos: number,
    private readonly start: Omit<CheckWorkerData, 'port' | 'flag' | 'decisionMemosCheckWorker'> & { script: string; supervisorScript?: string },
    private readonly onRuleError: CheckOptions['onRuleError'],
  ) {}

  summarise(files: readonly string[][], light = false): { collect(): { summaries: (MemoSummary | undefined)[]; unreadable: Diagnostic[] }[] } {
    const threads = this.ensure(files.length);
    files.forEach((f, i) => threads[i]!.port.postMessage({ kind: 'summarise', files: f, light } satisfies WorkerRequest));
    return {
      collect: () =>
        files.map((_, i) => {
          const reply = this.replyOf(threads[i]!);
          if (reply.kind !== 'summarise') throw new Error('a check worker answered out of turn');
          return { summaries: reply.summaries, unreadable: reply.unreadable };
        }),
    };
  }

  index(worker: number, files: readonly string[], forCache: boolean): void {
    this.post(worker, { kind: 'index', files, forCache });
  }

  prepare(worker: number, others: readonly MemoSummary[], counts: IndexCounts): void {
    this.post(worker, { kind: 'prepare', others, counts });
  }

  check(worker: number, files: readonly string[], forCache: boolean): void {
    this.post(worker, { kind: 'check', files, forCache });
  }

  take(worker: number, wait: boolean): SliceAnswer | undefined {
    const thread = this.ensure(this.shares - 1)[worker]!;
    const reply = wait ? this.replyOf(thread) : this.replyIfThere(thread);
    if (!reply) return undefined;
    if (reply.kind === 'index') return { kind: 'index', entries: reply.entries, counts: reply.counts, unreadable: reply.unreadable, ...(reply.records ? { records: reply.records } : {}) };
    if (reply.kind === 'check') {
      for (const f of reply.failures) this.onRuleError?.(f.ruleId, f.file, new Error(f.message));
      return { kind: 'check', diagnostics: reply.diagnostics, ...(reply.stored ? { stored: reply.stored } : {}) };
    }
    throw new Error('a check worker answered out of turn');
  }

  private post(worker: number, request: WorkerRequest): void {
    this.ensure(this.shares - 1)[worker]!.port.postMessage(request);
  }

  /**
   * Stops the workers: after a check's results are collected, and by the caller in any case (a
   * named-file check only summarises). Safe to call twice, or when none was started. The promise
   * resolves once every thread has ended; only a test needs to wait for it.
   */
  close(): Promise<void> {
    for (const t of this.threads ?? []) t.port.close();
    this.reports?.close();
    // Ending the supervisor ends the workers it started (Node stops a thread's own threads with it).
    const stopped = this.supervisor?.terminate().then(() => undefined);
    this.threads = undefined;
    this.supervisor = undefined;
    this.reports = undefined;
    return stopped ?? Promise.resolve();
  }

  throwIfStopped(): void {
    // One shared load per worker: cheap enough to ask before each memo of the calling thread's share.
    for (const t of this.threads ?? []) if (Atomics.load(t.flag, 0) === REPLY_FLAG.workerGone) throw new CheckWorkerStopped(stopMessage(this.stopOf(t.index)));
  }

  /**
   * A worker's next message, waited for without the event loop; throws `CheckWorkerStopped` if the
   * worker died. A worker may post several (a check's parts) before this thread takes one: the
   * port is always tried before waiting, and the flag only says that something was posted.
   */
  private replyOf(thread: Thread): WorkerReply {
    for (;;) {
      const state = Atomics.load(thread.flag, 0);
      if (state === REPLY_FLAG.workerGone) throw new CheckWorkerStopped(stopMessage(this.stopOf(thread.index)));
      const message = receiveMessageOnPort(thread.port);
      if (message) {
        const reply = message.message as WorkerReply;
        if (reply.kind === 'error') throw new Error(`a check worker failed: ${reply.message}`);
        return reply;
      }
      // Nothing on the port yet. Only `replied` goes back to `waiting` (a death noted meanwhile
      // stays), and the port is tried again before waiting: a post between the two is not missed.
      if (state === REPLY_FLAG.replied) Atomics.compareExchange(thread.flag, 0, REPLY_FLAG.replied, REPLY_FLAG.waiting);
      // No timeout: the worker's next post or the supervisor's word on its death wakes this thread.
      else Atomics.wait(thread.flag, 0, REPLY_FLAG.waiting);
    }
  }

  /** A worker's next message if it is there (a reply never waited for); throws `CheckWorkerStopped` if the worker died. */
  private replyIfThere(thread: Thread): WorkerReply | undefined {
    if (Atomics.load(thread.flag, 0) === REPLY_FLAG.workerGone) throw new CheckWorkerStopped(stopMessage(this.stopOf(thread.index)));
    const message = receiveMessageOnPort(thread.port);
    if (!message) return undefined;
    const reply = message.message as WorkerReply;
    if (reply.kind === 'error') throw new Error(`a check worker failed: ${reply.message}`);
    return reply;
  }

  /** Why a worker died: the supervisor posts it before it sets the flag, so it is there to read. */
  private stopOf(index: number): WorkerStop | undefined {
    const reports = this.reports;
    for (let m = reports && receiveMessageOnPort(reports); m; m = reports && receiveMessageOnPort(reports)) {
      const stop = m.message as WorkerStop;
      this.stops.set(stop.index, stop);
    }
    return this.stops.get(index);
  }

  private ensure(count: number): Thread[] {
    if (!this.threads) {
      const { script, supervisorScript = script, ...data } = this.start;
      const threads: Thread[] = [];
      const workers: CheckWorkerData[] = [];
      for (let index = 0; index < count; index++) {
        const { port1, port2 } = new MessageChannel();
        const flag = new Int32Array(new SharedArrayBuffer(4));
        workers.push({ decisionMemosCheckWorker: true, ...data, port: port2, flag });
        threads.push({ index, port: port1, flag });
      }
      const reports = new MessageChannel();
      const workerData: CheckSupervisorData = { decisionMemosCheckSupervisor: true, script, workers, reports: reports.port2 };
      const supervisor = new Worker(supervisorScript, { workerData, transferList: [reports.port2, ...workers.map((w) => w.port)] });
      // The process must not wait for idle threads; a death is reported through the flags.
      supervisor.unref();
      this.threads = threads;
      this.supervisor = supervisor;
      this.reports = reports.port1;
    }
    return this.threads;
  }
}
