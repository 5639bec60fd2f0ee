import { describe, expect, it } from 'vitest';
import { check, textAt, type Fixture } from '../helpers/memoWorkspace';
import { byPrefix, expand, MARKDOWN } from '../helpers/markdownSnippets';
import { METHOD_PEOPLE, methodMemo } from '../helpers/methodMemo';

// The method's snippets must write exactly the shapes the method's rules accept: tabbed through
// without typing, every blank they leave is reported as a blank (placeholder-left, or
// claim-placeholder on a claim line) and no rule judges a half-written part; filled in the way a
// writer would, the memo is clean.

const FILE = 'decisions/0001-use-a-cache.md';

/** The body lines a snippet inserts, without the trailing empty final tab stop. */
function lines(prefix: string, values: Record<number, string> = {}): string[] {
  return [...expand(byPrefix(MARKDOWN, prefix), { values }).split('\n'), ''];
}

function diagnosticsOf(fx: Fixture) {
  return fx.diagnostics.filter((d) => d.file === FILE).map((d) => `${d.rule}: ${textAt(fx, d)}`);
}

function checkMemo(text: string, extra: Record<string, string> = {}) {
  return check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE, ...extra });
}

const FILLED: Record<string, Record<number, string>> = {
  'alignment-sheet': {
    1: 'search answers in under 200 ms for repeated queries',
    2: 'a query cache',
    3: 'p95 latency',
    4: 'most queries repeat within an hour',
    5: 'cache hit rate',
    6: 'p95 latency of search',
    7: 'the cache hit rate',
    9: '40 %',
    11: 'the search error rate',
    13: '0.1 %',
    14: 'alice',
  },
  scorecard: {
    1: 'step 2',
    2: 'queue depth', 3: '≤ 500 jobs',
    6: 'cache memory', 7: '< 80 %',
    10: 'on-call pages', 11: '< 3 a week',
    14: 'alice', 15: 'bob', 16: 'carol',
    17: 'search cluster', 18: 'team-search', 19: 'the cluster dashboard',
  },
  'evidence-log': { 1: 'step 1', 2: 'the cache holds', 3: 'repeats are common', 4: 'https://example.com/slo-report', 5: 'four-week window only', 8: 'bob' },
  invalidated: { 1: 'p95 stays above 250 ms for two weeks with the cache on' },
};

/** Where each snippet goes in the method memo (the part it replaces). */
const PART: Record<string, 'sheet' | 'scorecard' | 'log' | 'claim'> = { 'alignment-sheet': 'sheet', scorecard: 'scorecard', 'evidence-log': 'log', invalidated: 'claim' };
const CLAIM_AND_BOUNDARY = [
  'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
  'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
];

function memoWith(prefix: string, values: Record<number, string> = {}): string {
  const inserted = lines(prefix, values);
  const part = PART[prefix]!;
  return methodMemo({}, { [part]: part === 'claim' ? [...CLAIM_AND_BOUNDARY, ...inserted] : inserted });
}

describe('method snippets', () => {
  it('the method memo they are tried in is clean to start with', () => {
    expect(diagnosticsOf(checkMemo(methodMemo()))).toEqual([]);
  });

  it.each(Object.keys(FILLED))('%s filled in as a writer would leaves a clean memo', (prefix) => {
    expect(diagnosticsOf(checkMemo(memoWith(prefix, FILLED[prefix])))).toEqual([]);
  });

  it.each(Object.keys(FILLED))('%s tabbed through without typing: only its blanks are reported, each of them', (prefix) => {
    const found = diagnosticsOf(checkMemo(memoWith(prefix)));
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d, prefix).toMatch(/^placeholder-left: (?:[A-Z][A-Z-]*|X)$/);
    // Every blank the snippet leaves (an ALL-CAPS word) is among those reported.
    const blanks = lines(prefix).join('\n').match(/\b(?:OUTCOME|SIGNALS|REASON|OWNER|TODO|PATH-OR-URL|LIMITATION|APPROVER|X|Y)\b/g) ?? [];
    expect(found).toHaveLength(blanks.length);
  });

  it('the stage gate a sheet writes falls due on the week chosen, counted from the memo date', () => {
    const fx = checkMemo(methodMemo({ reviewed: undefined }, { sheet: lines('alignment-sheet', { ...FILLED['alignment-sheet'], 10: 'week 4' }) }));
    // date 2026-05-01 + 4 weeks = 2026-05-29, before the fixture's today (2026-06-01).
    expect(diagnosticsOf(fx)).toEqual(['review-overdue: We will continue if the cache hit rate ≥ 40 % by week 4.']);
  });

  it('the memo skeleton, filled in for a costly decision, is clean', () => {
    const text = expand(byPrefix(MARKDOWN, 'memo'), {
      vars: { TM_FILENAME_BASE: '0001-use-a-cache' },
      values: {
        2: 'Use a cache for the search API',
        3: 'proposed',
        4: 'alice',
        5: 'costly',
        6: 'ENG-LATENCY',
        7: 'reports/p95.md',
        8: 'four-week window only',
        10: 'Search p95 is 340 ms; most queries repeat within an hour.',
        11: 'We put a query cache in front of the search API.',
        12: 'search p95 stays under 200 ms',
        13: 'most queries repeat within an hour',
        14: 'latency',
        15: 'that cached results stay consistent',
        16: 'p95 stays above 250 ms for two weeks with the cache on',
        18: 'a cache cuts p95 latency of the search API',
      },
    });
    expect(diagnosticsOf(checkMemo(text, { 'reports/p95.md': '# p95\n' }))).toEqual([]);
  });
});
