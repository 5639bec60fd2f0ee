import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SHEET } from '../../helpers/methodMemo';

const RULE = 'sheet-feedback-count';
const FILE = 'decisions/0001-cache.md';
const withFeedback = (lines: string[]) => {
  const i = SHEET.indexOf('- **Feedback signals:**');
  return [...SHEET.slice(0, i), ...lines, ...SHEET.slice(i + 3)];
};

describe(RULE, () => {
  it('fires on one signal or on four, at the part', () => {
    const one = check({ [FILE]: methodMemo({}, { sheet: withFeedback(['- **Feedback signals:** hit rate']) }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(one, RULE);
    expect(textAt(one, d!)).toBe('- **Feedback signals:** hit rate');
    expect(d!.message).toBe('The feedback part names 1 signal; expected two or three (more is a dashboard, one is a guess).');
    const four = check({ [FILE]: methodMemo({}, { sheet: withFeedback(['- **Feedback:**', '  - a', '  - b', '  - c', '  - d']) }), 'people.yaml': METHOD_PEOPLE });
    expect(only(four, RULE).map((x) => x.message)).toEqual([expect.stringContaining('names 4 signals')]);
  });

  it('counts sub-bullets or a comma list; stays quiet at two or three', () => {
    expect(only(check({ [FILE]: methodMemo({}, { sheet: withFeedback(['- **Feedback:** hit rate, p95, error rate']) }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo(), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });

  it('reads a plain `Feedback signals:` line with its list right below it, not nested', () => {
    const plain = ['## Alignment sheet', '', 'Aim: search answers in under 200 ms', '', 'Feedback signals:', '', '1. cache hit rate (leading)', '2. p95 latency', '', ...SHEET.slice(SHEET.findIndex((l) => l.startsWith('- **Stage gate')))];
    const f = check({ [FILE]: methodMemo({}, { sheet: plain.map((l) => l.replace('- **Mechanism', '- **Mechanism')) }), 'people.yaml': METHOD_PEOPLE });
    expect(only(f, RULE)).toEqual([]);
  });
});
