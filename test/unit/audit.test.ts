import { describe, expect, it } from 'vitest';
import { auditToJson, computeAudit } from '../../server/src/audit/computeAudit';
import { renderHtml } from '../../server/src/shared/audit/renderHtml';
import { renderMarkdown, renderText } from '../../server/src/audit/renderText';
import { indexWorkspace, Workspace } from '../../server/src/core/workspace/workspace';
import { RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, memo, TODAY } from '../helpers/memoWorkspace';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';

function audit(files: Record<string, string>, since?: string) {
  const ws = new Workspace(new InMemoryWorkspaceFs({ 'tenets.yaml': BASE_TENETS, ...files }), RULE_IDS, TODAY);
  indexWorkspace(ws);
  return computeAudit(ws, since ? { since } : {});
}

const files = {
  'decisions/0001-a.md': memo(['status: accepted', 'date: 2026-01-10', 'owners: [alice]', 'reversibility: one-way', 'tenets: [ENG-LATENCY, CO-TRUST]', 'evidence: [a.md, b.md]'], ['# A', '', '- [[ENG-LATENCY]] ✓ fast', '- [[CO-TRUST]] ✗ risky']),
  'decisions/0002-b.md': memo(['status: proposed', 'date: 2026-04-02', 'owners: [alice, bob]', 'reversibility: one-way', 'evidence: [a.md]'], ['# B', '', 'We cite [[ENG-LATENCY]] twice: [[ENG-LATENCY]] ✗ slow']),
  'decisions/0003-c.md': memo(['status: draft', 'title: "<script>alert(1)</script> & co"', 'owners: bob', 'reversibility: two-way'], ['# C']),
  'decisions/0004-d.md': memo(['status: Superseded by 0001', 'date: 2025-12-01', 'tenets: [CO-SPEED]']),
};

describe('computeAudit', () => {
  it('counts memos, citations (once per memo), status, uncited tenets and conflicts', () => {
    const r = audit(files);
    expect(r.memos).toBe(4);
    expect(r.citing).toBe(3);
    expect(r.byStatus).toMatchObject({ accepted: 1, proposed: 1, draft: 1, superseded: 1, rejected: 0 });
    const byId = Object.fromEntries(r.tenets.map((t) => [t.id, t]));
    expect(byId['ENG-LATENCY']!.citations).toBe(2);
    expect(byId['ENG-LATENCY']!.memos).toEqual(['decisions/0001-a.md', 'decisions/0002-b.md']);
    expect(byId['CO-TRUST']!.citations).toBe(1);
    expect(r.uncited).toEqual(['PROD-SIMPLE']); // CO-SPEED is cited; retired ones are never "uncited"
    expect(r.conflicts).toEqual([
      { tenet: 'CO-TRUST', memos: ['decisions/0001-a.md'] },
      { tenet: 'ENG-LATENCY', memos: ['decisions/0002-b.md'] },
    ].sort((a, b) => (a.tenet < b.tenet ? -1 : 1)));
  });

  it('counts open and accepted decisions per owner', () => {
    expect(audit(files).owners).toEqual([
      { owner: 'bob', open: 2, accepted: 0 },
      { owner: 'alice', open: 1, accepted: 1 },
    ]);
  });

  it('measures evidence against the threshold of each reversibility', () => {
    const r = audit(files);
    expect(r.evidence['one-way']).toEqual({ memos: 2, meeting: 1, required: 2 });
    expect(r.evidence['two-way']).toEqual({ memos: 1, meeting: 1, required: 0 });
    expect(r.evidence.costly).toEqual({ memos: 0, meeting: 0, required: 1 });
    expect(r.evidenceUnspecified).toBe(1);
  });

  it('limits the audit to memos dated since a day, leaving undated memos out', () => {
    const r = audit(files, '2026-01-01');
    expect(r.memos).toBe(2);
    expect(r.memoList.map((m) => m.id)).toEqual(['0001', '0002']);
    expect(r.uncited).toEqual(['PROD-SIMPLE']);
  });

  it('has the documented JSON shape', () => {
    const json = auditToJson(audit(files)) as Record<string, unknown>;
    for (const key of ['version', 'memos', 'citing', 'byStatus', 'tenets', 'uncited', 'conflicts', 'owners', 'evidence']) expect(json).toHaveProperty(key);
    expect((json.tenets as object[])[0]).toEqual(expect.objectContaining({ id: 'ENG-LATENCY', layer: 'function', status: 'active', citations: 2 }));
  });
});

describe('audit renderers', () => {
  it('escapes memo text in HTML and draws the four charts as inline SVG', () => {
    const html = renderHtml(audit(files));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).not.toMatch(/<script/); // the standalone file needs no script
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // no remote resources
  });

  it('adds exactly one nonce script in webview mode', () => {
    const html = renderHtml(audit(files), { webview: { nonce: 'abc123', cspSource: 'vscode-resource:' } });
    expect(html.match(/<script/g)?.length).toBe(1);
    expect(html).toContain("script-src 'nonce-abc123'");
  });

  it('renders text and markdown with the same figures', () => {
    const r = audit(files);
    expect(renderText(r)).toContain('Uncited active tenets: PROD-SIMPLE');
    const md = renderMarkdown(r);
    expect(md).toContain('| ENG-LATENCY |');
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('audit owners', () => {
  it('counts a person named by id in one memo and by email in another once', () => {
    const r = audit({
      'people.yaml': '- id: alice\n  email: alice@example.com\n',
      'decisions/0001-a.md': memo(['status: proposed', 'owners: [alice]']),
      'decisions/0002-b.md': memo(['status: accepted', 'owners: [alice@example.com]']),
    });
    expect(r.owners).toEqual([{ owner: 'alice', open: 1, accepted: 1 }]);
  });
});
