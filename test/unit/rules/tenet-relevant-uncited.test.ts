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
  it('hints at a strongly relevant uncited tenet on the title, saying why, and its fix cites it', () => {
    const text = goodMemo({ tenets: '[CO-TRUST]' }, LATENCY_BODY);
    const f = check({ [FILE]: text });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('hint');
    expect(textAt(f, d!)).toBe('Use a cache for the search API');
    expect(d!.message).toMatch(/^Tenet ENG-LATENCY \(latency over throughput\) looks relevant \(the memo mentions api, latency, .*\) but is not cited; cite it and judge it, or leave it out if it does not apply\.$/);
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
    const retired = BASE_TENETS.replace('  title: latency over throughput\n', '  title: latency over throughput\n  status: retired\n');
    expect(only(check({ [FILE]: goodMemo({ tenets: '[CO-TRUST]' }, LATENCY_BODY), 'tenets.yaml': retired }), RULE)).toEqual([]);
  });

  it('does not hint at the parent of a cited tenet on the child’s words alone', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY]' }, LATENCY_BODY) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('stays quiet on a memo that cites no tenet at all (tenet-missing ranks the same tenets in its fixes)', () => {
    const f = check({ [FILE]: goodMemo({ tenets: undefined }, LATENCY_BODY) });
    expect(only(f, RULE)).toEqual([]);
    const [missing] = only(f, 'tenet-missing');
    expect(missing!.fixes![0]!.title).toMatch(/^Cite ENG-LATENCY \(latency over throughput\): the memo mentions /);
    // Citing any other tenet brings the hint back.
    const citing = check({ [FILE]: goodMemo({ tenets: '[OPS-PAGE]' }, LATENCY_BODY), 'tenets/ops.md': OPS_TENET });
    expect(only(citing, RULE).map((d) => d.message.split(' ')[1])).toEqual(['ENG-LATENCY']);
  });

  it('gives at most three hints per memo, those close to the best', () => {
    const tenet = (id: string, tags: string, sides: string) => `- id: ${id}\n  layer: company\n  tags: [${tags}]\n  statement: When ${sides} conflict, we choose ${sides.replace(' and ', ' over ')} because it matters.\n`;
    const tenets =
      tenet('T-A', 'latency, p99', 'latency and throughput') +
      tenet('T-B', 'privacy, consent', 'privacy and insight') +
      tenet('T-C', 'rollback, feature-flags', 'rollback and speed') +
      tenet('T-D', 'on-call, pager', 'pager and coverage') +
      ['T-V', 'T-W', 'T-X', 'T-Y', 'T-Z'].map((id) => tenet(id, `${id.toLowerCase()}-word`, `${id.toLowerCase()} and other`)).join('');
    const body = [
      '# Four things at once',
      '',
      'Latency: p99 latency went from 180 to 260 ms, and throughput is not the goal; latency is.',
      'Privacy: we ask consent before we use personal data, privacy over insight.',
      'Rollback: a feature flag lets us roll back in minutes instead of shipping at speed.',
      'On call: the pager woke the on-call engineer three nights; coverage matters less than sleep.',
      '',
    ];
    const f = check({ [FILE]: goodMemo({ tenets: '[T-Z]' }, body), 'tenets.yaml': tenets });
    const hinted = only(f, RULE).map((d) => d.message.split(' ')[1]);
    // Only tenets close to the best one are hinted, and never more than three.
    expect(hinted.length).toBeGreaterThan(0);
    expect(hinted.length).toBeLessThanOrEqual(3);
    expect(hinted.every((id) => ['T-A', 'T-B', 'T-C', 'T-D'].includes(id!))).toBe(true);
  });

  it('sits on line 0 when the memo has no title', () => {
    const f = check({ [FILE]: memo(['status: proposed', 'tenets: [CO-TRUST]'], LATENCY_BODY.slice(2)) });
    const [d] = only(f, RULE);
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
  });

  it('stays quiet on closed memos', () => {
    expect(only(check({ [FILE]: goodMemo({ status: 'superseded', tenets: '[CO-TRUST]' }, LATENCY_BODY) }), RULE)).toEqual([]);
  });

  it('hints each tenet the decision type applies that the memo does not cite, at the decision type, with the matrix row as related', () => {
    const matrix = ['- type: data-retention', '  decides: owner', '  tenets: [CO-TRUST, ENG-LATENCY]', ''].join('\n');
    const text = goodMemo({ tenets: '[ENG-LATENCY]', 'decision-type': 'data-retention' }, ['# Keep logs for a year', '', 'We keep request logs for a year.', '']);
    const f = check({ [FILE]: text, 'authority.yaml': matrix });
    const hints = only(f, RULE);
    expect(hints.map((d) => d.message)).toEqual(['Decision type `data-retention` applies tenet CO-TRUST (trust over growth) (authority.yaml), but the memo does not cite it; cite it and judge it.']);
    expect(textAt(f, hints[0]!)).toBe('data-retention');
    expect(hints[0]!.related!.map((r) => r.file)).toEqual(['tenets.yaml', 'authority.yaml']);
    const { text: fixed, after } = applyFix(f, hints[0]!, 0, { 'authority.yaml': matrix });
    expect(fixed).toBe(text.replace('tenets: [ENG-LATENCY]', 'tenets: [ENG-LATENCY, CO-TRUST]'));
    expect(only(after, RULE)).toEqual([]);
  });
});
