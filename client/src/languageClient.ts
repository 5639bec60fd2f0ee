import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/shared/settings';
import SERVER_NODE_OPTIONS from '../../server/src/shared/serverNodeOptions.json';

/** The client id: VS Code's language client reads `<id>.trace.server` for its protocol trace. */
const CLIENT_ID = SETTINGS_SECTION;

/** Which documents the server sees: memos and tenet files are markdown, tenets and config also YAML. */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', pattern: '**/.decisions.yaml' },
  // A source of owners when the config says so (it has no language of its own).
  { scheme: 'file', pattern: '**/CODEOWNERS' },
];

/** Builds (without starting) the client for the bundled server `dist/server.js`. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server is a long-lived background process: its heap may grow by half its live size
  // between full collections (V8's default lets it grow several times over). On 30,000 memos that
  // keeps the peak near 270 MB instead of about 500 MB; V8's size-optimised mode kept 185 MB but
  // spent a third of the time collecting, indexing and checking 1.7x slower (bench/lsp.mjs; the
  // benchmark starts the server with the same options).
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'] } },
  };
  // Evidence artifacts can be any kind of file, and memos, tenets, people and the config move
  // with renames and deletes, so the server hears about every file of the workspace.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents: watcher },
    // Commands of this client the server may attach to a quick fix (see OPEN_FILE_COMMAND).
    initializationOptions: { openFileCommand: true },
    // The server pulls `decisionMemos.*` per resource with workspace/configuration.
  };
  return new LanguageClient(CLIENT_ID, 'Decision Memos', serverOptions, clientOptions);
}
