// The thread that starts the check workers of a `NodeCheckPool` (checkPool.ts) and watches them.
// The pool's thread waits for replies in `Atomics.wait`, so its event loop never runs while a
// worker works, and a Worker's 'error' and 'exit' events are delivered only on the loop of the
// thread that created it. This thread's loop is free: when a worker dies (out of memory, a crash,
// an exit), it says why on the pool's report port and sets the worker's flag to `workerGone`,
// which wakes the waiting thread. Terminating this thread stops the workers it started.
import { Worker, type MessagePort } from 'node:worker_threads';
import { REPLY_FLAG, type CheckWorkerData } from './checkPool';

/** What the supervisor is started with (`workerData`). */
export interface CheckSupervisorData {
  decisionMemosCheckSupervisor: true;
  /** The check workers' script. */
  script: string;
  /** One per worker, in the pool's order; each port is transferred on to its worker. */
  workers: CheckWorkerData[];
  /** Where `WorkerStop`s are posted; the pool reads them with `receiveMessageOnPort`. */
  reports: MessagePort;
}

/** Why worker `index` stopped, posted before its flag is set to `workerGone`. */
export type WorkerStop = { index: number } & ({ kind: 'out-of-memory' } | { kind: 'error'; message: string } | { kind: 'exit'; code: number });

export function isCheckSupervisor(data: unknown): data is CheckSupervisorData {
  return typeof data === 'object' && data !== null && (data as CheckSupervisorData).decisionMemosCheckSupervisor === true;
}

export function runCheckSupervisor(data: CheckSupervisorData): void {
  data.workers.forEach((workerData, index) => {
    let reported = false;
    // 'error' comes first when there is one (then 'exit' with code 1), so the first event says most.
    const stopped = (stop: WorkerStop) => {
      if (reported) return;
      reported = true;
      data.reports.postMessage(stop);
      // Any exit is a death to the pool: a worker lives until its port is closed, and the pool
      // closes the ports only when it no longer waits. A reply not yet taken is given up too.
      Atomics.store(workerData.flag, 0, REPLY_FLAG.workerGone);
      Atomics.notify(workerData.flag, 0);
    };
    const crashed = (error: unknown) =>
      stopped(
        (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { index, kind: 'out-of-memory' }
          : { index, kind: 'error', message: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' },
      );
    // Nothing may escape this thread: if it died, nobody would wake the pool.
    try {
      const worker = new Worker(data.script, { workerData, transferList: [workerData.port] });
      worker.on('error', crashed);
      worker.on('exit', (code) => stopped({ index, kind: 'exit', code }));
    } catch (error) {
      crashed(error);
    }
  });
}
