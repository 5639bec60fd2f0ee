import { describe, expect, it, vi } from 'vitest';
import { readStructure } from '../../server/src/core/markdown/markdownStructure';

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
});
