import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { AUDIT_REQUEST, NEW_MEMO_REQUEST, type AuditParams, type AuditResult, type NewMemoParams, type NewMemoResult } from '../shared/protocol';
import { SETTINGS_SECTION } from '../shared/settings';
import type { ClientFlags, ServerContext } from './context';
import { DiagnosticsService, describeError } from './diagnosticsService';
import { OpenDocuments } from './documents';
import { audit } from './features/audit';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { hover } from './features/hover';
import { newMemo } from './features/newMemo';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { workspaceSymbols } from './features/workspaceSymbols';
import { FolderRegistry, type Folder } from './folders';
import { safe, safeRequest } from './safe';
import { SettingsCache } from './settings';
import { applyFileEvents } from './watchedFiles';

const COMPLETION_TRIGGERS = ['[', ':', ' ', ',', '/', '-'];

/** Wires the connection to the core: documents, folders, settings, diagnostics and one handler per feature. */
export function startServer(connection: Connection): void {
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(message + '\n');
    }
  };
  const documents = new OpenDocuments();
  let client: ClientFlags = { configuration: false, documentChanges: false, createFiles: false, codeLensRefresh: false };
  let initialized = false;
  const startIndexing = (folder: Folder) => {
    if (initialized) diagnostics.reindex(folder, false);
  };
  const folders = new FolderRegistry(documents, startIndexing);
  const settings = new SettingsCache(connection, () => client.configuration, log);
  let lensRefresh: NodeJS.Timeout | undefined;
  const refreshCodeLenses = () => {
    // Coalesced: an indexing pass or a burst of typing changes many counts at once.
    if (!client.codeLensRefresh || lensRefresh) return;
    lensRefresh = setTimeout(() => {
      lensRefresh = undefined;
      connection.sendRequest('workspace/codeLens/refresh').catch((e: unknown) => log(`codeLens refresh: ${String(e)}`));
    }, 200);
  };
  const diagnostics = new DiagnosticsService({ connection, documents, folders, settings, log, refreshCodeLenses });
  const ctx: ServerContext = { documents, folders, settings, diagnostics, get client() { return client; }, log };

  let initializeCapabilities: ClientCapabilities = {};
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      initializeCapabilities = params.capabilities;
      client = clientFlags(params.capabilities);
      const initial = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
      for (const f of initial) folders.add(f.uri, f.name);
    } catch (error) {
      log(`initialize: ${describeError(error)}`);
    }
    return { capabilities: serverCapabilities(params.capabilities), serverInfo: { name: 'decision-memos' } };
  });

  connection.onInitialized(
    safe('initialized', log, async () => {
      initialized = true;
      for (const folder of folders.all) diagnostics.reindex(folder, false);
      const workspaceCaps = initializeCapabilities.workspace;
      if (workspaceCaps?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safe('workspace folders', log, (e) => {
            for (const f of e.removed) {
              const folder = folders.remove(f.uri);
              if (folder) diagnostics.clearFolder(folder);
            }
            for (const f of e.added) folders.add(f.uri, f.name);
          }, undefined),
        );
      }
      // Watched files: the client sends `**/*` itself (synchronize.fileEvents), so no registration here.
      if (workspaceCaps?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
    }, undefined),
  );

  // TextDocuments fires "open" and then "change" for an opened document: check it once, at once.
  const justOpened = new Set<string>();
  documents.store.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.store.onDidChangeContent(
    safe('didChange', log, (e) => diagnostics.documentChanged(e.document, justOpened.delete(e.document.uri)), undefined),
  );
  documents.store.onDidClose(
    safe('didClose', log, (e) => {
      justOpened.delete(e.document.uri);
      return diagnostics.documentClosed(e.document.uri);
    }, undefined),
  );

  connection.onDidChangeConfiguration(safe('didChangeConfiguration', log, (p) => diagnostics.settingsChanged(p.settings), undefined));
  connection.onDidChangeWatchedFiles(safe('didChangeWatchedFiles', log, (p) => applyFileEvents(folders, diagnostics, p.changes, refreshCodeLenses), undefined));

  connection.onCompletion(safe('completion', log, (p) => completion(ctx, p), null));
  connection.onHover(safe('hover', log, (p) => hover(ctx, p), null));
  connection.onDefinition(safe('definition', log, (p) => definition(ctx, p), null));
  connection.onReferences(safe('references', log, (p, token) => references(ctx, p, token), null));
  connection.onPrepareRename(safe('prepareRename', log, (p) => prepareRename(ctx, p), null));
  connection.onRenameRequest(safe('rename', log, (p) => rename(ctx, p), null));
  connection.onCodeAction(safe('codeAction', log, (p) => codeActions(ctx, p), []));
  connection.onCodeLens(safe('codeLens', log, (p) => codeLenses(ctx, p), []));
  connection.onDocumentLinks(safe('documentLinks', log, (p) => documentLinks(ctx, p), []));
  connection.onDocumentSymbol(safe('documentSymbol', log, (p) => documentSymbols(ctx, p), []));
  connection.onWorkspaceSymbol(safe('workspaceSymbol', log, (p, token) => workspaceSymbols(ctx, p, token), []));
  connection.onRequest(NEW_MEMO_REQUEST, safeRequest('newMemo', log, (p: NewMemoParams): Promise<NewMemoResult> => newMemo(ctx, p)));
  connection.onRequest(AUDIT_REQUEST, safeRequest('audit', log, (p: AuditParams | undefined): Promise<AuditResult> => audit(ctx, p)));
  connection.onShutdown(() => {
    folders.dispose();
    diagnostics.dispose();
  });

  documents.store.listen(connection);
  connection.listen();
}

function clientFlags(caps: ClientCapabilities): ClientFlags {
  const edit = caps.workspace?.workspaceEdit;
  const documentChanges = edit?.documentChanges === true;
  return {
    configuration: caps.workspace?.configuration === true,
    documentChanges,
    createFiles: documentChanges && (edit?.resourceOperations ?? []).includes('create'),
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
  };
}

function serverCapabilities(caps: ClientCapabilities): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    codeLensProvider: { resolveProvider: false },
    documentLinkProvider: { resolveProvider: false },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
