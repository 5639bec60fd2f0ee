import { describe, expect, it } from 'vitest';
import { auditToJson, computeAudit } from '../../server/src/audit/computeAudit';
import { renderHtml } from '../../server/src/shared/audit/renderHtml';
import { renderMarkdown, renderText } from '../../server/src/audit/renderText';
import { indexWorkspace, Workspace } from '../../server/src/core/workspace/workspace';
import { RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, check, memo, TODAY } from '../helpers/memoWorkspace';
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
  it('escapes memo text in HTML and draws the five charts as inline SVG', () => {
    const html = renderHtml(audit(files));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html.match(/<svg /g)?.length).toBe(5);
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

describe('audit of authority and ownership', () => {
  // TODAY is 2026-06-01: eve left the day before yesterday's month, fay has `status: left`.
  const PEOPLE = [
    '- id: ann', '  role: team-lead',
    '- id: bob', '  email: bob@example.com', '  role: [engineer]',
    '- id: cy', '  role: Architecture review',
    '- id: dee', '  role: [team-lead, architecture-review]',
    '- id: eve', '  role: team-lead', '  left: 2026-05-01',
    '- id: fay', '  status: left',
    '- id: gus', '  left: 2026-09-01',
    '',
  ].join('\n');
  const MATRIX = [
    '- type: api-design', '  decides: team-lead', '  escalate-to: architecture-review', '  triggers: [cross-team, one-way, spend-over:10k]',
    '- type: tooling', '  decides: owner', '  escalate-to: cy', '  triggers: [costly]',
    '',
  ].join('\n');
  const m = (id: string, ...fields: string[]) => [`decisions/${id}.md`, memo([`id: "${id}"`, ...fields])] as const;
  const authorityMemos = Object.fromEntries([
    // Escalated properly: a trigger applies and cy holds architecture-review.
    m('0001', 'status: accepted', 'owners: [ann]', 'approver: cy', 'decision-type: api-design', 'impact: [cross-team]'),
    // Bypassed: cross-team applies, bob is no architecture review.
    m('0002', 'status: accepted', 'owners: [ann]', 'approver: bob', 'decision-type: API-Design', 'impact: [Cross-Team]'),
    // Bypassed: spend over 10k, nobody approved yet.
    m('0003', 'status: proposed', 'owners: [ann]', 'decision-type: api-design', 'spend: $20,000'),
    // Without need: no trigger applies, yet cy (no team lead) approved.
    m('0004', 'status: accepted', 'owners: [ann]', 'approver: cy', 'reversibility: two-way', 'decision-type: api-design'),
    // Not without need: dee is a team lead too, so her approval is a local decision.
    m('0005', 'status: accepted', 'owners: [ann]', 'approver: dee', 'decision-type: api-design'),
    // Not bypassed: the owner holds the escalation authority herself.
    m('0006', 'status: accepted', 'owners: [dee]', 'approver: bob', 'reversibility: one-way', 'decision-type: api-design'),
    // A draft is judged by neither.
    m('0007', 'status: draft', 'owners: [ann]', 'decision-type: api-design', 'impact: [cross-team]'),
    // Without need: `decides: owner`, and cy is no owner of it.
    m('0008', 'status: accepted', 'owners: [bob@example.com]', 'approver: cy', 'reversibility: two-way', 'decision-type: tooling'),
    // The owner approving their own tooling decision is no escalation.
    m('0009', 'status: accepted', 'owners: [cy]', 'approver: cy', 'decision-type: tooling'),
    // Every owner has left.
    m('0010', 'status: proposed', 'owners: [eve]'),
    m('0011', 'status: accepted', 'owners: [eve, fay]', 'approver: ann'),
    // One owner is still here: not departed; only bob counts in the concentration.
    m('0012', 'status: proposed', 'owners: [eve, bob]'),
    // Closed: not an open decision.
    m('0013', 'status: rejected', 'owners: [fay]'),
    // A type the matrix does not know: decision-type-unknown's, not an escalation figure.
    m('0014', 'status: accepted', 'owners: [ann]', 'approver: cy', 'decision-type: api-desing'),
    // gus leaves in September: still here today.
    m('0015', 'status: proposed', 'owners: [gus]'),
  ]);
  const files = { 'people.yaml': PEOPLE, 'authority.yaml': MATRIX, ...authorityMemos };
  const r = (extra: Record<string, string> = files) => audit(extra);

  it('finds decisions escalated without need and triggers that were not escalated', () => {
    expect(r().escalations).toEqual({
      withoutNeed: ['decisions/0004.md', 'decisions/0008.md'],
      bypassed: ['decisions/0002.md', 'decisions/0003.md'],
    });
    expect(r().authorityFiles).toEqual({ matrix: 'authority.yaml', people: 'people.yaml' });
  });

  it('lists open decisions whose every owner has left, under each departed owner', () => {
    expect(r().departedOwners).toEqual([
      { owner: 'eve', left: '2026-05-01', memos: ['decisions/0010.md', 'decisions/0011.md'] },
      { owner: 'fay', left: undefined, memos: ['decisions/0011.md'] },
    ]);
  });

  it('counts open decisions per owner who is here and the share the top three hold', () => {
    // Open with an owner here: ann 0001-0005 and 0014, dee 0006, bob 0008 and 0012, cy 0009, gus 0015.
    // Top three: ann 6, bob 2, then cy before dee and gus (1 each, by name); 0006 and 0015 are held by neither.
    expect(r().ownerConcentration).toEqual({
      decisions: 11,
      owners: [
        { owner: 'ann', decisions: 6 },
        { owner: 'bob', decisions: 2 },
        { owner: 'cy', decisions: 1 },
        { owner: 'dee', decisions: 1 },
        { owner: 'gus', decisions: 1 },
      ],
      top3: ['ann', 'bob', 'cy'],
      held: 9,
      top3Share: 0.818,
    });
  });

  it('agrees memo for memo with escalation-required and owner-departed', () => {
    const report = r();
    const { diagnostics } = check(files);
    const filesOf = (rule: string) => [...new Set(diagnostics.filter((d) => d.rule === rule).map((d) => d.file))].sort();
    expect(filesOf('escalation-required')).toEqual(report.escalations.bypassed);
    expect(filesOf('owner-departed')).toEqual([...new Set(report.departedOwners.flatMap((d) => d.memos))].sort());
  });

  it('counts only memos since the day given', () => {
    const dated = {
      ...files,
      'decisions/0002.md': memo(['id: "0002"', 'date: 2026-03-01', 'status: accepted', 'owners: [ann]', 'approver: bob', 'decision-type: api-design', 'impact: [cross-team]']),
      'decisions/0010.md': memo(['id: "0010"', 'date: 2025-01-01', 'status: proposed', 'owners: [eve]']),
    };
    const report = audit(dated, '2026-01-01');
    expect(report.escalations).toEqual({ withoutNeed: [], bypassed: ['decisions/0002.md'] });
    expect(report.departedOwners).toEqual([]);
    expect(report.ownerConcentration).toMatchObject({ decisions: 1, top3: ['ann'], held: 1, top3Share: 1 });
  });

  it('renders the figures in text, markdown, JSON and HTML', () => {
    const report = r();
    const text = renderText(report);
    expect(text).toContain('Authority and escalation (proposed and accepted memos, matrix authority.yaml, people people.yaml):');
    expect(text).toContain('escalate-to): decisions/0004.md, decisions/0008.md\n');
    expect(text).toContain('not escalated (escalation-required): decisions/0002.md, decisions/0003.md\n');
    expect(text).toContain('  eve (left 2026-05-01): decisions/0010.md, decisions/0011.md\n  fay: decisions/0011.md\n');
    expect(text).toContain('Open decisions (proposed or accepted) per owner: 11 with an owner who is here; the top three (ann, bob, cy) hold 9 (82%)\n  ann    6\n');
    const md = renderMarkdown(report);
    expect(md).toContain('| Escalated without need (no trigger applies, yet an approver who does not decide holds `escalate-to`) | decisions/0004.md, decisions/0008.md |');
    expect(md).toContain('| Every owner has left: eve (left 2026-05-01) | decisions/0010.md, decisions/0011.md |');
    expect(md).toContain('| ann | 6 | 55% |');
    expect(auditToJson(report)).toMatchObject({
      authorityFiles: { matrix: 'authority.yaml', people: 'people.yaml' },
      escalations: { withoutNeed: ['decisions/0004.md', 'decisions/0008.md'], bypassed: ['decisions/0002.md', 'decisions/0003.md'] },
      departedOwners: [{ owner: 'eve', left: '2026-05-01', memos: ['decisions/0010.md', 'decisions/0011.md'] }, { owner: 'fay', memos: ['decisions/0011.md'] }],
      ownerConcentration: { top3Share: 0.818, held: 9, decisions: 11 },
    });
    const html = renderHtml(report);
    expect(html).toContain('aria-label="Open decisions per owner"');
    expect(html).toContain('the top three hold 9 of 11 open decisions (82%)');
    expect(html).toMatch(/<th>A trigger applies, not escalated \(<code>escalation-required<\/code>\)<\/th><td><a [^>]*data-file="decisions\/0002.md"/);
    // One bar per owner, the top three marked.
    const chart = html.slice(html.indexOf('aria-label="Open decisions per owner"'));
    expect(chart.slice(0, chart.indexOf('</svg>')).match(/class="bar top"/g)?.length).toBe(3);
  });

  it('says where a figure needs a matrix or a people directory the workspace lacks', () => {
    const bare = r(authorityMemos);
    expect(bare.authorityFiles).toEqual({ matrix: undefined, people: undefined });
    expect(bare.escalations).toEqual({ withoutNeed: [], bypassed: [] });
    expect(bare.departedOwners).toEqual([]);
    // Without a directory nobody is known to have left: eve and fay count as written.
    expect(bare.ownerConcentration.owners.map((o) => o.owner)).toEqual(['ann', 'eve', 'bob', 'bob@example.com', 'cy', 'dee', 'fay', 'gus']);
    const text = renderText(bare);
    expect(text).toContain('Authority and escalation: no authority matrix (authority.yaml, or `authority:` in .decisions.yaml), so escalations cannot be judged.');
    expect(text).toContain('Open decisions whose every owner has left: not known, no people directory (people.yaml, or `people:` in .decisions.yaml).');
    expect(renderMarkdown(bare)).toContain('Escalations are not judged: no authority matrix');
    expect(renderHtml(bare)).toContain('Not judged: the workspace has no authority matrix');
    expect(auditToJson(bare)).toMatchObject({ authorityFiles: { matrix: null, people: null } });

    // A matrix without people: who holds a role cannot be told, so no escalation is judged (as the rule).
    const noPeople = r({ 'authority.yaml': MATRIX, ...authorityMemos });
    expect(noPeople.escalations).toEqual({ withoutNeed: [], bypassed: [] });
    expect(check({ 'authority.yaml': MATRIX, ...authorityMemos }).diagnostics.filter((d) => d.rule === 'escalation-required')).toEqual([]);
    expect(renderText(noPeople)).toContain('Authority and escalation (matrix authority.yaml): no people directory (people.yaml, or `people:` in .decisions.yaml), so who holds a role cannot be told and no escalation is judged.');
    expect(renderHtml(noPeople)).toContain('Not judged: without a people directory who holds a role cannot be told.');
  });

  it('reports no open decision as no share rather than 0 %', () => {
    const none = r({ 'decisions/0001.md': memo(['status: draft', 'owners: [ann]']) });
    expect(none.ownerConcentration).toEqual({ decisions: 0, owners: [], top3: [], held: 0, top3Share: undefined });
    expect(auditToJson(none)).toHaveProperty('ownerConcentration.top3Share', null);
    expect(renderHtml(none)).toContain('No proposed or accepted memo has an owner who is here.');
  });
});
