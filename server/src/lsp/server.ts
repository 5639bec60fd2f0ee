import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDecisionService, describeError } from '../service/decisionService';
import { audit } from '../service/features/audit';
import { codeActions, FIX_ALL_KIND } from '../service/features/codeActions';
import { codeLenses } from '../service/features/codeLens';
import { completion } from '../service/features/completion';
import { definition } from '../service/features/definition';
import { documentLinks } from '../service/features/documentLinks';
import { documentSymbols } from '../service/features/documentSymbols';
import { hover } from '../service/features/hover';
import { newMemo } from '../service/features/newMemo';
import { references } from '../service/features/references';
import { prepareRename, rename } from '../service/features/rename';
import { workspaceSymbols } from '../service/features/workspaceSymbols';
import { NO_CLIENT_FLAGS, type ClientFlags } from '../service/host';
import { AUDIT_REQUEST, CHECK_ALL_REQUEST, NEW_MEMO_REQUEST, PROBLEMS_REQUEST } from '../shared/protocol';
import { SETTINGS_SECTION } from '../shared/settings';
import { DiagnosticsPipeline } from './diagnosticsPipeline';
import { nodeServiceHost } from './nodeHost';
import { safe, safeRequest } from './safe';
import { SettingsCache } from './settings';
import { fileEvents } from './workspaceEvents';

const COMPLETION_TRIGGERS = ['[', ':', ' ', ',', '/', '-'];

/** Capabilities beyond the service's own: what the server itself asks of the client. */
interface ServerFlags extends ClientFlags {
  /** `workspace/configuration` (pull settings per folder). */
  configuration: boolean;
  /** `workspace/codeLens/refresh`. */
  codeLensRefresh: boolean;
}

/**
 * Wires the connection to the language service: documents and file events become workspace
 * changes, requests call the service's features, and the diagnostics pipeline publishes.
 */
export function startServer(connection: Connection): void {
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(message + '\n');
    }
  };
  const documents = new TextDocuments(TextDocument);
  const service = createDecisionService(nodeServiceHost(documents, log));
  let flags: ServerFlags = { configuration: false, codeLensRefresh: false, ...NO_CLIENT_FLAGS };
  let initialized = false;
  const settings = new SettingsCache(connection, () => flags.configuration, log, (folder, s) => service.setSettings(folder, s));
  let lensRefresh: NodeJS.Timeout | undefined;
  const refreshCodeLenses = () => {
    // Coalesced: an indexing pass or a burst of typing changes many counts at once.
    if (!flags.codeLensRefresh || lensRefresh) return;
    lensRefresh = setTimeout(() => {
      lensRefresh = undefined;
      connection.sendRequest('workspace/codeLens/refresh').catch((e: unknown) => log(`codeLens refresh: ${String(e)}`));
    }, 200);
  };
  const diagnostics = new DiagnosticsPipeline({ connection, service, settings, log, refreshCodeLenses });
  service.onDidAddFolder((folder) => {
    if (initialized) diagnostics.reindex(folder, false);
  });
  /** Features read the folder's settings: make sure they have arrived before answering. */
  const withSettings = async (uri: string) => {
    const folder = service.folders.folderFor(uri);
    if (folder) await settings.get(folder);
  };

  let initializeCapabilities: ClientCapabilities = {};
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      initializeCapabilities = params.capabilities;
      flags = serverFlags(params.capabilities, params.initializationOptions);
      service.client = { documentChanges: flags.documentChanges, createFiles: flags.createFiles, snippetEdits: flags.snippetEdits, completionSnippets: flags.completionSnippets, openFileCommand: flags.openFileCommand };
      const initial = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
      for (const f of initial) service.addFolder(f.uri, f.name);
    } catch (error) {
      log(`initialize: ${describeError(error)}`);
    }
    return { capabilities: serverCapabilities(params.capabilities), serverInfo: { name: 'decision-memos' } };
  });

  connection.onInitialized(
    safe('initialized', log, async () => {
      initialized = true;
      for (const folder of service.folders.all) diagnostics.reindex(folder, false);
      const workspaceCaps = initializeCapabilities.workspace;
      if (workspaceCaps?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safe('workspace folders', log, (e) => {
            for (const f of e.removed) {
              const folder = service.removeFolder(f.uri);
              if (folder) diagnostics.clearFolder(folder);
            }
            for (const f of e.added) service.addFolder(f.uri, f.name);
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
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    service.documentOpened(e.document.uri);
  });
  documents.onDidChangeContent(safe('didChange', log, (e) => diagnostics.documentChanged(e.document.uri, justOpened.delete(e.document.uri)), undefined));
  documents.onDidClose(
    safe('didClose', log, (e) => {
      justOpened.delete(e.document.uri);
      return diagnostics.documentClosed(e.document.uri);
    }, undefined),
  );

  connection.onDidChangeConfiguration(safe('didChangeConfiguration', log, (p) => diagnostics.settingsChanged(p.settings), undefined));
  connection.onDidChangeWatchedFiles(safe('didChangeWatchedFiles', log, (p) => void service.filesChanged(fileEvents(p.changes)), undefined));

  connection.onCompletion(safe('completion', log, (p) => completion(service, p), null));
  connection.onHover(safe('hover', log, (p) => hover(service, p), null));
  connection.onDefinition(safe('definition', log, (p) => definition(service, p), null));
  connection.onReferences(safe('references', log, (p, token) => references(service, p, token), null));
  connection.onPrepareRename(safe('prepareRename', log, (p) => prepareRename(service, p), null));
  connection.onRenameRequest(safe('rename', log, (p) => rename(service, p), null));
  connection.onCodeAction(safe('codeAction', log, async (p) => (await withSettings(p.textDocument.uri), codeActions(service, p)), []));
  connection.onCodeLens(safe('codeLens', log, async (p) => (await withSettings(p.textDocument.uri), codeLenses(service, p)), []));
  connection.onDocumentLinks(safe('documentLinks', log, (p) => documentLinks(service, p), []));
  connection.onDocumentSymbol(safe('documentSymbol', log, (p) => documentSymbols(service, p), []));
  connection.onWorkspaceSymbol(safe('workspaceSymbol', log, (p, token) => workspaceSymbols(service, p, token), []));
  connection.onRequest(NEW_MEMO_REQUEST, safeRequest('newMemo', log, (p) => newMemo(service, p)));
  connection.onRequest(AUDIT_REQUEST, safeRequest('audit', log, (p) => audit(service, p)));
  connection.onRequest(PROBLEMS_REQUEST, safeRequest('problems', log, (p) => diagnostics.problems(p)));
  connection.onRequest(CHECK_ALL_REQUEST, safeRequest('checkAll', log, (p) => diagnostics.checkAll(p)));
  connection.onShutdown(() => {
    service.dispose();
    diagnostics.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function serverFlags(caps: ClientCapabilities, initializationOptions: unknown): ServerFlags {
  const edit = caps.workspace?.workspaceEdit;
  const documentChanges = edit?.documentChanges === true;
  const options = (initializationOptions ?? {}) as { openFileCommand?: unknown };
  return {
    configuration: caps.workspace?.configuration === true,
    documentChanges,
    createFiles: documentChanges && (edit?.resourceOperations ?? []).includes('create'),
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    snippetEdits: documentChanges && edit?.snippetEditSupport === true,
    completionSnippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    // Not an LSP capability: our VS Code client says it in its initialization options.
    openFileCommand: options.openFileCommand === true,
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
