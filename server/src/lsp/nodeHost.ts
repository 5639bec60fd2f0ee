import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localToday } from '../core/dates';
import { CONFIG_FILE } from '../core/workspace/config';
import { findWorkspaceRoot, NodeWorkspaceFs } from '../node/nodeWorkspaceFs';
import type { ServiceHost } from '../service/host';

/** The language service's host in the server: the disk, the client's open documents, the user's clock. */
export function nodeServiceHost(documents: TextDocuments<TextDocument>, log: (message: string) => void): ServiceHost {
  return {
    // The server's bundle is also the read-ahead thread (lsp/main.ts).
    fileSystem: (root) => new NodeWorkspaceFs(root, { readAheadScript: __filename }),
    findConfigRoot: (dir) => findWorkspaceRoot(dir, CONFIG_FILE),
    documents,
    today: () => localToday(),
    log,
  };
}
