import { describe, expect, it, vi } from 'vitest';
import { readStructure } from '../../server/src/core/markdown/markdownStructure';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { methodMemo } from '../helpers/methodMemo';

// The markdown reader must survive remark throwing. micromark itself is iterative (20,000
// levels of `>` or `- ` parse without a RangeError, only slowly, which markdownLimits.ts
// bounds), so the failure is forced: this file replaces `unified` with a processor whose parse
// recurses until the stack runs out, a real RangeError from deep recursion.

vi.mock('unified', () => {
  const recurse = (n: number): number => recurse(n + 1) + 1;
  const processor = { use: () => processor, parse: () => recurse(0) };
  return { unified: () => processor };
});

describe('when remark throws', () => {
  it('the line scanner answers, with the headings and code fences it can see', () => {
    // Not plain markdown (HTML, a quote), so the fast path hands it to remark.
    const text = '# Title\n\n<div>x</div>\n\n> quote\n\n```\n# not a heading\n```\n\n## Section\n';
    const structure = readStructure(text);
    expect(structure.parser).toBe('lines');
    expect(structure.headings.map((h) => h.text)).toEqual(['Title', 'Section']);
    expect(structure.excluded).toHaveLength(1);
  });

  it('the method’s structures are read line by line: the same parts, rows and cells', () => {
    const memo = parseMemo('decisions/0001-cache.md', methodMemo());
    expect([...memo.structures.sheets[0]!.parts.keys()]).toEqual(['aim', 'mechanism', 'feedback', 'stage gate', 'guardrail', 'owner and cadence']);
    expect(memo.structures.sheets[0]!.parts.get('feedback')!.items.map((i) => i.text)).toEqual(['cache hit rate (leading)', 'p95 latency of search']);
    expect(memo.structures.scorecards[0]!.signals!.rows.map((r) => r.cells[0]!.text)).toEqual(['queue depth', 'cache memory', 'on-call pages']);
    expect(memo.structures.logs[0]!.table!.rows[0]!.cells.map((c) => c.text).at(-1)).toBe('bob');
  });
});
