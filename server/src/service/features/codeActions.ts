import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { selectFixAll } from '../../core/fixes/fixAll';
import { suppressionFixes } from '../../core/fixes/suppressionFixes';
import type { Diagnostic, Fix, Range } from '../../core/types';
import { normaliseRelative } from '../../core/workspace/workspaceFs';
import { OPEN_FILE_COMMAND } from '../../shared/protocol';
import type { DecisionService } from '../decisionService';
import type { OpenDocument } from '../host';
import { DIAGNOSTIC_SOURCE, toLspDiagnostic } from '../convert';
import type { ProjectFolder } from '../projectFolder';
import { fileUri } from '../uris';

/** The "fix all" kind, under `source.fixAll` so `editor.codeActionsOnSave` can ask for it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.decisionMemos`;

/** Quick fixes for the diagnostics in range, and the "fix all safe problems" source action. */
export function codeActions(svc: DecisionService, params: CodeActionParams): CodeAction[] {
  // Fixes are edits of the version they were computed on: the document as it reads now.
  const result = svc.checkDocument(params.textDocument.uri);
  const current = svc.documents.get(params.textDocument.uri);
  if (!result || !current || current.version !== result.version) return [];
  // A shared config's tenet file (`extends`, in node_modules) is read-only: nothing here edits it.
  const rel = result.folder.relative(params.textDocument.uri);
  if (rel !== undefined && result.folder.ws.sharedSourceOf(rel) !== undefined) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(k + '.'))) {
    const target = svc.target(params.textDocument.uri);
    const memo = target?.kind === 'memo' ? svc.documents.memoModel(target.doc, target.rel) : undefined;
    for (const d of result.diagnostics) {
      // After the rule's own fixes: silencing it here, or in the whole file.
      const fixes = [...(d.fixes ?? []), ...(memo ? suppressionFixes(memo, d) : [])];
      if (fixes.length === 0) continue;
      const attached = params.context.diagnostics.find((c) => c.source === DIAGNOSTIC_SOURCE && c.code === d.rule && sameRange(c.range, d.range));
      if (!attached && !intersects(d.range, params.range)) continue;
      const diagnostic = attached ?? toLspDiagnostic(d, (f) => result.folder.uriOf(f));
      for (const fix of fixes) {
        const edit = fixEdit(svc, result.folder, current, fix);
        if (!edit) continue;
        const created = fix.createFile ? normaliseRelative(fix.createFile.path) : undefined;
        // A created evidence file is opened beside the memo, to be filled in (our client's command).
        const command = created !== undefined && svc.client.openFileCommand ? { title: 'Open the created file', command: OPEN_FILE_COMMAND, arguments: [fileUri(result.folder.absolute(created))] } : undefined;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred ?? false, edit, ...(command ? { command } : {}) });
      }
    }
  }
  // Source actions only when asked for by kind (save actions, the "Source Action…" menu), not in the light bulb.
  if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.'))) {
    const fixAll = fixAllAction(current, result.diagnostics, svc);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** A fix as a workspace edit; undefined when it creates a file and the client cannot. */
function fixEdit(svc: DecisionService, folder: ProjectFolder, doc: OpenDocument, fix: Fix): WorkspaceEdit | undefined {
  // A client that inserts snippets gets the fix's blanks as tab stops, the first one selected.
  const snippets = svc.client.snippetEdits;
  const edits: (TextEdit | SnippetTextEdit)[] = fix.edits.map((e) =>
    snippets && e.snippet !== undefined ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } } : { range: e.range, newText: e.newText },
  );
  if (fix.createFile) {
    const rel = normaliseRelative(fix.createFile.path);
    if (!svc.client.createFiles || !rel) return undefined;
    const uri = fileUri(folder.absolute(rel));
    const documentChanges: WorkspaceEdit['documentChanges'] = [
      CreateFile.create(uri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.createFile.content }]),
    ];
    if (edits.length > 0) documentChanges.push(TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits));
    return { documentChanges };
  }
  return documentEdit(svc, doc, edits);
}

function documentEdit(svc: DecisionService, doc: OpenDocument, edits: (TextEdit | SnippetTextEdit)[]): WorkspaceEdit {
  return svc.client.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
    : { changes: { [doc.uri]: edits.filter((e): e is TextEdit => 'newText' in e) } };
}

/** The safe fixes as one edit, chosen as `decision-memos fix` chooses them (`core/fixes/fixAll.ts`). */
function fixAllAction(doc: OpenDocument, diagnostics: Diagnostic[], svc: DecisionService): CodeAction | undefined {
  const { edits } = selectFixAll(doc.getText(), diagnostics);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe decision memo problems', kind: FIX_ALL_KIND, edit: documentEdit(svc, doc, edits) };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
