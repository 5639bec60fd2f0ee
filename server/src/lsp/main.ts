import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isReadAhead, runReadAhead } from '../node/readAhead';
import { describeError } from '../service/decisionService';
import { startServer } from './server';

// Entry point of `dist/server.js`. The transport comes from the command line (`--stdio`,
// `--node-ipc`, `--socket=…`), as the VS Code client or any other LSP client passes it. The
// bundle is also the thread that reads files ahead of the indexer (node/readAhead.ts).

function serve(): void {
  const connection = createConnection(ProposedFeatures.all);
  process.on('unhandledRejection', (reason) => report(connection, 'Unhandled rejection', reason));
  process.on('uncaughtException', (error) => report(connection, 'Uncaught exception', error));
  startServer(connection);
}

/** Last-resort logging: a bug must show up in the output channel, not kill the server. */
function report(connection: Connection, kind: string, error: unknown): void {
  const message = `${kind}: ${describeError(error)}`;
  try {
    connection.console.error(message);
  } catch {
    process.stderr.write(message + '\n');
  }
}

if (isMainThread) serve();
else if (isReadAhead(workerData)) void runReadAhead(workerData);
