import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStructureWithRemark, type MarkdownStructure } from '../../server/src/core/markdown/markdownStructure';
import { scanPlainMarkdown } from '../../server/src/core/markdown/plainMarkdown';

// The fast path must never disagree with remark: whenever it answers, its headings and its
// non-prose spans are remark's. Compared on every non-blank character, since the two may draw
// a span's edges differently around white space.

function excludedChars(text: string, s: MarkdownStructure): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) continue;
    out += s.excluded.some(([a, b]) => i >= a && i < b) ? 'x' : '.';
  }
  return out;
}

function agree(text: string): boolean {
  const plain = scanPlainMarkdown(text);
  if (!plain) return true;
  const full = readStructureWithRemark(text);
  expect(plain.headings.map((h) => [h.depth, h.text, h.start])).toEqual(full.headings.map((h) => [h.depth, h.text, h.start]));
  expect(excludedChars(text, plain)).toBe(excludedChars(text, full));
  return true;
}

const FRAGMENTS = [
  '# Title', '## Context', '### Options', '#', '# Use `x`', '#no-heading', 'Some prose with `code` and [a link](http://x).', 'Claim: We believe X because Y.',
  '- [[ENG-LATENCY]] ✓ fast', '- item', '1. first', '* star', '  - nested', '    indented', '\tTabbed', '```', '```js', '~~~', '````', '`unclosed', '``double``',
  '> quote', '<div>', '<!-- c -->', '---', '***', '===', '| a | b |', '|---|---|', 'text', '', '', '', 'Boundary: This reduces uncertainty about X; it does not prove Y.',
  '- ```', '- # h', 'a \\` b', '   ```', '  ~~~ x', 'key: value', '...',
];

describe('plain markdown fast path', () => {
  it('agrees with remark on generated documents', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => agree(lines.join(eol))),
      { numRuns: 4000 },
    );
  });

  it('agrees with remark on every memo and tenet file of the example workspace, and takes the fast path for most', () => {
    const root = path.resolve(__dirname, '../../examples/workspace');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    let fast = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      agree(text);
      if (scanPlainMarkdown(text)) fast++;
    }
    expect(files.length).toBeGreaterThan(20);
    expect(fast / files.length).toBeGreaterThan(0.5);
  });

  it('gives up on what only the full parser can read', () => {
    for (const text of ['# T\n\n<details>x</details>\n', '> # quoted\n', 'Title\n=====\n', '# T\n\n    code\n', 'a `b\nc` d\n', '- # heading in a list\n']) {
      expect(scanPlainMarkdown(text)).toBeUndefined();
    }
  });

  it('reads fences, code spans and headings exactly', () => {
    const s = scanPlainMarkdown('---\na: 1\n---\n# Title #\n\nx `[[A-B]]` y\n\n```\nClaim: no\n```\n')!;
    expect(s.headings).toEqual([{ depth: 1, text: 'Title', start: 13, end: 22 }]);
    expect(s.excluded).toEqual([[0, 12], [26, 35], [39, 56]]);
  });
});
