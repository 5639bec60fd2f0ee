import { frontMatterMemo } from '../core/workspace/frontMatterSummary';
import { inOneState, type WorkspaceFs } from '../core/workspace/workspaceFs';
import type { IndexProgress, ProjectFolder } from './projectFolder';

/**
 * How much of a memo the first pass reads: the whole of a memo up to this size (one read costs
 * about the same here whatever its length: measured on 8 KB memos, a partial read was slower),
 * the start of a larger one (a 5 MB memo's front matter is in its first bytes). Longer front
 * matter than this is read whole.
 */
const FRONT_MATTER_BYTES = 64 * 1024;
/** How long one indexing slice may hold the event loop before yielding. */
const INDEX_SLICE_MS = 12;

/** Lets pending I/O (incoming requests) and timers run before the caller continues. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Indexes every memo file of a folder in two passes, a slice at a time, yielding to the event
 * loop between slices so requests and the diagnostics of open memos are served first:
 *
 *   1. front matter: each closed memo is recorded from the text up to its closing fence (ids,
 *      titles, statuses, owners, front-matter citations, links). A memo without closed front
 *      matter, and every open document, is parsed whole. Then the folder is `ready`
 *      (`onReady`): every memo is known, navigation and cross-memo checks work.
 *   2. bodies: each memo recorded from its front matter is parsed whole and recorded again
 *      (inline citations, verdicts, evidence, the key terms relevance weighs). Then the index is
 *      `complete`, as one full pass would have left it.
 *
 * A full parse is most of a memo's cost; the first pass makes the workspace usable in a fraction
 * of the time the whole index takes. Resolves to false when a newer indexing run superseded this one.
 */
export async function indexFolder(folder: ProjectFolder, onProgress: (progress: IndexProgress) => void, reloadSharedFiles: boolean, onReady: () => void = () => {}): Promise<boolean> {
  const generation = ++folder.generation;
  if (reloadSharedFiles) folder.loadSharedFiles();
  const ws = folder.ws;
  const files = ws.listMemoFiles();
  // Each memo is read in turn, twice for most (its front matter, then its body): the disk may fetch them meanwhile.
  ws.fs.readSoon?.(files);
  const bodiesToRead: string[] = [];
  folder.index = { state: 'indexing', done: 0, total: files.length };
  onProgress(folder.index);
  const frontMatter = await sliced(ws.fs, files, (file) => {
    if (!folder.openDocument(file)) {
      const head = ws.readMemoHead(file, FRONT_MATTER_BYTES);
      const memo = head === undefined ? undefined : frontMatterMemo(file, head.text, head.whole);
      if (memo) {
        folder.recordMemo(memo, true);
        bodiesToRead.push(file);
        return;
      }
      if (head === undefined) return void folder.forgetMemo(file);
    }
    indexWhole(folder, file);
  }, (done) => {
    if (folder.generation !== generation) return false;
    folder.index = { state: 'indexing', done, total: files.length };
    onProgress(folder.index);
    return true;
  });
  if (!frontMatter) return false;
  // Memos that no longer match the globs (or vanished) leave the index; unsaved open memos stay.
  const listed = new Set(files);
  for (const m of [...ws.memos.all]) {
    if (!listed.has(m.file) && !(folder.openDocument(m.file) && ws.isMemoFile(m.file))) folder.forgetMemo(m.file);
  }
  folder.indexReady(files.length, bodiesToRead.length);
  onProgress(folder.index);
  onReady();
  const bodies = await sliced(ws.fs, bodiesToRead, (file) => {
    // Changed since the first pass: `update` has recorded it whole already (or forgotten it).
    if (folder.awaitsBody(file)) indexWhole(folder, file);
  }, (done) => {
    if (folder.generation !== generation) return false;
    folder.bodiesRead(done);
    onProgress(folder.index);
    return true;
  });
  if (!bodies) return false;
  folder.indexComplete();
  onProgress(folder.index);
  return true;
}

/** Reads and parses a memo whole into the index (forgotten when it cannot be read). */
function indexWhole(folder: ProjectFolder, file: string): void {
  const memo = folder.readMemo(file);
  if (memo) folder.recordMemo(memo);
  else folder.forgetMemo(file);
}

/**
 * Runs `each` over the items in slices of INDEX_SLICE_MS, each slice reading the disk in one state
 * (a folder's real path is asked once per slice, not once per file), yielding between them;
 * `after(done)` reports progress and says whether to go on. Resolves to false when it said stop.
 */
async function sliced(fs: WorkspaceFs, items: readonly string[], each: (item: string) => void, after: (done: number) => boolean): Promise<boolean> {
  let i = 0;
  while (i < items.length) {
    const sliceEnd = Date.now() + INDEX_SLICE_MS;
    inOneState(fs, () => {
      while (i < items.length && Date.now() < sliceEnd) each(items[i++]!);
    });
    await yieldToEventLoop();
    if (!after(i)) return false;
  }
  return true;
}
