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

  it('fires at every citation of a retired tenet, pointing at its definition', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY, CO-SPEED]' }, BODY) });
    const diags = only(f, RULE);
    expect(diags.map((d) => textAt(f, d))).toEqual(['CO-SPEED', '[[CO-SPEED]]']);
    const [d] = diags;
    expect(d!.severity).toBe('warning');
    expect(d!.message).toBe('Tenet `CO-SPEED` is retired; cite the tenet that applies today instead, or drop the citation.');
    expect(d!.related).toEqual([
      { file: 'tenets.yaml', range: { start: { line: 5, character: 6 }, end: { line: 5, character: 14 } }, message: '`CO-SPEED` is defined here, with `status: retired`.' },
    ]);
    expect(d!.fixes).toBeUndefined();
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
