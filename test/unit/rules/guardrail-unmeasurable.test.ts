import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SHEET, swap } from '../../helpers/methodMemo';

const RULE = 'guardrail-unmeasurable';
const FILE = 'decisions/0001-cache.md';
const G = '- **Guardrail:** the search error rate stays below 0.1 %.';

describe(RULE, () => {
  it('fires (info) on a guardrail without a threshold, at its value', () => {
    const f = check({ [FILE]: methodMemo({}, { sheet: swap(SHEET, G, '- **Guardrail:** keep errors low') }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(f, RULE);
    expect(d!.severity).toBe('info');
    expect(textAt(f, d!)).toBe('keep errors low');
  });

  it('stays quiet with a comparison and a number, in words or signs', () => {
    for (const g of ['error rate < 0.1 %', 'p99 under 800 ms', 'availability at least 99.9 %']) {
      expect(only(check({ [FILE]: methodMemo({}, { sheet: swap(SHEET, G, `- **Guardrail:** ${g}`) }), 'people.yaml': METHOD_PEOPLE }), RULE), g).toEqual([]);
    }
  });
});
