import { describe, expect, it } from 'vitest';
import { auditToJson, computeAudit } from '../../server/src/audit/computeAudit';
import { renderHtml } from '../../server/src/shared/audit/renderHtml';
import { renderMarkdown, renderText } from '../../server/src/audit/renderText';
import { indexWorkspace, Workspace } from '../../server/src/core/workspace/workspace';
import { RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, memo, TODAY } from '../helpers/memoWorkspace';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { reviewsByOwner } from '../../server/src/shared/audit/reviews';
import { CLAIM, LOG, METHOD_PEOPLE, methodMemo, SCORECARD, swap } from '../helpers/methodMemo';

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

describe('audit of the method', () => {
  // TODAY is 2026-06-01. The method memo's stage gate is "by week 2" from its date.
  const method = {
    // Gate due 2026-05-15 and never reviewed: overdue.
    'decisions/0010-overdue.md': methodMemo({ id: '0010', reviewed: undefined, owners: '[alice, bob]' }),
    // Gate due 2026-05-15, reviewed 2026-05-20: cleared.
    'decisions/0011-reviewed.md': methodMemo({ id: '0011' }),
    // Accepted, gate 2026-06-08 and review-by 2026-06-20: both due within 30 days.
    'decisions/0012-soon.md': methodMemo({ id: '0012', status: 'accepted', date: '2026-05-25', reviewed: undefined, 'review-by': '2026-06-20', owners: '[carol]' }),
    // Review-by in 40 days: neither overdue nor due soon.
    'decisions/0013-later.md': methodMemo({ id: '0013', date: '2026-07-01', reviewed: undefined, 'review-by': '2026-07-11' }),
    // A draft is not reviewed, however old its date.
    'decisions/0014-draft.md': methodMemo({ id: '0014', status: 'draft', reviewed: undefined, 'review-by': '2026-01-01' }),
    // No pause row, no invalidation, one log row pending.
    'decisions/0015-gaps.md': methodMemo(
      { id: '0015' },
      {
        scorecard: swap(SCORECARD, '| queue depth | ≤ 500 jobs | daily | pause |', '| queue depth | ≤ 500 jobs | daily | review |'),
        claim: CLAIM.filter((l) => !l.startsWith('Invalidated if:')),
        log: [...LOG.slice(0, -1), '| step 2 | We believe it scales. | https://example.com/slo-report | one region | not met | pending | 2026-05-02 | bob |', ''],
      },
    ),
  };
  const r = () => {
    const ws = new Workspace(new InMemoryWorkspaceFs({ 'tenets.yaml': BASE_TENETS, 'people.yaml': METHOD_PEOPLE, ...method }), RULE_IDS, TODAY);
    indexWorkspace(ws);
    return computeAudit(ws);
  };

  it('lists overdue reviews and reviews due in 30 days of proposed and accepted memos, soonest first', () => {
    const { reviews } = r();
    expect(reviews.overdue.map((i) => [i.file, i.due, i.source])).toEqual([['decisions/0010-overdue.md', '2026-05-15', 'stage gate']]);
    expect(reviews.dueSoon.map((i) => [i.file, i.due, i.source])).toEqual([
      ['decisions/0012-soon.md', '2026-06-08', 'stage gate'],
      ['decisions/0012-soon.md', '2026-06-20', 'review-by'],
    ]);
  });

  it('finds scorecards without a pause threshold, claims without invalidation and log rows awaiting a decision', () => {
    const report = r();
    expect(report.scorecardsWithoutPause).toEqual(['decisions/0015-gaps.md']);
    expect(report.claimsWithoutInvalidation).toEqual(['decisions/0015-gaps.md']);
    expect(report.awaitingDecision).toEqual([{ file: 'decisions/0015-gaps.md', rows: 1 }]);
  });

  it('groups reviews by owner in every format, a memo with two owners under both', () => {
    const report = r();
    expect(reviewsByOwner(report).map((o) => [o.owner, o.overdue.length, o.dueSoon.length])).toEqual([
      ['alice', 1, 0],
      ['bob', 1, 0],
      ['carol', 0, 2],
    ]);
    const text = renderText(report);
    expect(text).toContain('  alice: 1 overdue, 0 due soon\n    overdue  2026-05-15  decisions/0010-overdue.md (stage gate)');
    expect(text).toContain('Scorecards without a pause threshold: decisions/0015-gaps.md');
    expect(text).toContain('Evidence-log rows awaiting a decision: decisions/0015-gaps.md (1)');
    expect(renderMarkdown(report)).toContain('| carol | decisions/0012-soon.md | 2026-06-08 | stage gate | due soon |');
    const html = renderHtml(report);
    expect(html).toContain('<h2>Reviews by owner</h2>');
    expect(html).toMatch(/<td>bob<\/td><td class="id"><a [^>]*data-file="decisions\/0010-overdue.md"/);
    expect(auditToJson(report)).toHaveProperty('reviews.overdue.0.owners', ['alice', 'bob']);
  });
});
