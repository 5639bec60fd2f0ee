import { describe, expect, it } from 'vitest';
import { inSliceOrder, QUEUED_PER_WORKER, type SliceWorkers } from '../../server/src/core/check/sliceScheduler';

/**
 * Fake pool threads: each answers its slices in order, `speed` slices per call of the calling
 * thread's own work (0: a thread that has not started yet answers only when waited for).
 */
function fakePool(workers: number, speed: number[]) {
  const queues: number[][] = Array.from({ length: workers }, () => []);
  const ready: number[][] = Array.from({ length: workers }, () => []);
  const log = { local: [] as number[], posted: [] as [number, number][], waits: 0, maxQueued: 0 };
  const progress = () => {
    queues.forEach((q, w) => {
      for (let k = 0; k < speed[w]! && q.length > 0; k++) ready[w]!.push(q.shift()!);
    });
  };
  const pool: SliceWorkers<string> = {
    workers,
    post: (worker, slice) => {
      log.posted.push([worker, slice]);
      queues[worker]!.push(slice);
      log.maxQueued = Math.max(log.maxQueued, queues[worker]!.length + ready[worker]!.length);
    },
    take: (worker, wait) => {
      if (ready[worker]!.length === 0 && wait) {
        log.waits++;
        const s = queues[worker]!.shift();
        if (s === undefined) throw new Error('waited on a thread with nothing to do');
        ready[worker]!.push(s);
      }
      const s = ready[worker]!.shift();
      return s === undefined ? undefined : `w${worker}:${s}`;
    },
    local: (slice) => {
      log.local.push(slice);
      progress();
      return `local:${slice}`;
    },
  };
  return { pool, log };
}

function run(slices: number, workers: number, speed: number[], maxHeld?: number) {
  const { pool, log } = fakePool(workers, speed);
  const delivered: [number, string][] = [];
  inSliceOrder(slices, pool, (slice, result) => delivered.push([slice, result]), maxHeld);
  return { delivered, log };
}

describe('inSliceOrder (which thread does which slice of a shared check)', () => {
  it('hands on every slice once, in slice order, whoever did it', () => {
    for (const speed of [[1], [3], [0], [2, 1], [0, 5]]) {
      const { delivered } = run(50, speed.length, speed);
      expect(delivered.map(([s]) => s)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      for (const [s, r] of delivered) expect(r.endsWith(`:${s}`)).toBe(true);
    }
  });

  it('does everything itself without pool threads', () => {
    const { delivered, log } = run(5, 0, []);
    expect(log.local).toEqual([0, 1, 2, 3, 4]);
    expect(delivered.map(([, r]) => r)).toEqual(['local:0', 'local:1', 'local:2', 'local:3', 'local:4']);
  });

  it('keeps a pool thread a few slices ahead and works itself only when every thread has enough', () => {
    const { log } = run(40, 1, [1]);
    expect(log.maxQueued).toBeLessThanOrEqual(QUEUED_PER_WORKER);
    // One slice done here lets the thread finish one: the two share the work about evenly.
    expect(log.local.length).toBeGreaterThan(12);
    expect(log.posted.length).toBeGreaterThan(12);
  });

  it('gives a faster thread more of the work', () => {
    const { log } = run(60, 1, [3]);
    expect(log.posted.length).toBeGreaterThan(2 * log.local.length);
  });

  it('waits for a thread that does not answer once it holds enough finished slices', () => {
    const { delivered, log } = run(30, 1, [0], 4);
    expect(delivered).toHaveLength(30);
    expect(log.waits).toBeGreaterThan(0);
  });

  it('never waits on a thread still starting when what it holds need not be bounded', () => {
    // The starting thread answers only at the end: everything else is done here meanwhile.
    const { delivered, log } = run(30, 1, [0], Infinity);
    expect(delivered).toHaveLength(30);
    expect(log.local.length).toBe(30 - QUEUED_PER_WORKER);
    expect(log.waits).toBe(QUEUED_PER_WORKER);
  });
});
