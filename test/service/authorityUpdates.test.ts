import { describe, expect, it } from 'vitest';
import { API_MEMO, API_MEMO_PATH as MEMO, AUTHORITY, AUTHORITY_PEOPLE, authorityFiles } from './authorityFixture';
import { serviceOn, type ServiceFixture } from './harness';

// Changes to the authority matrix and the people directory reach open memos through the one
// update path (ProjectFolder.update announces `all`), from an open buffer and from the disk alike;
// the matrix's own problems are shown on it.

const PLATFORM_MEMO = API_MEMO.replace('decision-type: api-design', 'decision-type: platform-change');
const PLATFORM_ROW = `- type: platform-change
  title: Changes to the shared platform
  decides: owner
`;

/** The rules reported on an open document, as the editor's next check of it sees them. */
function rulesOf(f: ServiceFixture, rel: string): string[] {
  return f.service.checkDocument(f.uri(rel))!.diagnostics.map((d) => d.rule);
}

describe('authority.yaml and people.yaml changes (in-process)', () => {
  it('an edit of the open authority.yaml re-checks the open memo: decision-type-unknown goes and comes back', async () => {
    const f = await serviceOn(authorityFiles({ [MEMO]: PLATFORM_MEMO }));
    f.open(MEMO);
    expect(rulesOf(f, MEMO)).toContain('decision-type-unknown');
    f.open('authority.yaml');
    f.changes.length = 0;
    f.edit('authority.yaml', AUTHORITY + PLATFORM_ROW);
    expect(f.changes.map((c) => c.affected)).toEqual([expect.objectContaining({ all: true, reindex: false })]);
    expect(f.changes[0]!.source).toBe(f.uri('authority.yaml'));
    expect(rulesOf(f, MEMO)).not.toContain('decision-type-unknown');
    f.edit('authority.yaml', AUTHORITY);
    expect(rulesOf(f, MEMO)).toContain('decision-type-unknown');
    // Closing the buffer goes back to the disk's matrix (no platform-change either): still reported.
    f.close('authority.yaml');
    expect(rulesOf(f, MEMO)).toContain('decision-type-unknown');
  });

  it('authority.yaml changed on disk re-checks the open memo', async () => {
    const f = await serviceOn(authorityFiles({ [MEMO]: PLATFORM_MEMO }));
    f.open(MEMO);
    expect(rulesOf(f, MEMO)).toContain('decision-type-unknown');
    f.fs.files.set('authority.yaml', AUTHORITY + PLATFORM_ROW);
    const [change] = f.service.filesChanged([{ uri: f.uri('authority.yaml'), change: 'changed' }]);
    expect(change!.affected.all).toBe(true);
    expect(rulesOf(f, MEMO)).not.toContain('decision-type-unknown');
    // Back to a matrix without the type: reported again.
    f.fs.files.set('authority.yaml', AUTHORITY);
    f.service.filesChanged([{ uri: f.uri('authority.yaml'), change: 'changed' }]);
    expect(rulesOf(f, MEMO)).toContain('decision-type-unknown');
  });

  it('a matrix created on disk starts judging the memo; the same text again announces nothing', async () => {
    const f = await serviceOn(authorityFiles({ 'authority.yaml': undefined, [MEMO]: PLATFORM_MEMO }));
    f.open(MEMO);
    expect(rulesOf(f, MEMO)).not.toContain('decision-type-unknown');
    f.fs.files.set('authority.yaml', AUTHORITY);
    const [created] = f.service.filesChanged([{ uri: f.uri('authority.yaml'), change: 'created' }]);
    expect(created!.affected.all).toBe(true);
    expect(rulesOf(f, MEMO)).toContain('decision-type-unknown');
    const [same] = f.service.filesChanged([{ uri: f.uri('authority.yaml'), change: 'changed' }]);
    expect(same!.affected.all).toBe(false);
  });

  it('a person marked as left in people.yaml makes owner-departed appear on the open memo (disk and buffer)', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO);
    expect(rulesOf(f, MEMO)).not.toContain('owner-departed');
    const aliceLeft = AUTHORITY_PEOPLE.replace('  role: [team-lead]\n', '  role: [team-lead]\n  status: left\n');
    f.fs.files.set('people.yaml', aliceLeft);
    const [change] = f.service.filesChanged([{ uri: f.uri('people.yaml'), change: 'changed' }]);
    expect(change!.affected.all).toBe(true);
    expect(rulesOf(f, MEMO)).toContain('owner-departed');

    // The open buffer wins over the disk: alice is back in it, then leaves by date.
    f.open('people.yaml', AUTHORITY_PEOPLE);
    expect(rulesOf(f, MEMO)).not.toContain('owner-departed');
    f.edit('people.yaml', AUTHORITY_PEOPLE.replace('  role: [team-lead]\n', '  role: [team-lead]\n  left: 2026-05-31\n'));
    expect(rulesOf(f, MEMO)).toContain('owner-departed');
  });

  it('publishes the matrix’s own problems on authority.yaml, and clears them when fixed', async () => {
    const broken = AUTHORITY.replace('[cross-team, one-way, spend-over:50000]', '[cross-tem, one-way, spend-over]') + '- type: API-design\n  title: again\n';
    const f = await serviceOn(authorityFiles({ 'authority.yaml': broken }));
    // Closed, from the disk: every pass checks it.
    const closed = f.service.checkFile(f.folder, 'authority.yaml');
    expect(closed.map((d) => d.rule)).toEqual(['config-invalid', 'config-invalid', 'config-invalid']);
    f.open('authority.yaml');
    const diagnostics = f.service.checkDocument(f.uri('authority.yaml'))!.diagnostics;
    expect(diagnostics.map((d) => [d.rule, d.severity, d.range.start.line])).toEqual(
      expect.arrayContaining([
        ['config-invalid', 'warning', 4],
        ['config-invalid', 'error', 4],
        ['config-invalid', 'error', 11],
      ]),
    );
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/did you mean `cross-team`[\s\S]*names no amount[\s\S]*defined twice/);
    f.edit('authority.yaml', AUTHORITY);
    expect(f.service.checkDocument(f.uri('authority.yaml'))!.diagnostics).toEqual([]);
  });
});
