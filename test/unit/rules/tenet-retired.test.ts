import { describe, expect, it } from 'vitest';
import { check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-retired';
const FILE = 'decisions/0001-cache.md';
const BODY = ['# Ship the beta', '', '## Relevant tenets', '', '- [[CO-SPEED]] ✓ we learn faster by shipping.', ''];

describe(RULE, () => {
  it('does not fire on active tenets', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY, CO-TRUST]' }) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('fires once per retired tenet, at its first citation (the front matter entry), pointing at its definition', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY, CO-SPEED]' }, BODY) });
    const diags = only(f, RULE);
    expect(diags).toHaveLength(1);
    expect(textAt(f, diags[0]!)).toBe('CO-SPEED');
    expect(diags[0]!.range).toEqual({ start: { line: 7, character: 22 }, end: { line: 7, character: 30 } });
    const [d] = diags;
    expect(d!.severity).toBe('warning');
    expect(d!.message).toBe('Tenet `CO-SPEED` is retired; cite the tenet that applies today instead, or drop the citation.');
    expect(d!.related).toEqual([
      { file: 'tenets.yaml', range: { start: { line: 5, character: 6 }, end: { line: 5, character: 14 } }, message: '`CO-SPEED` is defined here, with `status: retired`.' },
    ]);
    expect(d!.fixes).toBeUndefined();
  });

  it('fires once at the first inline citation when the memo cites the tenet only inline, however often', () => {
    const body = ['# Ship the beta', '', 'We lean on [[CO-SPEED]] here.', '', '## Relevant tenets', '', '- [[CO-SPEED]] ✓ we learn faster by shipping.', ''];
    const f = check({ [FILE]: goodMemo({ tenets: undefined }, body) });
    const diags = only(f, RULE);
    expect(diags).toHaveLength(1);
    expect(textAt(f, diags[0]!)).toBe('[[CO-SPEED]]');
    expect(diags[0]!.range.start).toEqual({ line: 14, character: 11 });
  });

  it('reports each distinct retired tenet once', () => {
    const tenets = ['## OPS-PAGE: page a human', 'layer: company', 'status: retired', '', 'When noise and coverage conflict, we choose coverage over noise because outages hurt.', ''].join('\n');
    const body = [...BODY, '- [[OPS-PAGE]] ✓ a human answers.', ''];
    const f = check({ [FILE]: goodMemo({ tenets: '[CO-SPEED, OPS-PAGE]' }, body), 'tenets/ops.md': tenets });
    const diags = only(f, RULE);
    expect(diags.map((d) => [textAt(f, d), d.range.start.line])).toEqual([
      ['CO-SPEED', 7],
      ['OPS-PAGE', 7],
    ]);
  });

  it('does not fire on closed memos: they record a decision made when the tenet was active', () => {
    for (const status of ['rejected', 'deprecated', 'superseded']) {
      const f = check({ [FILE]: goodMemo({ status, tenets: '[CO-SPEED]' }) });
      expect(only(f, RULE)).toEqual([]);
    }
  });

  it('fires on accepted and draft memos alike', () => {
    for (const status of ['draft', 'accepted']) {
      const f = check({ [FILE]: goodMemo({ status, approver: 'bob', tenets: '[CO-SPEED]' }) });
      expect(only(f, RULE)).toHaveLength(1);
    }
  });

  it('reads a retired tenet from a markdown tenet file', () => {
    const tenets = ['## OPS-PAGE: page a human', 'layer: company', 'status: retired', '', 'When noise and coverage conflict, we choose coverage over noise because outages hurt.', ''].join('\n');
    const f = check({ [FILE]: goodMemo({ tenets: '[OPS-PAGE]' }), 'tenets/ops.md': tenets });
    const [d] = only(f, RULE);
    expect(d!.related![0]).toMatchObject({ file: 'tenets/ops.md', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 11 } } });
  });
});
