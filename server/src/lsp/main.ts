import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from '../service/decisionService';
import { startServer } from './server';

// Entry point of `dist/server.js`. The transport comes from the command line (`--stdio`,
// `--node-ipc`, `--socket=…`), as the VS Code client or any other LSP client passes it.

const connection = createConnection(ProposedFeatures.all);

/** Last-resort logging: a bug must show up in the output channel, not kill the server. */
function report(kind: string, error: unknown): void {
  const message = `${kind}: ${describeError(error)}`;
  try {
    connection.console.error(message);
  } catch {
    process.stderr.write(message + '\n');
  }
}

process.on('unhandledRejection', (reason) => report('Unhandled rejection', reason));
process.on('uncaughtException', (error) => report('Uncaught exception', error));

startServer(connection);
