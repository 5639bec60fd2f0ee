import { describe, expect, it } from 'vitest';
import { GOOD_MEMO, NO_OWNER_MEMO, standardFiles } from '../protocol/fixture';
import { serviceOn } from './harness';

// The one update path: every kind of change goes through ProjectFolder.update, and the service
// announces what it affects. These tests pin what each change announces.

const GOOD = 'decisions/0001-use-a-cache.md';
const OTHER = 'decisions/0002-managed-search.md';

describe('workspace changes (in-process)', () => {
  it('an edit that changes a memo id announces the memos that link to it', async () => {
    const f = await serviceOn({ ...standardFiles(), [OTHER]: NO_OWNER_MEMO.replace('status: draft', 'status: draft\nsuperseded-by: ["0001"]') });
    f.open(GOOD);
    f.changes.length = 0;
    f.edit(GOOD, GOOD_MEMO.replace('id: "0001"', 'id: "0009"'));
    expect(f.changes).toHaveLength(1);
    expect(f.changes[0]!.affected).toMatchObject({ files: [OTHER], all: false, reindex: false });
    expect(f.changes[0]!.source).toBe(f.uri(GOOD));
    // The same version checked again applies nothing twice.
    f.service.checkDocument(f.uri(GOOD));
    expect(f.changes).toHaveLength(1);
  });

  it('an edit of a tenet file re-checks everything; of the config, indexes again', async () => {
    const f = await serviceOn(standardFiles());
    f.open('tenets/search.md');
    f.open('.decisions.yaml');
    f.changes.length = 0;
    f.edit('tenets/search.md', f.fs.files.get('tenets/search.md')!.replace('cache before scale', 'cache first'));
    expect(f.changes[0]!.affected).toMatchObject({ all: true, reindex: false });
    f.edit('.decisions.yaml', f.fs.files.get('.decisions.yaml')! + 'evidence:\n  maxAgeDays: 30\n');
    expect(f.changes[1]!.affected).toMatchObject({ all: true, reindex: true });
    expect(f.folder.ws.config.evidence.maxAgeDays).toBe(30);
  });

  it('a disk event for an open document changes nothing but presence: the buffer wins until it closes', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD, GOOD_MEMO.replace('Use a cache for the search API', 'Buffer title'));
    f.fs.files.set(GOOD, GOOD_MEMO.replace('Use a cache for the search API', 'Disk title'));
    f.service.filesChanged([{ uri: f.uri(GOOD), change: 'changed' }]);
    expect(f.folder.ws.memos.get(GOOD)!.title).toBe('Buffer title');
    f.close(GOOD);
    expect(f.folder.ws.memos.get(GOOD)!.title).toBe('Disk title');
  });

  it('evidence appearing on disk announces the memos that name it', async () => {
    const files = standardFiles();
    delete files['evidence/slo.md'];
    const f = await serviceOn(files);
    expect(f.service.checkFile(f.folder, GOOD).map((d) => d.rule)).toContain('evidence-not-found');
    f.fs.files.set('evidence/slo.md', '# SLO\n');
    const [change] = f.service.filesChanged([{ uri: f.uri('evidence/slo.md'), change: 'created' }]);
    expect(change!.affected.files).toEqual([GOOD]);
    expect(f.service.checkFile(f.folder, GOOD).map((d) => d.rule)).not.toContain('evidence-not-found');
  });

  it('a deleted folder takes its memos and tenet files with it', async () => {
    const f = await serviceOn(standardFiles());
    for (const rel of [GOOD, OTHER]) f.fs.files.delete(rel);
    const [change] = f.service.filesChanged([{ uri: f.uri('decisions'), change: 'deleted' }]);
    expect(change!.affected.removed.sort()).toEqual([GOOD, OTHER]);
    expect(f.folder.ws.memos.size).toBe(0);
    f.fs.files.delete('tenets/search.md');
    const [tenets] = f.service.filesChanged([{ uri: f.uri('tenets'), change: 'deleted' }]);
    expect(tenets!.affected).toMatchObject({ all: true, removed: ['tenets/search.md'] });
  });

  it('the people file changing re-checks everything; unchanged text announces nothing', async () => {
    const f = await serviceOn(standardFiles());
    const [same] = f.service.filesChanged([{ uri: f.uri('people.yaml'), change: 'changed' }]);
    expect(same!.affected.all).toBe(false);
    f.fs.files.set('people.yaml', f.fs.files.get('people.yaml')! + '- carol\n');
    const [changed] = f.service.filesChanged([{ uri: f.uri('people.yaml'), change: 'changed' }]);
    expect(changed!.affected.all).toBe(true);
  });
});
