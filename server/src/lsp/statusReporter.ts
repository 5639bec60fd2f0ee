import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../shared/protocol';
import type { ProjectFolder } from '../service/projectFolder';

/** Coalesces bursts of changes into one status message. */
const STATUS_DELAY_MS = 50;

/**
 * Tells the client how far indexing is (`window/workDoneProgress`, when the client supports it)
 * and sends the `decisionMemos/status` notification the status bar shows.
 */
export class StatusReporter {
  private timer: NodeJS.Timeout | undefined;
  private progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folders: () => ProjectFolder[],
    private readonly problems: () => { errors: number; warnings: number },
    private readonly log: (message: string) => void,
  ) {}

  /** Sends the status soon (several calls in a burst send one message). */
  update(): void {
    // Progress starts and ends at once (a quick index still shows begin and end); the numbers are coalesced.
    const indexing = this.folders().some((f) => f.index.state === 'indexing' || f.index.reading !== undefined);
    if (indexing !== (this.progress !== undefined)) this.reportProgress(indexing, 0, 0);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, STATUS_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.progress?.then((p) => p?.done());
    this.progress = undefined;
  }

  private send(): void {
    const folders = this.folders();
    const indexing = folders.some((f) => f.index.state === 'indexing');
    let memos = 0;
    let total = 0;
    for (const f of folders) {
      memos += f.index.state === 'indexing' ? f.index.done : f.ws.memos.size;
      total += f.index.state === 'indexing' ? f.index.total : f.ws.memos.size;
    }
    const params: StatusParams = { state: indexing ? 'indexing' : 'ready', memos, ...this.problems() };
    if (indexing) params.total = total;
    const reading = indexing ? undefined : bodiesBeingRead(folders);
    if (reading) params.reading = reading;
    void this.connection.sendNotification(STATUS_NOTIFICATION, params).catch((e: unknown) => this.log(`status: ${String(e)}`));
    if (reading) this.reportProgress(true, reading.done, reading.total, 'memo bodies');
    else this.reportProgress(indexing, memos, total);
  }

  private reportProgress(indexing: boolean, done: number, total: number, what = 'memos'): void {
    if (indexing) {
      this.progress ??= this.connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('Decision memos', 0, 'Indexing memos…', false);
          return reporter;
        },
        (error: unknown) => {
          this.log(`Could not create a progress indicator: ${String(error)}`);
          return undefined;
        },
      );
      if (total > 0) void this.progress.then((p) => p?.report(Math.floor((done / total) * 100), `${done}/${total} ${what}`));
    } else if (this.progress) {
      void this.progress.then((p) => p?.done());
      this.progress = undefined;
    }
  }
}

/** The memo bodies still being read across the folders that are ready (indexer.ts, second pass), if any. */
function bodiesBeingRead(folders: ProjectFolder[]): { done: number; total: number } | undefined {
  let done = 0;
  let total = 0;
  for (const f of folders) {
    if (!f.index.reading) continue;
    done += f.index.reading.done;
    total += f.index.reading.total;
  }
  return total > 0 ? { done, total } : undefined;
}
