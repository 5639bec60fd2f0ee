import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-missing';
const FILE = 'decisions/0001-cache.md';
/** Mentions latency most, then customer trust, then onboarding: the ranking the fixes follow. */
const BODY = [
  '# Use a cache for the search API',
  '',
  'Search latency hurts: p95 latency doubled and api latency is what users feel.',
  'Customers trust us less when search is slow.',
  'Onboarding also suffers.',
  '',
];

describe(RULE, () => {
  it('does not fire when the memo cites a tenet in front matter', () => {
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
  });

  it('does not fire when the memo cites a tenet inline only', () => {
    const f = check({ [FILE]: goodMemo({ tenets: undefined }, [...BODY, 'This follows [[ENG-LATENCY]].']) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('does not fire when the only citation is unknown (tenet-unknown reports it)', () => {
    expect(only(check({ [FILE]: goodMemo({ tenets: '[ENG-NOPE]' }) }), RULE)).toEqual([]);
  });

  it('fires on line 0 when there is no `tenets` key; the fixes cite the most relevant tenets, best first', () => {
    const text = goodMemo({ tenets: undefined }, BODY);
    const f = check({ [FILE]: text });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
    expect(textAt(f, d!)).toBe('---');
    expect(d!.message).toMatch(/^This memo cites no tenet; expected `tenets:` \(or inline `\[\[ID\]\]`\) naming the tenets this decision applies; ENG-LATENCY looks relevant \(the memo mentions api, latency, .*\)\.$/);
    // Only tenets above the relevance threshold are offered: trust and onboarding are mentioned once each, and stay out.
    expect(d!.fixes!.map((x) => x.title)).toEqual([expect.stringMatching(/^Cite ENG-LATENCY \(latency over throughput\): the memo mentions api, latency/)]);
    expect(d!.fixes!.map((x) => x.isPreferred)).toEqual([true]);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('\n---\n', '\ntenets:\n  - ENG-LATENCY\n---\n'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('fires on an empty `tenets` key and fills the flow list', () => {
    const text = goodMemo({ tenets: '[]' }, BODY);
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('tenets');
    expect(d!.message).toMatch(/^`tenets` lists no tenet; expected the ids of the tenets this decision applies; ENG-LATENCY looks relevant \(/);
    const { text: fixed, after } = applyFix(f, d!, 0);
    expect(fixed).toBe(text.replace('tenets: []', 'tenets: [ENG-LATENCY]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('creates the front matter when the memo has none', () => {
    const text = memo(undefined, BODY);
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe('---\ntenets:\n  - ENG-LATENCY\n---\n' + text);
    expect(only(after, RULE)).toEqual([]);
  });

  it('never suggests retired tenets or tenets outside the memo scope', () => {
    const body = [...BODY, 'Speed beats polish; speed and polish, speed again.'];
    const f = check({ [FILE]: goodMemo({ tenets: undefined, scope: 'product' }, body) });
    const titles = (only(f, RULE)[0]!.fixes ?? []).map((x) => x.title);
    // ENG-LATENCY (engineering) is out of the product scope and CO-SPEED is retired: neither is offered, and nothing else stands out.
    expect(titles.filter((t) => /ENG-LATENCY|CO-SPEED/.test(t))).toEqual([]);
  });

  it('fires without fixes when no tenet relates to the text', () => {
    const f = check({ [FILE]: goodMemo({ tenets: undefined }, ['# Rename the repository', '', 'Nothing else to say.']) });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('This memo cites no tenet; expected `tenets:` (or inline `[[ID]]`) naming the tenets this decision applies; no tenet of the registry stands out as relevant, so cite the ones this decision applies.');
    expect(d!.fixes).toBeUndefined();
  });

  it('stays quiet while the front matter does not parse, and while it is unclosed', () => {
    const f = check({ [FILE]: memo(['status: [proposed', 'owners: [alice]'], BODY) });
    expect(only(f, RULE)).toEqual([]);
    const unclosed = check({ [FILE]: '---\nstatus: proposed\nowners: [alice]\n# Use a cache\n\nSearch latency.\n' });
    expect(unclosed.diagnostics.map((d) => d.rule)).toEqual(['front-matter-invalid']);
  });

  it('fires on draft, proposed and accepted memos, not on closed ones', () => {
    for (const status of ['draft', 'proposed', 'accepted']) expect(only(check({ [FILE]: goodMemo({ status, tenets: undefined }, BODY) }), RULE)).toHaveLength(1);
    for (const status of ['rejected', 'deprecated', 'superseded']) expect(only(check({ [FILE]: goodMemo({ status, tenets: undefined }, BODY) }), RULE)).toEqual([]);
  });

  it('does not fire in a workspace without active tenets', () => {
    const retiredOnly = '- id: CO-OLD\n  layer: company\n  status: retired\n  statement: When a and b conflict, we choose a over b because c.\n';
    expect(only(check({ [FILE]: goodMemo({ tenets: undefined }), 'tenets.yaml': retiredOnly }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ tenets: undefined }), 'tenets.yaml': '[]\n' }), RULE)).toEqual([]);
  });
});
