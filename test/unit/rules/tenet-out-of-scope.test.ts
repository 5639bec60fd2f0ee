import { describe, expect, it } from 'vitest';
import { BASE_TENETS, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-out-of-scope';
const FILE = 'decisions/0001-cache.md';
/** Two engineering teams (search inherits its function from its parent) and one product team. */
const TEAM_TENETS = [
  '## SEARCH-FRESH: freshness over cost',
  'layer: team',
  'team: search',
  'parent: ENG-LATENCY',
  '',
  'When freshness and cost conflict, we choose freshness over cost because stale results lose users.',
  '',
  '## PAY-SAFE: safety over speed',
  'layer: team',
  'team: payments',
  'function: engineering',
  'parent: CO-TRUST',
  '',
  'When safety and speed conflict, we choose safety over speed because money is trust.',
  '',
  '## GROW-FUNNEL: funnel over features',
  'layer: team',
  'team: growth',
  'parent: PROD-SIMPLE',
  '',
  'When funnel and features conflict, we choose funnel over features because activation pays.',
  '',
].join('\n');

function run(scope: string | undefined, tenets: string, body?: string[]) {
  return check({ [FILE]: goodMemo({ scope, tenets }, body), 'tenets/teams.md': TEAM_TENETS, 'tenets.yaml': BASE_TENETS });
}

describe(RULE, () => {
  it('flags a tenet of another function once, at its first citation, pointing at its definition and the scope', () => {
    // Cited in the front matter and again on the verdict line of the default body.
    const f = run('product', '[PROD-SIMPLE, ENG-LATENCY]');
    const diags = only(f, RULE);
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    expect(textAt(f, d)).toBe('ENG-LATENCY');
    expect(d.range).toEqual({ start: { line: 7, character: 22 }, end: { line: 7, character: 33 } });
    expect(d.severity).toBe('info');
    expect(d.message).toBe(
      'Tenet `ENG-LATENCY` is an engineering tenet, outside this memo\'s scope (product); expected tenets of product or of the company, or a wider `scope`.',
    );
    expect(d.related).toEqual([
      { file: 'tenets.yaml', range: { start: { line: 9, character: 6 }, end: { line: 9, character: 17 } }, message: '`ENG-LATENCY` is defined here.' },
      { file: FILE, range: { start: { line: 12, character: 7 }, end: { line: 12, character: 14 } }, message: "The memo's scope is product." },
    ]);
  });

  it('accepts company tenets, tenets of the same function and of its teams', () => {
    expect(only(run('engineering', '[CO-TRUST, ENG-LATENCY, SEARCH-FRESH, PAY-SAFE, CO-SPEED]'), RULE)).toEqual([]);
  });

  it('flags a team tenet of another function for a function scope', () => {
    const f = run('engineering', '[ENG-LATENCY, GROW-FUNNEL]');
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('GROW-FUNNEL');
    expect(d!.message).toMatch(/^Tenet `GROW-FUNNEL` is a tenet of team growth \(product\), outside this memo's scope \(engineering\)/);
  });

  it('resolves a team scope to its function: its function tenets apply, another function\'s do not', () => {
    const f = run('search', '[CO-TRUST, ENG-LATENCY, SEARCH-FRESH, PROD-SIMPLE]');
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(textAt(f, d!)).toBe('PROD-SIMPLE');
    expect(d!.message).toBe(
      "Tenet `PROD-SIMPLE` is a product tenet, outside this memo's scope (team search); expected tenets of team search, of engineering or of the company, or a wider `scope`.",
    );
  });

  it('flags a tenet of another team in the same function', () => {
    const f = run('search', '[ENG-LATENCY, PAY-SAFE]');
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('PAY-SAFE');
    expect(d!.message).toMatch(/^Tenet `PAY-SAFE` is a tenet of team payments, outside this memo's scope \(team search\)/);
  });

  it('never flags company-scope memos, memos without scope, or scopes the registry does not know', () => {
    for (const scope of ['company', undefined, 'design']) expect(only(run(scope, '[ENG-LATENCY, PROD-SIMPLE, GROW-FUNNEL]'), RULE)).toEqual([]);
  });

  it('reads the scope case-insensitively', () => {
    expect(only(run('Product', '[ENG-LATENCY]'), RULE).map((d) => d.rule)).toEqual([RULE]);
  });

  it('flags a tenet cited only inline once, at its first inline citation', () => {
    const body = ['# Use a cache', '', 'See [[ENG-LATENCY]] first.', '', '## Relevant tenets', '', '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency.', ''];
    const f = run('product', '[PROD-SIMPLE]', body);
    const diags = only(f, RULE);
    expect(diags).toHaveLength(1);
    expect(textAt(f, diags[0]!)).toBe('[[ENG-LATENCY]]');
    expect(diags[0]!.range.start).toEqual({ line: 16, character: 4 });
  });

  it('reports each distinct out-of-scope tenet once', () => {
    const body = ['# Use a cache', '', '## Relevant tenets', '', '- [[ENG-LATENCY]] ✓ fast.', '- [[PAY-SAFE]] ✓ safe.', ''];
    const f = run('product', '[ENG-LATENCY, PAY-SAFE]', body);
    expect(only(f, RULE).map((d) => [textAt(f, d), d.range.start.line])).toEqual([
      ['ENG-LATENCY', 7],
      ['PAY-SAFE', 7],
    ]);
  });

  it('ignores unknown ids (tenet-unknown reports them)', () => {
    expect(only(run('product', '[ENG-NOPE]', ['# Use a cache', '', 'See [[ENG-NOPE2]].']), RULE)).toEqual([]);
  });
});
