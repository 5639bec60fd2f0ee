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

  describe('with an authority matrix', () => {
    const MATRIX = ['- type: data-retention', '  title: Keeping customer data', '  decides: owner', '  tenets: [CO-TRUST, PROD-SIMPLE]', '- type: ops', '  decides: owner', ''].join('\n');

    it('offers the decision type\'s tenets first, in one fix, and names them in the message', () => {
      const text = goodMemo({ tenets: undefined, 'decision-type': 'data-retention' }, BODY);
      const f = check({ [FILE]: text, 'authority.yaml': MATRIX });
      const [d] = only(f, RULE);
      // The memo names no scope, so the product tenet is citable too.
      expect(d!.message).toMatch(/; decision type `data-retention` applies CO-TRUST, PROD-SIMPLE \(authority\.yaml\)\.$/);
      expect(d!.fixes![0]!.title).toBe('Cite CO-TRUST, PROD-SIMPLE: the `data-retention` decision type applies them (authority.yaml)');
      expect(d!.fixes![0]!.isPreferred).toBe(true);
      // The relevance model's offer follows, without repeating the type's tenets.
      expect(d!.fixes!.slice(1).map((x) => x.title)).toEqual([expect.stringMatching(/^Cite ENG-LATENCY /)]);
      expect(d!.fixes!.slice(1).every((x) => !x.isPreferred)).toBe(true);
      const { text: fixed, after } = applyFix(f, d!, 0, { 'authority.yaml': MATRIX });
      expect(fixed).toBe(text.replace('\n---\n', '\ntenets:\n  - CO-TRUST\n  - PROD-SIMPLE\n---\n'));
      expect(only(after, RULE)).toEqual([]);
      expect(only(after, 'tenet-relevant-uncited').filter((x) => /CO-TRUST|PROD-SIMPLE/.test(x.message))).toEqual([]);
    });

    it('fills an empty flow list with every tenet of the type', () => {
      const text = goodMemo({ tenets: '[]', 'decision-type': 'data-retention' }, BODY);
      const f = check({ [FILE]: text, 'authority.yaml': MATRIX });
      const { text: fixed } = applyFix(f, only(f, RULE)[0]!, 0, { 'authority.yaml': MATRIX });
      expect(fixed).toBe(text.replace('tenets: []', 'tenets: [CO-TRUST, PROD-SIMPLE]'));
    });

    it('falls back to relevance for a type without tenets, or a type the matrix lacks', () => {
      for (const type of ['ops', 'no-such-type']) {
        const f = check({ [FILE]: goodMemo({ tenets: undefined, 'decision-type': type }, BODY), 'authority.yaml': MATRIX });
        const [d] = only(f, RULE);
        expect(d!.message).toMatch(/ENG-LATENCY looks relevant/);
        expect(d!.fixes![0]!.title).toMatch(/^Cite ENG-LATENCY /);
      }
    });

    it('leaves out a type tenet that is retired', () => {
      const matrix = ['- type: fast', '  decides: owner', '  tenets: [CO-SPEED]', ''].join('\n');
      const f = check({ [FILE]: goodMemo({ tenets: undefined, 'decision-type': 'fast' }, BODY), 'authority.yaml': matrix });
      expect(only(f, RULE)[0]!.fixes!.map((x) => x.title)).not.toContainEqual(expect.stringMatching(/CO-SPEED/));
    });
  });
});
