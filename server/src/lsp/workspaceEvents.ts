import { FileChangeType, type FileEvent as LspFileEvent } from 'vscode-languageserver/node';
import type { FileEvent } from '../service/decisionService';

// LSP events become the language service's workspace changes here, once. Document events
// (open, change, close) reach the service through the diagnostics pipeline, which schedules them;
// disk events are converted below and applied at once.

const CHANGES: Record<number, FileEvent['change']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** `workspace/didChangeWatchedFiles` events as the service's file events (unknown types are dropped). */
export function fileEvents(events: readonly LspFileEvent[]): FileEvent[] {
  const out: FileEvent[] = [];
  for (const e of events) {
    const change = CHANGES[e.type];
    if (change && typeof e.uri === 'string') out.push({ uri: e.uri, change });
  }
  return out;
}
