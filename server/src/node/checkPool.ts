// Worker threads for a cold whole-workspace check (`check --jobs N`). The checker stays
// synchronous: a request is posted to each worker, the calling thread does its own share, then
// waits on a shared flag (`Atomics.wait`) and takes the reply off the port synchronously
// (`receiveMessageOnPort`). Each worker reads the workspace itself from disk with the same
// settings and rules, and is given the full memo index before it checks, so its results are the
// ones the calling thread would compute (a test compares the two outputs byte for byte).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CheckOptions, MemoPool } from '../core/check/checker';
import type { Diagnostic } from '../core/types';
import type { MemoSummary } from '../core/workspace/memoIndex';

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

export type WorkerRequest = { kind: 'summarise'; files: readonly string[]; light: boolean } | { kind: 'check'; files: readonly string[]; index: readonly MemoSummary[] };

export type WorkerReply =
  | { kind: 'summarise'; summaries: (MemoSummary | undefined)[]; unreadable: Diagnostic[] }
  | { kind: 'check'; diagnostics: Diagnostic[][]; failures: { ruleId: string; file: string; message: string }[] }
  | { kind: 'error'; message: string };

interface Thread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

/** A worker's reply, waited for without the event loop. */
function replyOf(thread: Thread): WorkerReply {
  // 0 while the worker works; it stores 1 after posting its reply.
  while (Atomics.load(thread.flag, 0) === 0) Atomics.wait(thread.flag, 0, 0, 1000);
  Atomics.store(thread.flag, 0, 0);
  const message = receiveMessageOnPort(thread.port);
  if (!message) throw new Error('a check worker stopped without a reply');
  const reply = message.message as WorkerReply;
  if (reply.kind === 'error') throw new Error(`a check worker failed: ${reply.message}`);
  return reply;
}

export class NodeCheckPool implements MemoPool {
  private threads: Thread[] | undefined;

  constructor(
    readonly shares: number,
    readonly minMemos: number,
    private readonly start: Omit<CheckWorkerData, 'port' | 'flag' | 'decisionMemosCheckWorker'> & { script: string },
    private readonly onRuleError: CheckOptions['onRuleError'],
  ) {}

  summarise(files: readonly string[][], light = false): { collect(): { summaries: (MemoSummary | undefined)[]; unreadable: Diagnostic[] }[] } {
    const threads = this.ensure(files.length);
    files.forEach((f, i) => this.post(threads[i]!, { kind: 'summarise', files: f, light }));
    return {
      collect: () =>
        files.map((_, i) => {
          const reply = replyOf(threads[i]!);
          if (reply.kind !== 'summarise') throw new Error('a check worker answered out of turn');
          return { summaries: reply.summaries, unreadable: reply.unreadable };
        }),
    };
  }

  check(files: readonly string[][], index: readonly MemoSummary[]): { collect(): Diagnostic[][][] } {
    const threads = this.ensure(files.length);
    files.forEach((f, i) => this.post(threads[i]!, { kind: 'check', files: f, index }));
    return {
      collect: () => {
        const out = files.map((_, i) => {
          const reply = replyOf(threads[i]!);
          if (reply.kind !== 'check') throw new Error('a check worker answered out of turn');
          for (const f of reply.failures) this.onRuleError?.(f.ruleId, f.file, new Error(f.message));
          return reply.diagnostics;
        });
        this.close();
        return out;
      },
    };
  }

  /**
   * Stops the workers: after a check's results are collected, and by the caller in any case (a
   * named-file check only summarises). Safe to call twice, or when none was started.
   */
  close(): void {
    for (const t of this.threads ?? []) {
      t.port.close();
      void t.worker.terminate();
    }
    this.threads = undefined;
  }

  private post(thread: Thread, request: WorkerRequest): void {
    Atomics.store(thread.flag, 0, 0);
    thread.port.postMessage(request);
  }

  private ensure(count: number): Thread[] {
    if (!this.threads) {
      const { script, ...data } = this.start;
      this.threads = [];
      for (let i = 0; i < count; i++) {
        const { port1, port2 } = new MessageChannel();
        const flag = new Int32Array(new SharedArrayBuffer(4));
        const workerData: CheckWorkerData = { decisionMemosCheckWorker: true, ...data, port: port2, flag };
        const worker = new Worker(script, { workerData, transferList: [port2] });
        // The process must not wait for an idle worker; an error is answered on the port.
        worker.unref();
        this.threads.push({ worker, port: port1, flag });
      }
    }
    return this.threads;
  }
}
