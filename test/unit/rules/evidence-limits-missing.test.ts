import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt, type Fixture } from '../../helpers/memoWorkspace';
import type { Diagnostic } from '../../../server/src/core/types';

const RULE = 'evidence-limits-missing';
const FILE = 'decisions/0001-cache.md';
const EXPECTED = 'one thing this artifact cannot show, such as `four-week window only`';

/** Applies the fix and checks that only the placeholder it wrote is left to report. */
function fixLeavesOnlyPlaceholder(f: Fixture, d: Diagnostic): string {
  const { text, after } = applyFix(f, d);
  expect(only(after, RULE)).toEqual([]);
  const left = only(after, 'placeholder-left');
  expect(left.map((x) => textAt(after, x))).toEqual(['LIMITATION']);
  expect(left[0]!.message).toBe('`LIMITATION` is a placeholder; write what the artifact cannot show, e.g. `four-week window only`.');
  return text;
}

describe(RULE, () => {
  it('fires on a string entry, at the entry, as info', () => {
    const f = check({ [FILE]: goodMemo({ evidence: '\n  - https://example.com/slo' }) });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('info');
    expect(textAt(f, d!)).toBe('https://example.com/slo');
    expect(d!.message).toBe(`Evidence \`https://example.com/slo\` states no limitation; expected \`limits:\` with ${EXPECTED}.`);
  });

  it('fires on a map entry without limits, underlining the whole entry', () => {
    const f = check({ [FILE]: goodMemo({ evidence: '\n  - url: https://example.com/slo\n    date: 2026-04-01\n' }) });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('url: https://example.com/slo\n    date: 2026-04-01');
  });

  it('does not fire when limits, limitation or limitations state something', () => {
    for (const limits of ['limits: four-week window only', 'limitation: one region', 'limitations: [one region, one week]', 'limits:\n      - one region']) {
      const f = check({ [FILE]: goodMemo({ evidence: `\n  - url: https://example.com/slo\n    ${limits}` }) });
      expect(only(f, RULE), limits).toEqual([]);
    }
  });

  it('fires on an empty `limits:` at the key and on `none` at the value, without a fix; a blank is placeholder-left’s', () => {
    const text = goodMemo({ evidence: '\n  - url: https://example.com/a\n    limits:\n  - url: https://example.com/b\n    limits: n/a\n  - url: https://example.com/c\n    limitation: TODO' });
    const f = check({ [FILE]: text });
    const found = only(f, RULE);
    expect(found.map((d) => textAt(f, d))).toEqual(['limits', 'n/a']);
    expect(only(f, 'placeholder-left').map((d) => textAt(f, d))).toEqual(['TODO']);
    expect(found.map((d) => d.message)).toEqual([
      `\`limits\` is empty; expected ${EXPECTED}.`,
      `\`n/a\` states no limitation; expected ${EXPECTED}.`,
    ]);
    for (const d of found) expect(d.fixes).toBeUndefined();
  });

  it('leaves entries without a target to evidence-not-found', () => {
    const f = check({ [FILE]: goodMemo({ evidence: '\n  - date: 2026-01-01\n  -' }) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('fix: adds `limits:` inside a block map at its key indentation, after the last line of the entry', () => {
    const text = goodMemo({ evidence: '\n  - url: https://example.com/slo   # the SLO dashboard\n    date: 2026-04-01\n  - https://example.com/other' });
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Add `limits:` to fill in']);
    const fixed = applyFix(f, d!);
    expect(fixed.text).toBe(text.replace('    date: 2026-04-01\n', '    date: 2026-04-01\n    limits: LIMITATION\n'));
    // The other entry is still reported, the fixed one is not.
    expect(only(fixed.after, RULE).map((x) => textAt(fixed.after, x))).toEqual(['https://example.com/other']);
    expect(only(fixed.after, 'placeholder-left').map((x) => textAt(fixed.after, x))).toEqual(['LIMITATION']);
  });

  it('fix: handles a map whose first key is on the line after the dash, and a map that ends with a block scalar', () => {
    const below = goodMemo({ evidence: '\n  -\n      path: https://example.com/a' });
    let f = check({ [FILE]: below });
    expect(fixLeavesOnlyPlaceholder(f, only(f, RULE)[0]!)).toBe(below.replace('      path: https://example.com/a\n', '      path: https://example.com/a\n      limits: LIMITATION\n'));
    const folded = goodMemo({ evidence: '\n  - url: https://example.com/a\n    note: |\n      measured\n      twice\n' });
    f = check({ [FILE]: folded });
    expect(fixLeavesOnlyPlaceholder(f, only(f, RULE)[0]!)).toBe(folded.replace('      twice\n', '      twice\n    limits: LIMITATION\n'));
  });

  it('fix: turns a string entry of a block list into a map, keeping its quotes, with `url:` for URLs', () => {
    const text = goodMemo({ evidence: '\n  - "reports/slo one.md"\n  - https://example.com/b' });
    const f = check({ [FILE]: text, 'decisions/reports/slo one.md': 'x' });
    const [first, second] = only(f, RULE);
    const one = applyFix(f, first!);
    expect(one.text).toBe(text.replace('  - "reports/slo one.md"\n', '  - path: "reports/slo one.md"\n    limits: LIMITATION\n'));
    expect(only(one.after, RULE).map((x) => textAt(one.after, x))).toEqual(['https://example.com/b']);
    expect(only(one.after, 'placeholder-left').map((x) => textAt(one.after, x))).toEqual(['LIMITATION']);
    expect(only(one.after, 'evidence-not-found')).toEqual([]);
    const two = applyFix(f, second!);
    expect(two.text).toBe(text.replace('  - https://example.com/b\n', '  - url: https://example.com/b\n    limits: LIMITATION\n'));
    expect(only(two.after, RULE).map((x) => textAt(two.after, x))).toEqual(['"reports/slo one.md"']);
    expect(only(two.after, 'placeholder-left').map((x) => textAt(two.after, x))).toEqual(['LIMITATION']);
  });

  it('fix: in a flow list a string becomes a flow map, and a flow map gets `limits` inside its braces', () => {
    const text = goodMemo({ evidence: '[https://example.com/a, {url: https://example.com/b, date: 2026-04-01}]' });
    const f = check({ [FILE]: text });
    const [a, b] = only(f, RULE);
    const first = applyFix(f, a!);
    expect(first.text).toBe(text.replace('[https://example.com/a,', '[{url: https://example.com/a, limits: LIMITATION},'));
    expect(only(first.after, RULE).map((x) => textAt(first.after, x))).toEqual(['{url: https://example.com/b, date: 2026-04-01}']);
    expect(only(first.after, 'placeholder-left').map((x) => textAt(first.after, x))).toEqual(['LIMITATION']);
    const second = applyFix(f, b!);
    expect(second.text).toBe(text.replace('date: 2026-04-01}', 'date: 2026-04-01, limits: LIMITATION}'));
    expect(only(second.after, RULE).map((x) => textAt(second.after, x))).toEqual(['https://example.com/a']);
    expect(only(second.after, 'placeholder-left').map((x) => textAt(second.after, x))).toEqual(['LIMITATION']);
  });

  it('fix: a single string value becomes a flow map', () => {
    const text = goodMemo({ evidence: 'https://example.com/a' });
    const f = check({ [FILE]: text });
    expect(fixLeavesOnlyPlaceholder(f, only(f, RULE)[0]!)).toBe(text.replace('evidence: https://example.com/a', 'evidence: {url: https://example.com/a, limits: LIMITATION}'));
  });

  it('fix: quotes a value that would split inside `{…}`', () => {
    const text = goodMemo({ evidence: 'reports/a,b.md' });
    const f = check({ [FILE]: text, 'decisions/reports/a,b.md': 'x' });
    expect(fixLeavesOnlyPlaceholder(f, only(f, RULE)[0]!)).toBe(text.replace('evidence: reports/a,b.md', "evidence: {path: 'reports/a,b.md', limits: LIMITATION}"));
  });

  it('fix: keeps CRLF line ends', () => {
    const text = goodMemo({ evidence: '\n  - url: https://example.com/a\n    date: 2026-04-01' }).replace(/\n/g, '\r\n');
    const f = check({ [FILE]: text });
    expect(fixLeavesOnlyPlaceholder(f, only(f, RULE)[0]!)).toBe(text.replace('    date: 2026-04-01\r\n', '    date: 2026-04-01\r\n    limits: LIMITATION\r\n'));
  });
});
