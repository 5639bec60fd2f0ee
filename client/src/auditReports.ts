import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AUDIT_REQUEST, type AuditParams, type AuditResult, type StatusParams } from '../../server/src/shared/protocol';

/** Quiet time after the last change before the views ask for a new report. */
const REFRESH_DEBOUNCE_MS = 300;

/**
 * The tenet usage report of each workspace folder, asked of the server once and shared by the
 * Tenet Usage panel and the Decisions view. The server says when the workspace changed (its
 * `decisionMemos/status` notification follows every check); the cache is then dropped and
 * `onDidChange` fires, once per burst of changes.
 */
export class AuditReports implements vscode.Disposable {
  private readonly reports = new Map<string, Promise<AuditResult>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private timer: NodeJS.Timeout | undefined;
  private indexing = false;

  /** Fires when the reports are stale (the workspace changed); listeners ask again for what they show. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient) {}

  /** The report of a folder (the first workspace folder when none is given). */
  get(folder: vscode.Uri | undefined): Promise<AuditResult> {
    const key = folder?.toString() ?? '';
    let report = this.reports.get(key);
    if (!report) {
      const params: AuditParams = folder ? { folder: folder.toString() } : {};
      report = Promise.resolve(this.client().sendRequest(AUDIT_REQUEST, params));
      this.reports.set(key, report);
      // A failed request is not remembered: the next view refresh asks again.
      report.catch(() => {
        if (this.reports.get(key) === report) this.reports.delete(key);
      });
    }
    return report;
  }

  /** Feeds a status notification: a finished index or a re-check means the figures may have moved. */
  statusChanged(status: StatusParams): void {
    if (status.state === 'indexing' || status.reading) {
      // The request waits for the index anyway; refresh once it is complete.
      this.indexing = true;
      return;
    }
    this.indexing = false;
    this.scheduleRefresh();
  }

  /** Drops every report now and tells the views (the server restarted, folders changed). */
  invalidate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.reports.clear();
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.indexing) this.invalidate();
    }, REFRESH_DEBOUNCE_MS);
  }
}
