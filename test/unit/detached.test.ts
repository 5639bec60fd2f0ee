import { describe, expect, it } from 'vitest';
import { detached } from '../../server/src/core/text/detached';

// The index copies its strings so it does not keep memo texts alive (V8 substrings are views);
// the copy must be the same data, keys with undefined values included.

describe('detached', () => {
  it('copies plain data exactly', () => {
    const text = `---\ntitle: ${'A long title that V8 would slice '.repeat(3)}\n---\n`;
    const value = { title: text.slice(11, 80), range: { start: { line: 1, character: 7 } }, list: [text.slice(4, 30), 'x'], none: undefined, n: 3, flag: false, nil: null };
    const copy = detached(value);
    expect(copy).toStrictEqual(value);
    expect(Object.keys(copy)).toEqual(Object.keys(value));
    expect(copy.list).not.toBe(value.list);
  });
});
