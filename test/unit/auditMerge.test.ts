import { describe, expect, it } from 'vitest';
import { mergeAudits, mergedToJson } from '../../server/src/audit/mergeAudit';
import type { RepoAudit } from '../../server/src/audit/mergedReport';
import { renderMergedHtml } from '../../server/src/audit/renderMergedHtml';
import { renderMergedMarkdown, renderMergedText } from '../../server/src/audit/renderMergedText';

// The pure merge (audit/mergeAudit.ts) and its renderers, on hand-made repository audits.

function repo(name: string, fields: Partial<RepoAudit> = {}): RepoAudit {
  return { name, source: `${name}.json`, since: undefined, date: '2026-12-01', memos: 0, citing: 0, tenets: [], conflicts: [], owners: [], overdue: [], ...fields };
}
const tenet = (id: string, citations: number, layer: RepoAudit['tenets'][number]['layer'] = 'company', status: 'active' | 'retired' = 'active') => ({ id, title: `${id} title`, layer, status, citations });

describe('mergeAudits', () => {
  it('sums adoption and rounds shares; a repository without memos has no share', () => {
    const m = mergeAudits([repo('b', { memos: 3, citing: 1 }), repo('a', { memos: 0 }), repo('c', { memos: 6, citing: 6 })]);
    expect(m.repositories.map((r) => [r.name, r.share])).toEqual([['a', undefined], ['b', 0.333], ['c', 1]]);
    expect(m.totals).toEqual({ repositories: 3, memos: 9, citing: 7, share: 0.778, conflicts: 0, overdue: 0 });
    expect(mergeAudits([]).totals).toEqual({ repositories: 0, memos: 0, citing: 0, share: undefined, conflicts: 0, overdue: 0 });
  });

  it('counts a company tenet in the repositories citing it, whatever layer other repositories give an id', () => {
    const m = mergeAudits([
      repo('a', { memos: 5, tenets: [tenet('CO-X', 2), tenet('CO-OLD', 0, 'company', 'retired'), tenet('CO-NEVER', 0)] }),
      repo('b', { memos: 5, tenets: [tenet('CO-X', 3), tenet('CO-NEVER', 0, 'company', 'retired'), tenet('LOCAL', 4, 'function')] }),
      repo('c', { memos: 5, tenets: [tenet('LOCAL', 1, 'team'), tenet('CO-X', 0)] }),
    ]);
    expect(m.companyTenets).toEqual([{ id: 'CO-X', title: 'CO-X title', known: 3, memos: 5, repositories: [{ name: 'b', memos: 3 }, { name: 'a', memos: 2 }] }]);
    // Retired everywhere: not "never cited"; active in one repository: it is.
    expect(m.companyUncited).toEqual([{ id: 'CO-NEVER', title: 'CO-NEVER title', known: 2 }]);
  });

  it('reads an id a registry defines twice once', () => {
    const m = mergeAudits([repo('a', { memos: 4, tenets: [tenet('CO-X', 2, 'function'), tenet('CO-X', 2)] })]);
    expect(m.companyTenets).toEqual([expect.objectContaining({ id: 'CO-X', known: 1, memos: 2 })]);
  });

  it('keeps conflicts in more than one repository and sums them all', () => {
    const m = mergeAudits([
      repo('a', { memos: 9, conflicts: [{ tenet: 'T1', memos: ['x.md', 'y.md'] }, { tenet: 'T2', memos: ['z.md'] }] }),
      repo('b', { memos: 9, conflicts: [{ tenet: 'T1', memos: ['q.md'] }, { tenet: 'T3', memos: ['r.md'] }] }),
      repo('c', { memos: 9, conflicts: [{ tenet: 'T3', memos: ['s.md'] }, { tenet: 'T1', memos: [] }] }),
    ]);
    expect(m.totals.conflicts).toBe(6);
    expect(m.conflicts).toEqual([
      { tenet: 'T1', repositories: [{ name: 'a', memos: ['x.md', 'y.md'] }, { name: 'b', memos: ['q.md'] }] },
      { tenet: 'T3', repositories: [{ name: 'b', memos: ['r.md'] }, { name: 'c', memos: ['s.md'] }] },
    ]);
  });

  it('keeps owners with decisions in several repositories, most repositories first', () => {
    const m = mergeAudits([
      repo('a', { owners: [{ owner: 'ann', open: 1, accepted: 0 }, { owner: 'bob', open: 0, accepted: 2 }, { owner: 'solo', open: 9, accepted: 9 }] }),
      repo('b', { owners: [{ owner: 'ann', open: 2, accepted: 1 }, { owner: 'bob', open: 1, accepted: 0 }] }),
      repo('c', { owners: [{ owner: 'bob', open: 0, accepted: 1 }] }),
    ]);
    expect(m.owners.map((o) => [o.owner, o.repositories.length, o.open, o.accepted])).toEqual([['bob', 3, 1, 3], ['ann', 2, 3, 1]]);
  });

  it('lists overdue reviews per repository and notes differing periods', () => {
    const item = { file: 'd.md', due: '2026-01-01', source: 'review-by' as const, owners: ['ann'] };
    const m = mergeAudits([repo('a', { overdue: [item, item], since: '2026-01-01' }), repo('b'), repo('c', { overdue: [item] })]);
    expect(m.totals.overdue).toBe(3);
    expect(m.overdue.map((r) => [r.name, r.items.length])).toEqual([['a', 2], ['c', 1]]);
    expect(m.periods).toEqual(['2026-01-01', undefined]);
    expect(renderMergedText(m)).toContain('The reports cover different periods: since 2026-01-01, all memos.');
  });

  it('JSON holds nulls, not missing keys, for what is unknown', () => {
    const json = mergedToJson(mergeAudits([repo('a')]), { name: 'decision-memos', version: '9.9.9' }) as any;
    expect(json).toMatchObject({ tool: { name: 'decision-memos', version: '9.9.9' }, version: 1, kind: 'merged', totals: { share: null } });
    expect(json.repositories[0]).toMatchObject({ name: 'a', since: null, share: null });
  });
});

describe('merged renderers', () => {
  const evil = '<img src=x onerror=alert(1)>|\n# forged';
  const m = mergeAudits([
    repo(evil, { memos: 2, citing: 1, tenets: [tenet('<b>CO</b>', 1)], conflicts: [{ tenet: '<i>T</i>', memos: ['<a>.md'] }], owners: [{ owner: '<u>o</u>', open: 1, accepted: 0 }], overdue: [{ file: '<s>.md', due: '2026-01-01', source: 'review-by', owners: ['<u>o</u>'] }] }),
    repo('plain', { memos: 1, citing: 1, tenets: [tenet('<b>CO</b>', 1)], conflicts: [{ tenet: '<i>T</i>', memos: ['b.md'] }], owners: [{ owner: '<u>o</u>', open: 0, accepted: 1 }] }),
  ]);

  it('HTML escapes every piece of report text and keeps the standalone CSP', () => {
    const html = renderMergedHtml(m);
    expect(html).not.toMatch(/<(img|b|i|u|s|a)[ >]/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;|');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`);
    expect(html).not.toContain('<script');
    // One bar group per repository in the adoption chart.
    expect(html.match(/memos cite a tenet/g)).toHaveLength(2);
  });

  it('shortens a long repository name in the chart, not in the tables', () => {
    const long = 'r'.repeat(150);
    const html = renderMergedHtml(mergeAudits([repo(long, { memos: 1 })]));
    expect(html).toContain(`>${'r'.repeat(39)}…</text>`);
    expect(html).toContain(`<td>${long}</td>`);
  });

  it('text keeps a forged line on its line; markdown escapes cells', () => {
    const text = renderMergedText(m);
    expect(text.split('\n').some((l) => l.startsWith('# forged'))).toBe(false);
    const md = renderMergedMarkdown(m);
    expect(md).not.toMatch(/<(img|b|i|u|s|a)[ >]/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;\\| # forged');
    expect(md.split('\n').some((l) => l.startsWith('# forged'))).toBe(false);
  });
});
