import { describe, expect, it } from 'vitest';
import { applyFix, BASE_TENETS, check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-relevant-uncited';
const FILE = 'decisions/0001-cache.md';
/** Strongly about ENG-LATENCY (its tags latency and api, several times), barely about anything else. */
const LATENCY_BODY = [
  '# Use a cache for the search API',
  '',
  'Search latency hurts: p95 latency doubled and api latency is what users feel.',
  '',
];

/** A company tenet outside CO-TRUST's chain and unrelated to the bodies here: citing it covers nothing else. */
const OPS_TENET = ['## OPS-PAGE: page a human', 'layer: company', 'tags: [paging, on-call]', '', 'When noise and coverage conflict, we choose coverage over noise because outages hurt.', ''].join('\n');

describe(RULE, () => {
  it('hints at a strongly relevant uncited tenet on the title, naming it and the matched words', () => {
    const text = goodMemo({ tenets: '[CO-TRUST]' }, LATENCY_BODY);
    const f = check({ [FILE]: text });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('hint');
    expect(textAt(f, d!)).toBe('Use a cache for the search API');
    expect(d!.message).toBe(
      'Tenet ENG-LATENCY (latency over throughput) looks relevant (the memo mentions latency, api) but is not cited; cite it and judge it, or leave it out if it does not apply.',
    );
    expect(d!.related![0]).toMatchObject({ file: 'tenets.yaml', range: { start: { line: 9, character: 6 } } });
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Cite ENG-LATENCY in `tenets`']);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('tenets: [CO-TRUST]', 'tenets: [CO-TRUST, ENG-LATENCY]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('does not hint at a tenet the memo cites in front matter', () => {
    expect(only(check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY]' }, LATENCY_BODY) }), RULE)).toEqual([]);
  });

  it('does not hint at a tenet the memo cites inline only', () => {
    const body = [...LATENCY_BODY, '## Relevant tenets', '', '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency.', ''];
    const f = check({ [FILE]: goodMemo({ tenets: undefined }, body) });
    expect(f.diagnostics.some((d) => d.rule === 'tenet-missing')).toBe(false);
    expect(only(f, RULE)).toEqual([]);
  });

  it('does not hint on a weak match (one mention)', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[CO-TRUST]' }, ['# Move the docs', '', 'Latency is not a concern here.']) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('does not hint at tenets outside the memo scope', () => {
    expect(only(check({ [FILE]: goodMemo({ tenets: '[CO-TRUST]', scope: 'engineering' }, LATENCY_BODY) }), RULE)).toHaveLength(1);
    expect(only(check({ [FILE]: goodMemo({ tenets: '[CO-TRUST]', scope: 'product' }, LATENCY_BODY) }), RULE)).toEqual([]);
  });

  it('does not hint at retired tenets', () => {
    const body = ['# Ship the beta now', '', 'Speed over polish: speed wins, polish waits, speed again; polish later.', 'Learning beats guessing, learning by shipping, learning fast.', ''];
    const withRetired = check({ [FILE]: goodMemo({ tenets: '[CO-TRUST]' }, body) });
    expect(only(withRetired, RULE)).toEqual([]);
    // The same tenet, active, is hinted: the silence above is the retirement, not a weak match.
    const active = BASE_TENETS.replace('  status: retired\n', '');
    expect(only(check({ [FILE]: goodMemo({ tenets: '[CO-TRUST]' }, body), 'tenets.yaml': active }), RULE).map((d) => d.message.split(' ')[1])).toEqual(['CO-SPEED']);
  });

  it('does not ask for the parent of a cited tenet', () => {
    const body = [...LATENCY_BODY, 'Customers trust fast search; trust and privacy matter to customers; trust again.'];
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY]' }, body) });
    expect(only(f, RULE)).toEqual([]);
    // The same text citing a tenet outside CO-TRUST's chain: CO-TRUST is asked for again.
    const uncovered = check({ [FILE]: goodMemo({ tenets: '[OPS-PAGE]' }, body), 'tenets/ops.md': OPS_TENET });
    expect(only(uncovered, RULE).map((d) => d.message.split(' ')[1])).toContain('CO-TRUST');
  });

  it('stays quiet on a memo that cites no tenet at all (tenet-missing ranks the same tenets in its fixes)', () => {
    const f = check({ [FILE]: goodMemo({ tenets: undefined }, LATENCY_BODY) });
    expect(only(f, RULE)).toEqual([]);
    const [missing] = only(f, 'tenet-missing');
    expect(missing!.fixes![0]!.title).toBe('Cite ENG-LATENCY (latency over throughput)');
    // Citing any other tenet brings the hint back.
    const citing = check({ [FILE]: goodMemo({ tenets: '[OPS-PAGE]' }, LATENCY_BODY), 'tenets/ops.md': OPS_TENET });
    expect(only(citing, RULE).map((d) => d.message.split(' ')[1])).toEqual(['ENG-LATENCY']);
  });

  it('gives at most three hints per memo, best first', () => {
    const tenet = (id: string, tags: string) => `- id: ${id}\n  layer: company\n  tags: [${tags}]\n  statement: When x and y conflict, we choose x over y because z.\n`;
    const tenets = tenet('T-A', 'apple, banana') + tenet('T-B', 'cherry, grape') + tenet('T-C', 'lemon, mango') + tenet('T-D', 'peach, plum') + tenet('T-Z', 'zebra');
    // Scores: T-A 6 + 6, T-B 6 + 4.5, T-C 4.5 + 4.5, T-D 6 + 3 (ties T-C, loses on id).
    const body = ['# Fruit', '', 'apple apple apple banana banana banana', 'cherry cherry cherry grape grape', 'lemon lemon mango mango', 'peach peach peach plum', ''];
    const f = check({ [FILE]: goodMemo({ tenets: '[T-Z]' }, body), 'tenets.yaml': tenets });
    expect(only(f, RULE).map((d) => d.message.split(' ')[1])).toEqual(['T-A', 'T-B', 'T-C']);
    // T-D is strong too: it was left out by the limit, and shows once T-A is cited.
    const citingA = check({ [FILE]: goodMemo({ tenets: '[T-Z, T-A]' }, body), 'tenets.yaml': tenets });
    expect(only(citingA, RULE).map((d) => d.message.split(' ')[1])).toEqual(['T-B', 'T-C', 'T-D']);
  });

  it('sits on line 0 when the memo has no title', () => {
    const f = check({ [FILE]: memo(['status: proposed', 'tenets: [CO-TRUST]'], LATENCY_BODY.slice(2)) });
    const [d] = only(f, RULE);
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
  });

  it('stays quiet on closed memos', () => {
    expect(only(check({ [FILE]: goodMemo({ status: 'superseded', tenets: '[CO-TRUST]' }, LATENCY_BODY) }), RULE)).toEqual([]);
  });
});
