import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { planNewMemo, slugify } from '../../server/src/core/memo/newMemo';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { RULE_IDS } from '../../server/src/rules/registry';
import { TODAY } from '../helpers/memoWorkspace';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';

/** A workspace with its settings loaded and every memo indexed, as the CLI and the server have it. */
function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY);
  ws.loadSharedFiles();
  for (const file of ws.listMemoFiles()) {
    const memo = ws.readMemo(file);
    if (memo) ws.indexMemo(memo);
  }
  return ws;
}

const plan = (files: Record<string, string>, title = 'Use a cache', opts: { status?: string; folder?: string } = {}) =>
  planNewMemo(workspace(files), title, { today: TODAY, ...opts });

describe('planNewMemo', () => {
  it('starts at 0001 in the static folder of the first memo glob', () => {
    expect(plan({})).toMatchObject({ id: '0001', path: 'decisions/0001-use-a-cache.md' });
    expect(plan({ '.decisions.yaml': 'memos: ["docs/adr/*.md", "decisions/**/*.md"]\n' }).path).toBe('docs/adr/0001-use-a-cache.md');
    expect(plan({ '.decisions.yaml': 'memos: "**/*.md"\n' }).path).toBe('0001-use-a-cache.md');
    expect(plan({ '.decisions.yaml': 'memos: ["records/{a,b}/*.md"]\n' }).path).toBe('records/0001-use-a-cache.md');
  });

  it('numbers after the highest numeric id, from front matter or file name', () => {
    expect(plan({ 'decisions/0002-a.md': '# A\n', 'decisions/0009-b.md': '# B\n' }).id).toBe('0010');
    expect(plan({ 'decisions/x.md': '---\nid: 41\n---\n# X\n' }).id).toBe('0042');
    // A non-numeric id does not hide the file name's number.
    expect(plan({ 'decisions/0007-x.md': '---\nid: ADR-SEVEN\n---\n# X\n' }).id).toBe('0008');
    expect(plan({ 'decisions/use-x.md': '# X\n' }).id).toBe('0001');
    expect(plan({ 'decisions/9999-x.md': '# X\n' }).id).toBe('10000');
  });

  it('puts the memo where most existing memos live', () => {
    const files = {
      'decisions/0001-a.md': '# A\n',
      'docs/adr/0002-b.md': '# B\n',
      'docs/adr/0003-c.md': '# C\n',
    };
    expect(plan(files).path).toBe('docs/adr/0004-use-a-cache.md');
    // A tie goes to the first folder in sort order.
    expect(plan({ 'docs/adr/0001-a.md': '# A\n', 'decisions/0002-b.md': '# B\n' }).path).toBe('decisions/0003-use-a-cache.md');
  });

  it('uses the folder it is given', () => {
    expect(plan({ 'decisions/0001-a.md': '# A\n' }, 'X', { folder: 'decisions/platform' }).path).toBe('decisions/platform/0002-x.md');
    expect(plan({}, 'X', { folder: '' }).path).toBe('0001-x.md');
  });

  it('writes a template that parses back into the fields it promises', () => {
    const p = plan({}, 'Use Postgres: for search', { status: 'proposed' });
    const m = parseMemo(p.path, p.content);
    expect(m.frontMatter?.problems).toEqual([]);
    expect(m.id).toMatchObject({ value: '0001', derived: false });
    expect(m.title?.value).toBe('Use Postgres: for search');
    expect(m.statusValue).toBe('proposed');
    expect(m.date?.value).toBe(TODAY);
    expect(m.owners).toEqual([]);
    expect(m.reversibility?.value).toBe('two-way');
    expect(m.citations).toEqual([]);
    expect(m.evidence).toEqual([]);
    expect(m.sections.map((s) => s.title)).toEqual(['Use Postgres: for search', 'Context', 'Decision', 'Relevant tenets']);
    expect(m.claims.map((c) => c.text)).toEqual(['We believe OUTCOME because SIGNALS.']);
    expect(m.boundaries.map((b) => b.text)).toEqual(['This reduces uncertainty about X; it does not prove Y.']);
    expect(p.content).toContain('\nowners: []\n');
    expect(p.content).toContain('\ntenets: []\n');
    expect(p.content).toContain('\nevidence: []\n');
  });

  it('defaults the status to draft and keeps a title with YAML-significant characters intact', () => {
    for (const title of ['true', '2026', '#1 priority', '"Quoted" start', 'a: b', '- dash']) {
      const p = plan({}, title);
      const m = parseMemo(p.path, p.content);
      expect(m.title?.value).toBe(title);
      expect(m.statusValue).toBe('draft');
    }
  });

  it('keeps the title on one line', () => {
    const p = plan({}, 'Two\nlines');
    expect(p.content).toContain('\ntitle: Two lines\n');
    expect(p.content).toContain('\n# Two lines\n');
  });
});

describe('slugify', () => {
  it.each([
    ['Use Postgres for search', 'use-postgres-for-search'],
    ['  Café: déjà vu!  ', 'cafe-deja-vu'],
    ['API v2 (beta) & more', 'api-v2-beta-more'],
    ['日本語のタイトル', '日本語のタイトル'],
    ['???', 'memo'],
    ['', 'memo'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('stops at a word boundary within 60 characters', () => {
    const slug = slugify('word '.repeat(30));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify('x'.repeat(80))).toHaveLength(60);
  });
});
