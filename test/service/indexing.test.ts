import { describe, expect, it } from 'vitest';
import { summarise } from '../../server/src/core/workspace/memoIndex';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { createDecisionService } from '../../server/src/service/decisionService';
import { rename } from '../../server/src/service/features/rename';
import { GOOD_MEMO, standardFiles } from '../protocol/fixture';
import { TODAY } from '../helpers/memoWorkspace';
import { InMemoryDocuments, ROOT, ROOT_URI } from './harness';

// The editor's index in two passes (service/indexer.ts): every memo from its front matter first
// (the folder is ready: ids, titles, owners, front-matter citations), then every body (inline
// citations, verdicts, evidence, relevance terms). Once complete, the index is exactly what one
// full parse of every memo gives.

const GOOD = 'decisions/0001-use-a-cache.md';
/** A memo whose only citation is inline, in its body. */
const INLINE = 'decisions/0003-inline-only.md';
const INLINE_MEMO = GOOD_MEMO.replace('id: "0001"', 'id: "0003"').replace('tenets: [ENG-LATENCY]\n', '');
/** Front matter longer than the first pass reads of a file (64 KB): read whole at once. */
const LONG_FRONT = 'decisions/0004-long-front-matter.md';
const LONG_FRONT_MEMO = GOOD_MEMO.replace('id: "0001"', `id: "0004"\nnotes: |\n${'  a line of notes that goes on for a while\n'.repeat(1600)}`);
/** A long body after short front matter: the first pass reads only its start. */
const LONG_BODY = 'decisions/0005-long-body.md';
const LONG_BODY_MEMO = GOOD_MEMO.replace('id: "0001"', 'id: "0005"') + '\n## Context\n\n' + 'The search API answers slowly at the end of the month, and the cache would help. '.repeat(1000) + '\n';

function service(files: Record<string, string>) {
  const fs = new InMemoryWorkspaceFs(files, ROOT);
  const documents = new InMemoryDocuments();
  const svc = createDecisionService({ fileSystem: () => fs, findConfigRoot: () => undefined, documents, today: () => TODAY, log: () => {} });
  const folder = svc.addFolder(ROOT_URI, 'workspace')!;
  return { svc, folder, fs, documents };
}

describe('indexing a folder (in-process)', () => {
  it('is ready from the front matter, then complete with the bodies, as a full parse would leave it', async () => {
    const files: Record<string, string> = { ...standardFiles(), [INLINE]: INLINE_MEMO, [LONG_FRONT]: LONG_FRONT_MEMO, [LONG_BODY]: LONG_BODY_MEMO };
    const { svc, folder } = service(files);
    let atReady: { state: string; reading?: { done: number; total: number }; citing: string[]; title?: string } | undefined;
    const done = svc.index(folder, () => {}, false, () => {
      atReady = { ...folder.index, citing: folder.ws.memos.citing('ENG-LATENCY').map((m) => m.file), title: folder.ws.memos.get(INLINE)?.title };
    });
    await folder.whenIndexed();
    expect(atReady).toMatchObject({ state: 'ready', reading: { done: 0 }, title: 'Use a cache for the search API' });
    // From the front matter: GOOD cites in its `tenets:`; INLINE's citation is in its body, not read yet.
    expect(atReady!.citing).toContain(GOOD);
    expect(atReady!.citing).not.toContain(INLINE);
    // Both long memos are known at ready: one from the start of its file, one read whole.
    expect(atReady!.citing).toEqual(expect.arrayContaining([LONG_FRONT, LONG_BODY]));
    expect(await done).toBe(true);
    await folder.whenComplete();
    expect(folder.index.reading).toBeUndefined();
    expect(folder.ws.memos.citing('ENG-LATENCY').map((m) => m.file)).toContain(INLINE);
    for (const m of folder.ws.memos.all) expect(m).toEqual(summarise(parseMemo(m.file, files[m.file]!)));
  });

  it('keeps what an edit recorded while the bodies are read, and refuses a rename until they are', async () => {
    const files: Record<string, string> = { ...standardFiles(), [INLINE]: INLINE_MEMO };
    const { svc, folder, documents } = service(files);
    let renameWhileReading: unknown;
    const edited = INLINE_MEMO.replace('title: Use a cache for the search API', 'title: Edited while indexing');
    const done = svc.index(folder, () => {}, false, () => {
      // Opened and edited between the two passes: the buffer is recorded whole at once.
      documents.set(`${ROOT_URI}/${INLINE}`, edited);
      svc.documentOpened(`${ROOT_URI}/${INLINE}`);
      svc.checkDocument(`${ROOT_URI}/${INLINE}`);
      documents.set(`${ROOT_URI}/${GOOD}`, files[GOOD]!);
      svc.documentOpened(`${ROOT_URI}/${GOOD}`);
      const at = files[GOOD]!.indexOf('[[ENG-LATENCY]]') + 2;
      const position = { line: files[GOOD]!.slice(0, at).split('\n').length - 1, character: at - files[GOOD]!.lastIndexOf('\n', at) - 1 };
      try {
        rename(svc, { textDocument: { uri: `${ROOT_URI}/${GOOD}` }, position, newName: 'ENG-SPEED' });
      } catch (e) {
        renameWhileReading = e;
      }
    });
    expect(await done).toBe(true);
    expect(String(renameWhileReading)).toMatch(/still being indexed \(\d+\/\d+ memo bodies read\); rename once it is complete/);
    expect(folder.ws.memos.get(INLINE)).toEqual(summarise(parseMemo(INLINE, edited)));
    expect(folder.awaitsBody(INLINE)).toBe(false);
  });
});
