// Custom messages between the client and the server, typed once for both sides: each is a
// `RequestType` / `NotificationType` object, so a handler and a sender cannot disagree about the
// method name or the shapes of its parameters and result.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { AuditReport } from './audit/report';

export interface StatusParams {
  state: 'indexing' | 'ready';
  /** Memos indexed so far (and in all, while indexing). */
  memos: number;
  total?: number;
  /**
   * While ready: every memo is known from its front matter, and this many memo bodies of that many
   * are read so far (inline citations, evidence, what relevance weighs). Absent once all are.
   */
  reading?: { done: number; total: number };
  /** Problems across the workspace (errors + warnings), when known. */
  errors: number;
  warnings: number;
}

/** Server → client: the state the status bar shows. */
export const STATUS_NOTIFICATION = new NotificationType<StatusParams>('decisionMemos/status');

export interface NewMemoParams {
  /** The workspace folder URI. */
  folder: string;
  title: string;
  status?: string;
}

export interface NewMemoResult {
  /** URI of the file to create. */
  uri: string;
  content: string;
}

/** Client → server: the next free memo id and the file path for a new memo (shared with `decision-memos new`). */
export const NEW_MEMO_REQUEST = new RequestType<NewMemoParams, NewMemoResult, void>('decisionMemos/newMemo');

export interface AuditParams {
  /** The workspace folder URI; the first workspace folder when absent. */
  folder?: string;
  /** Only memos dated on or after this `YYYY-MM-DD` day. */
  since?: string;
}

/** The report, as `decision-memos audit` computes it (file paths relative to the folder, `/`-separated). */
export type AuditResult = AuditReport;

/** Client → server: the tenet usage audit of a workspace folder, computed from the live index. */
export const AUDIT_REQUEST = new RequestType<AuditParams | undefined, AuditResult, void>('decisionMemos/audit');

/**
 * Command of the "cited by N memos" code lens on a tenet definition. Arguments: the tenet file's
 * URI (string) and the position of the tenet id (`{ line, character }`). The client implements it by
 * asking its reference provider there and showing the result (`editor.action.showReferences`).
 */
export const SHOW_REFERENCES_COMMAND = 'decisionMemos.showReferences';

/**
 * Command a quick fix runs after creating a file (an evidence file from its template): the client
 * opens it beside the memo. Argument: the file's URI (string). Offered only to clients that say
 * they implement it (`initializationOptions.openFileCommand`).
 */
export const OPEN_FILE_COMMAND = 'decisionMemos.openFile';

/** Client → server: the files of a folder (or of every folder) that have errors or warnings, open or not. */
export interface ProblemsParams {
  /** A workspace folder URI; every folder when absent. */
  folder?: string;
}

export interface FileProblems {
  uri: string;
  /** Path relative to its folder, `/`-separated. */
  file: string;
  errors: number;
  warnings: number;
}

export interface ProblemsResult {
  files: FileProblems[];
  /** Whether Problems shows closed files too (`decisionMemos.problemsScope`) for the folders asked about. */
  problemsScope: 'openFiles' | 'workspace';
}

export const PROBLEMS_REQUEST = new RequestType<ProblemsParams | undefined, ProblemsResult, void>('decisionMemos/problems');

/**
 * Client → server ("Check All Memos"): check every memo and tenet file of a folder (or of every
 * folder) and show their problems, whatever `problemsScope` says, until the settings change.
 * Answers once the pass is done, with the files that have errors or warnings.
 */
export const CHECK_ALL_REQUEST = new RequestType<ProblemsParams | undefined, ProblemsResult, void>('decisionMemos/checkAll');
