import * as vscode from 'vscode';
import type { AuditResult } from '../../server/src/shared/protocol';

// Opens what the audit names (a memo, or a tenet at its definition) from the Tenet Usage panel
// and the Decisions view. The panel's requests come from a webview, so they are treated as
// untrusted input: only a path relative to the folder that the report itself lists is opened.

/** Tenet identifiers as the registry writes them (`T-001`, `ENG-LATENCY`). */
const TENET_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

/** The URI of a report path inside `folder`; undefined for anything that could leave it (absolute, `..`, a URI). */
function resolveInFolder(folder: vscode.Uri, file: unknown): vscode.Uri | undefined {
  if (typeof file !== 'string' || file === '' || file.length > 4096) return undefined;
  // Report paths are normalised and `/`-separated: a backslash, a drive, a scheme or a control character is not one.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\\\u0000-\u001f]/.test(file) || file.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(file)) return undefined;
  const segments = file.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return vscode.Uri.joinPath(folder, ...segments);
}

/** Whether the report names `file` (as a memo, a tenet's file or a conflict's memo). */
function reportLists(report: AuditResult, file: string): boolean {
  return report.memoList.some((m) => m.file === file) || report.tenets.some((t) => t.file === file) || report.conflicts.some((c) => c.memos.includes(file));
}

export interface AuditEntry {
  folder: vscode.Uri;
  file: unknown;
  /** A tenet id: the file opens at that tenet's definition. */
  tenet?: unknown;
}

/**
 * Opens a file the report lists, at the tenet's definition when a tenet is named. Returns false
 * (and opens nothing) when the path leaves the folder or is not in the report.
 */
export async function openAuditEntry(entry: AuditEntry, report: AuditResult | undefined, viewColumn?: vscode.ViewColumn): Promise<boolean> {
  const uri = resolveInFolder(entry.folder, entry.file);
  if (!uri || (report && !reportLists(report, entry.file as string))) return false;
  const tenet = typeof entry.tenet === 'string' && TENET_ID.test(entry.tenet) ? entry.tenet : undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const range = tenet ? await tenetDefinition(document, tenet) : undefined;
  await vscode.window.showTextDocument(document, { viewColumn, preview: true, ...(range ? { selection: range } : {}) });
  return true;
}

/** Where a tenet is defined in its file: the server's workspace symbol, else the heading or `id:` line. */
async function tenetDefinition(document: vscode.TextDocument, tenet: string): Promise<vscode.Range | undefined> {
  try {
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', tenet)) ?? [];
    // Other providers (markdown headings) answer too: take ours, named `ID` or `ID: title`, in this file.
    const own = symbols.find((s) => (s.name === tenet || s.name.startsWith(`${tenet}:`)) && s.location.uri.toString() === document.uri.toString());
    if (own) return own.location.range;
  } catch {
    // No symbol provider answered (the server is restarting): the text search below still finds it.
  }
  const match = new RegExp(`^(?:#{1,6}[ \\t]+|[ \\t]*(?:-[ \\t]+)?id:[ \\t]*["']?)(${tenet})\\b`, 'm').exec(document.getText());
  if (!match) return undefined;
  const start = document.positionAt(match.index + match[0].length - tenet.length);
  return new vscode.Range(start, start.translate(0, tenet.length));
}
