// Hands the slices of a shared check to whichever thread is free, and hands their results on in
// slice order. A pool's thread is kept a few slices ahead (`QUEUED_PER_WORKER`), so it never waits
// for the calling thread; the calling thread does a slice itself only when every other thread has
// enough queued. So the work balances itself: the calling thread also writes the report and
// merges the answers, and on a busy or uneven machine it simply does fewer slices. The order of
// the results never depends on who did which slice.

/** What the scheduler drives: the pool's threads, and the calling thread's own way of doing a slice. */
export interface SliceWorkers<T> {
  /** How many other threads there are (0: the calling thread does everything). */
  readonly workers: number;
  /** Hands slice `slice` to thread `worker`. */
  post(worker: number, slice: number): void;
  /** Thread `worker`'s result for the oldest slice it was given and has not answered: waited for when `wait`, else undefined if it is not there yet. */
  take(worker: number, wait: boolean): T | undefined;
  /** Does slice `slice` on the calling thread. */
  local(slice: number): T;
}

/** How many slices a pool thread has in hand (one being done, the rest waiting), so it is never idle between two. */
export const QUEUED_PER_WORKER = 3;
/** By default, how many finished slices may wait for an earlier one before the calling thread waits too: what is held stays small. */
const MAX_HELD = 8;

/**
 * Does `slices` slices, calling `deliver` with each result in slice order, each exactly once.
 * `maxHeld`: how many finished slices may wait for an earlier one (results that are kept anyway,
 * such as index entries, need no bound: the calling thread then never waits for a thread that is
 * still starting).
 */
export function inSliceOrder<T>(slices: number, workers: SliceWorkers<T>, deliver: (slice: number, result: T) => void, maxHeld = MAX_HELD): void {
  const queued: number[][] = Array.from({ length: workers.workers }, () => []);
  const done = new Map<number, T>();
  let next = 0;
  const collect = (worker: number, wait: boolean): boolean => {
    const result = workers.take(worker, wait);
    if (result === undefined) return false;
    done.set(queued[worker]!.shift()!, result);
    return true;
  };
  const handOn = () => {
    while (done.has(next)) {
      const result = done.get(next) as T;
      done.delete(next);
      deliver(next++, result);
    }
  };
  // The slice the report needs next is the oldest its thread holds: wait for that thread.
  const waitForNext = () => {
    const worker = queued.findIndex((q) => q[0] === next);
    if (worker < 0) throw new Error(`slice ${next} was given to no thread`);
    while (!done.has(next)) collect(worker, true);
  };
  for (let slice = 0; slice < slices; slice++) {
    for (let w = 0; w < workers.workers; w++) while (queued[w]!.length > 0 && collect(w, false));
    handOn();
    while (done.size >= maxHeld) {
      waitForNext();
      handOn();
    }
    let free = -1;
    for (let w = 0; w < workers.workers; w++) if (queued[w]!.length < QUEUED_PER_WORKER && (free < 0 || queued[w]!.length < queued[free]!.length)) free = w;
    if (free >= 0) {
      workers.post(free, slice);
      queued[free]!.push(slice);
    } else done.set(slice, workers.local(slice));
    handOn();
  }
  while (next < slices) {
    waitForNext();
    handOn();
  }
}
