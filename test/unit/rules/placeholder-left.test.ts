import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';
import { CLAIM, LOG, METHOD_PEOPLE, methodMemo, SCORECARD, SHEET, swap } from '../../helpers/methodMemo';

const RULE = 'placeholder-left';
const FILE = 'decisions/0001-cache.md';
const blanks = (text: string, extra: Record<string, string> = {}) => {
  const f = check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE, ...extra });
  return { f, found: only(f, RULE, FILE).map((d) => textAt(f, d)) };
};

describe(RULE, () => {
  it('stays quiet on a memo with every structure filled in', () => {
    expect(blanks(methodMemo()).found).toEqual([]);
  });

  it('reports each blank of front matter at the blank itself: owners, approver, tenets, evidence path, limits and date', () => {
    const text = goodMemo({ owners: '[OWNER]', approver: 'APPROVER', tenets: '[TENET-ID]', evidence: '\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: YYYY-MM-DD' });
    // In the order they are written (approver comes last in this memo).
    expect(blanks(text).found).toEqual(['OWNER', 'TENET-ID', 'PATH-OR-URL', 'LIMITATION', 'YYYY-MM-DD', 'APPROVER']);
  });

  it('reports blanks in sheet parts, feedback sub-items, the scorecard heading, signal and dependency cells, log cells and the invalidation line', () => {
    const sheet = swap(swap(SHEET, '- **Aim:** search answers in under 200 ms for repeated queries', '- **Aim:** OUTCOME'), '  2. p95 latency of search', '  2. SIGNALS');
    const scorecard = swap(swap(SCORECARD, '## Scorecard: step 2', '## Scorecard: TODO'), '| search cluster | team-search | the cluster dashboard |', '| search cluster | OWNER | the cluster dashboard |');
    const log = swap(LOG, LOG[4]!, LOG[4]!.replace('| bob |', '| ___ |'));
    const claim = swap(CLAIM, CLAIM[2]!, 'Invalidated if: <signal> stays above X.');
    const { f, found } = blanks(methodMemo({}, { sheet, scorecard, log, claim }));
    expect(found).toEqual(['<signal>', 'X', 'OUTCOME', 'SIGNALS', 'TODO', 'OWNER', '___']);
    const messages = only(f, RULE, FILE).map((d) => d.message);
    expect(messages).toContain('`SIGNALS` is a placeholder; write the signals you will read, e.g. `cache hit rate, p95`.');
    expect(messages).toContain('`TODO` is a placeholder; write the scale step this scorecard is for, e.g. `step 2: 10 % of traffic`.');
  });

  it('reports the exact range of a blank inside a cell, a heading and a numbered sub-item', () => {
    const scorecard = swap(SCORECARD, '## Scorecard: step 2', '## Scorecard:   TODO');
    const sheet = swap(SHEET, '  1. cache hit rate (leading)', '  1. SIGNALS (leading)');
    const { f } = blanks(methodMemo({}, { sheet, scorecard }));
    const [a, b] = only(f, RULE, FILE);
    const lines = (f.fs.files.get(FILE) ?? '').split('\n');
    expect(lines[a!.range.start.line]!.slice(a!.range.start.character, a!.range.end.character)).toBe('SIGNALS');
    expect(a!.range.start.character).toBe(5);
    expect(lines[b!.range.start.line]).toBe('## Scorecard:   TODO');
    expect(b!.range.start.character).toBe(16);
  });

  it('reports blanks in a verdict reason, once per line', () => {
    const text = goodMemo({}, ['# A', '', '## Relevant tenets', '', '- [[ENG-LATENCY]] ✓ REASON', '']);
    expect(blanks(text).found).toEqual(['REASON']);
  });

  it('treats acronyms, capitals in prose, quoted code and inline HTML as text, not blanks', () => {
    const sheet = swap(SHEET, '- **Aim:** search answers in under 200 ms for repeated queries', '- **Aim:** the EU API answers under the SLO, see `TODO` and <kbd>Enter</kbd>');
    expect(blanks(methodMemo({}, { sheet })).found).toEqual([]);
  });

  it('fix: an OWNER blank offers the known people, most frequent owners first, and the fix leaves no blank', () => {
    const f = check({ [FILE]: goodMemo({ owners: '[OWNER]' }), 'decisions/0002-b.md': goodMemo({ id: '0002', owners: '[carol]' }), 'people.yaml': METHOD_PEOPLE });
    const d = only(f, RULE, FILE)[0]!;
    expect(d.fixes!.map((x) => x.title)).toEqual(['Replace `OWNER` with `carol`', 'Replace `OWNER` with `alice`', 'Replace `OWNER` with `bob`']);
    const { text, after } = applyFix(f, d);
    expect(text).toContain('owners: [carol]');
    expect(only(after, RULE, FILE)).toEqual([]);
  });

  it('reports a label written with nothing after it, in a sheet, a scorecard and an invalidation line', () => {
    const sheet = swap(SHEET, '- **Aim:** search answers in under 200 ms for repeated queries', '- **Aim:**');
    const scorecard = swap(SCORECARD, '- **Escalation path:** bob, then carol', '- **Escalation path:**');
    const claim = swap(CLAIM, CLAIM[2]!, 'Invalidated if:');
    const { f, found } = blanks(methodMemo({}, { sheet, scorecard, claim }));
    expect(found).toEqual(['Invalidated if:', 'Aim', 'Escalation path']);
    expect(only(f, RULE, FILE).map((d) => d.message)[1]).toBe('`Aim:` is empty; write the outcome the step aims at, e.g. `search answers in under 200 ms`.');
    // An empty `Invalidated if:` is there: claim-invalidation-missing leaves it to this rule.
    expect(only(f, 'claim-invalidation-missing')).toEqual([]);
  });
});
