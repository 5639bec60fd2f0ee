import { describe, expect, it } from 'vitest';
import { words } from '../../server/src/core/relevance/language';
import { scanWords, WordTable, type WordSpans } from '../../server/src/core/relevance/lineWords';

// Term counting finds words in place (lineWords.ts) instead of cutting them out with `words`'
// expression: the two must agree on every line, or the index and ranking would drift from the
// tested language functions.

function scanned(line: string): string[] {
  const lower = line.toLowerCase();
  const spans: WordSpans = { starts: new Int32Array(2), ends: new Int32Array(2), count: 0 };
  scanWords(lower, spans);
  return Array.from({ length: spans.count }, (_, k) => lower.slice(spans.starts[k], spans.ends[k]));
}

const tricky = [
  '',
  'The p99 went from 180 to 260 ms.',
  "Don't block the team's 3rd release; it's o'clock'",
  "rock'n'roll ' x' 'y a'9 b'",
  '10x faster, 2026-03-01, v1.2.3, 4k60 and 123',
  'snake_case kebab-case CamelCase ALLCAPS',
  'Ünïcödé naïve café — İstanbul K-scale ﬁle',
  'a1b2c3 9z 99 z9 0 a',
  "trailing apostrophe'",
  '\t\r\n  spaced   out  ',
];

describe('scanWords', () => {
  it('finds what `words` matches, on lines chosen to be awkward', () => {
    for (const line of tricky) expect(scanned(line), line).toEqual(words(line));
  });

  it('finds what `words` matches on random text over letters, digits, apostrophes and others', () => {
    const alphabet = "aZz09'-_ .\u00e9\u0130\u212a";
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length;
    for (let n = 0; n < 2000; n++) {
      const line = Array.from({ length: 1 + (n % 40) }, () => alphabet[next()]).join('');
      expect(scanned(line), JSON.stringify(line)).toEqual(words(line));
    }
  });
});

describe('WordTable', () => {
  it('gives the same value for a word wherever it stands, and makes it once', () => {
    const made: string[] = [];
    const table = new WordTable((w) => (made.push(w), w.toUpperCase()));
    const line = 'latency and latency, andlatency and';
    expect(table.get(line, 0, 7)).toBe('LATENCY');
    expect(table.get(line, 12, 19)).toBe('LATENCY');
    expect(table.get(line, 8, 11)).toBe('AND');
    expect(table.get(line, 21, 24)).toBe('AND');
    expect(table.get(line, 21, 31)).toBe('ANDLATENCY');
    expect(made).toEqual(['latency', 'and', 'andlatency']);
  });

  it('keeps every word through growing, and forgets them when cleared', () => {
    const table = new WordTable((w) => w.length);
    const line = Array.from({ length: 5000 }, (_, k) => `w${k}`).join(' ');
    const spans: WordSpans = { starts: new Int32Array(8), ends: new Int32Array(8), count: 0 };
    scanWords(line, spans);
    for (let k = 0; k < spans.count; k++) table.get(line, spans.starts[k]!, spans.ends[k]!);
    expect(table.count).toBe(5000);
    for (let k = 0; k < spans.count; k++) expect(table.get(line, spans.starts[k]!, spans.ends[k]!)).toBe(spans.ends[k]! - spans.starts[k]!);
    expect(table.count).toBe(5000);
    table.clear();
    expect(table.count).toBe(0);
  });
});
