import { yieldToEventLoop } from '../service/indexer';

/**
 * When checks run. Each document has at most one pending check: scheduling again restarts the
 * debounce and bumps the document's generation, so a check that is already waiting on something
 * (the settings request) sees it is stale and publishes nothing. Background passes over closed
 * files run in slices and are cancelled the same way, per key.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  private readonly passGenerations = new Map<string, number>();
  private readonly passTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly runCheck: (uri: string, isCurrent: () => boolean) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Checks a document after `delayMs`, superseding any check of it that is pending or under way. */
  schedule(uri: string, delayMs: number): void {
    const generation = this.bump(this.generations, uri);
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const isCurrent = () => this.generations.get(uri) === generation;
      this.runCheck(uri, isCurrent).catch(this.onError);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  /** Drops any pending or running check of a document. */
  cancel(uri: string): void {
    this.bump(this.generations, uri);
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.delete(uri);
    this.generations.delete(uri);
  }

  /**
   * Runs `work` over `items` in slices after `delayMs`, yielding to the event loop between slices.
   * A newer pass with the same key cancels this one (pending or running); `done` runs only for a
   * pass that finished.
   */
  pass<T>(key: string, delayMs: number, items: () => T[], work: (item: T) => void, done: () => void, slice: (run: () => void) => void = (run) => run()): void {
    const generation = this.bump(this.passGenerations, key);
    const old = this.passTimers.get(key);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.passTimers.delete(key);
      const isCurrent = () => this.passGenerations.get(key) === generation;
      runSliced(items(), work, isCurrent, this.onError, slice).then((finished) => finished && done(), this.onError);
    }, delayMs);
    this.passTimers.set(key, timer);
  }

  /** Cancels the pass of a key. */
  cancelPass(key: string): void {
    this.bump(this.passGenerations, key);
    const old = this.passTimers.get(key);
    if (old) clearTimeout(old);
    this.passTimers.delete(key);
  }

  dispose(): void {
    for (const t of [...this.timers.values(), ...this.passTimers.values()]) clearTimeout(t);
    this.timers.clear();
    this.passTimers.clear();
  }

  private bump(map: Map<string, number>, key: string): number {
    const next = (map.get(key) ?? 0) + 1;
    map.set(key, next);
    return next;
  }
}

/** How long one slice of background work may hold the event loop. */
const SLICE_MS = 12;

/** `slice` runs each slice (the pipeline reads the disk in one state for its length). */
async function runSliced<T>(items: T[], work: (item: T) => void, isCurrent: () => boolean, onError: (error: unknown) => void, slice: (run: () => void) => void): Promise<boolean> {
  let i = 0;
  while (i < items.length) {
    const end = Date.now() + SLICE_MS;
    let stopped = false;
    slice(() => {
      while (i < items.length && Date.now() < end) {
        if (!isCurrent()) return void (stopped = true);
        try {
          work(items[i++]!);
        } catch (error) {
          // One file that cannot be checked must not stop the others.
          onError(error);
        }
      }
    });
    if (stopped) return false;
    await yieldToEventLoop();
  }
  return isCurrent();
}
