import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { CONFIG_FILE } from '../core/workspace/config';
import type { DiagnosticsService } from './diagnosticsService';
import type { Folder, FolderRegistry } from './folders';

interface FolderChanges {
  reindex: boolean;
  all: boolean;
  files: Set<string>;
  removed: string[];
  citationsChanged: boolean;
}

/**
 * Files changed on disk (`workspace/didChangeWatchedFiles`): the index and the registry follow,
 * then the files the change affects are re-checked. An open document's buffer wins over the disk,
 * so events for open files change nothing until the document is closed.
 */
export function applyFileEvents(folders: FolderRegistry, service: DiagnosticsService, events: readonly FileEvent[], refreshCodeLenses: () => void): void {
  const byFolder = new Map<Folder, FolderChanges>();
  for (const event of events) {
    const folder = folders.existingFolderFor(event.uri);
    const rel = folder?.relative(event.uri);
    if (!folder || rel === undefined || rel === '') continue;
    let changes = byFolder.get(folder);
    if (!changes) byFolder.set(folder, (changes = { reindex: false, all: false, files: new Set(), removed: [], citationsChanged: false }));
    applyEvent(folder, rel, event.type, changes);
  }
  for (const [folder, changes] of byFolder) {
    if (changes.citationsChanged) refreshCodeLenses();
    if (changes.removed.length > 0) service.forgetFiles(folder, changes.removed);
    if (changes.reindex) service.reindex(folder, true);
    else if (changes.all) {
      service.recheckOpen(folder);
      service.requestPass(folder);
      refreshCodeLenses();
    } else if (changes.files.size > 0) service.recheckFiles(folder, [...changes.files]);
  }
}

function applyEvent(folder: Folder, rel: string, type: FileChangeType, changes: FolderChanges): void {
  const ws = folder.ws;
  if (type !== FileChangeType.Changed) {
    folder.invalidateFileList();
    // Evidence appeared or vanished: the memos naming it read differently.
    for (const memo of folder.memosWithEvidence(rel)) changes.files.add(memo);
  }
  if (folder.openDocument(rel)) return;
  if (rel === CONFIG_FILE || rel === folder.peoplePath) {
    const read = ws.fs.readText(rel);
    if (!folder.settingsTextChanged(rel, read.ok ? read.text : undefined)) return;
    if (rel === CONFIG_FILE) changes.reindex = true;
    else {
      folder.reloadPeople();
      changes.all = true;
    }
    return;
  }
  if (type === FileChangeType.Deleted) {
    // A deleted folder arrives as one event: everything below it goes too.
    const below = (f: string) => f === rel || f.startsWith(rel + '/');
    for (const t of ws.registry.tenetFiles) if (below(t.file) && !folder.openDocument(t.file)) removeTenetFile(folder, t.file, changes);
    for (const m of ws.memos.all) if (below(m.file) && !folder.openDocument(m.file)) forgetMemo(folder, m.file, changes);
    for (const f of [...ws.unreadable.keys()]) {
      if (!below(f)) continue;
      ws.unreadable.delete(f);
      changes.removed.push(f);
    }
    return;
  }
  const kind = folder.kindOf(rel);
  if (kind === 'tenet') {
    const before = ws.registry.getFile(rel)?.text;
    const tenetFile = ws.readTenetFile(rel);
    if (tenetFile) ws.registry.setFile(tenetFile);
    else ws.registry.removeFile(rel);
    if (before !== tenetFile?.text) changes.all = true;
    if (ws.unreadable.has(rel)) changes.files.add(rel);
  } else if (kind === 'memo') {
    const memo = ws.readMemo(rel);
    const change = memo ? folder.recordMemo(memo) : folder.forgetFile(rel);
    for (const f of change.affected) changes.files.add(f);
    changes.files.add(rel);
    changes.citationsChanged ||= change.citationsChanged;
  }
}

function removeTenetFile(folder: Folder, rel: string, changes: FolderChanges): void {
  folder.ws.registry.removeFile(rel);
  changes.all = true;
  changes.removed.push(rel);
}

function forgetMemo(folder: Folder, rel: string, changes: FolderChanges): void {
  const change = folder.forgetFile(rel);
  for (const f of change.affected) changes.files.add(f);
  changes.removed.push(rel);
  changes.citationsChanged ||= change.citationsChanged;
}
