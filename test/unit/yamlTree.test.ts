import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { parseYaml } from '../../server/src/core/yaml/yamlTree';

function problems(source: string) {
  return parseYaml(source, new LineIndex(source)).problems.map((p) => ({ message: p.message, range: p.range }));
}

describe('parseYaml problem ranges', () => {
  it('puts an error found at the end of the input on the last line with content, covering that line', () => {
    for (const source of ['a:\n  tags: [x, y\n', 'a:\n  tags: [x, y\n\n \n', 'a:\r\n  tags: [x, y\r\n\r\n']) {
      const [p, ...more] = problems(source);
      expect(more).toEqual([]);
      expect(p!.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 13 } });
    }
  });

  it('keeps a position the parser gave on a line with content', () => {
    // A duplicate key is reported at the second key, at the start of its line.
    const [dup] = problems('a: 1\n\na: 2\n');
    expect(dup!.message).toMatch(/unique/i);
    expect(dup!.range.start).toEqual({ line: 2, character: 0 });
    // An error inside a line stays where it is.
    const [colon] = problems('title: a: b\n');
    expect(colon!.range.start.line).toBe(0);
    expect(colon!.range.start.character).toBeGreaterThan(0);
  });

  it('puts an unclosed list in front matter on its line, not on the closing fence', () => {
    for (const text of ['---\ntitle: X\ntags: [a, b\n---\n# X\n', '---\ntitle: X\ntags: [a, b\n\n---\n# X\n']) {
      const memo = parseMemo('decisions/0001-x.md', text);
      const [p, ...more] = memo.frontMatter!.problems;
      expect(more).toEqual([]);
      expect(p!.severity).toBe('error');
      expect(p!.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    }
  });
});
