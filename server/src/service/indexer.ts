import type { IndexProgress, ProjectFolder } from './projectFolder';

/** How long one indexing slice may hold the event loop before yielding. */
const INDEX_SLICE_MS = 12;

/** Lets pending I/O (incoming requests) and timers run before the caller continues. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Parses every memo file of a folder into its index, a slice at a time, yielding to the event
 * loop between slices so requests and the diagnostics of open memos are served first. Resolves to
 * false when a newer indexing run superseded this one.
 */
export async function indexFolder(folder: ProjectFolder, onProgress: (progress: IndexProgress) => void, reloadSharedFiles: boolean): Promise<boolean> {
  const generation = ++folder.generation;
  if (reloadSharedFiles) folder.loadSharedFiles();
  const ws = folder.ws;
  const files = ws.listMemoFiles();
  folder.index = { state: 'indexing', done: 0, total: files.length };
  onProgress(folder.index);
  let i = 0;
  while (i < files.length) {
    const sliceEnd = Date.now() + INDEX_SLICE_MS;
    while (i < files.length && Date.now() < sliceEnd) {
      const file = files[i++]!;
      const memo = folder.readMemo(file);
      if (memo) folder.recordMemo(memo);
      else folder.forgetMemo(file);
    }
    await yieldToEventLoop();
    if (folder.generation !== generation) return false;
    folder.index = { state: 'indexing', done: i, total: files.length };
    onProgress(folder.index);
  }
  // Memos that no longer match the globs (or vanished) leave the index; unsaved open memos stay.
  const listed = new Set(files);
  for (const m of [...ws.memos.all]) {
    if (!listed.has(m.file) && !(folder.openDocument(m.file) && ws.isMemoFile(m.file))) folder.forgetMemo(m.file);
  }
  folder.indexReady(files.length);
  onProgress(folder.index);
  return true;
}
