import { describe, expect, it } from 'vitest';
import { readBodyStructure, readStructure } from '../../server/src/core/markdown/markdownStructure';

// A memo read from its front matter alone (the editor's first index pass) has no body: its
// structure must be what blanking the front matter and reading the rest gives, without the cost.
const blankedRead = (text: string, bodyStart: number) => readStructure(text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(bodyStart));

const FRONT_MATTERS = [
  '---\nid: 0001\ntitle: Use Postgres\n---\n',
  '---\r\nid: 0002\r\ntitle: CRLF\r\n...\r\n',
  '---\nnotes: |\n  ```\n  # not a heading\n  <div>\n---\n',
  '---\ntitle: "# hash"\ntenets: [A, B]\n---',
  '---\n---\n',
];

describe('readBodyStructure', () => {
  it.each(FRONT_MATTERS)('reads an empty body as the blanked text reads: %j', (text) => {
    expect(readBodyStructure(text, text.length)).toEqual(blankedRead(text, text.length));
  });

  it('still reads a body after the front matter', () => {
    const text = '---\nid: 1\n---\n# Title\n\nSome `code` here.\n';
    const start = text.indexOf('# Title');
    const structure = readBodyStructure(text, start);
    expect(structure).toEqual(blankedRead(text, start));
    expect(structure.headings.map((h) => h.text)).toEqual(['Title']);
  });
});
