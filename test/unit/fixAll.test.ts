import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import { selectFixAll } from '../../server/src/core/fixes/fixAll';
import type { Diagnostic, Fix, Range } from '../../server/src/core/types';

// The choice "fix all" makes, shared by the editor's source action and `decision-memos fix`.

const TEXT = 'line zero\r\nline one\r\nline two\r\n';

function range(line: number, from: number, to = from): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

function diagnostic(rule: string, fixes: Fix[]): Diagnostic {
  return { rule, severity: 'warning', message: rule, file: 'm.md', range: range(0, 0), fixes };
}

function fix(r: Range, newText: string, extra: Partial<Fix> = {}): Fix {
  return { title: newText, edits: [{ range: r, newText, snippet: '${1:snippet}' }], safe: true, ...extra };
}

describe('selectFixAll', () => {
  it('takes the first safe fix of each diagnostic, as plain text', () => {
    const d = diagnostic('a', [fix(range(0, 0, 4), 'unsafe', { safe: false }), fix(range(0, 0, 4), 'LINE'), fix(range(0, 0, 4), 'other')]);
    const { edits, fixed } = selectFixAll(TEXT, [d]);
    expect(edits).toEqual([{ range: range(0, 0, 4), newText: 'LINE' }]);
    expect(fixed).toEqual([d]);
    expect(applyEdits(TEXT, edits)).toBe('LINE zero\r\nline one\r\nline two\r\n');
  });

  it('skips diagnostics without a safe fix, and fixes that create a file', () => {
    const created = fix(range(1, 0), 'x', { createFile: { path: 'e.md', content: '' } });
    expect(selectFixAll(TEXT, [diagnostic('a', [created]), diagnostic('b', []), diagnostic('c', [fix(range(1, 0), 'y', { safe: undefined })])]).edits).toEqual([]);
  });

  it('skips a fix that overlaps one already chosen, and two inserts at one spot', () => {
    const first = diagnostic('a', [fix(range(1, 2, 6), 'X')]);
    const overlapping = diagnostic('b', [fix(range(1, 5, 8), 'Y')]);
    const samePoint = diagnostic('c', [fix(range(1, 2), 'Z')]);
    const touchingEnd = diagnostic('d', [fix(range(1, 6), 'W')]);
    const { edits, fixed } = selectFixAll(TEXT, [first, overlapping, samePoint, touchingEnd]);
    expect(fixed.map((d) => d.rule)).toEqual(['a', 'd']);
    expect(applyEdits(TEXT, edits)).toBe('line zero\r\nliXWne\r\nline two\r\n');
  });

  it('skips a fix when any of its edits overlaps', () => {
    const first = diagnostic('a', [fix(range(2, 0, 4), 'L')]);
    const twoEdits: Fix = { title: 't', safe: true, edits: [{ range: range(0, 0), newText: '>' }, { range: range(2, 1, 2), newText: '!' }] };
    expect(selectFixAll(TEXT, [first, diagnostic('b', [twoEdits])]).fixed.map((d) => d.rule)).toEqual(['a']);
  });
});
