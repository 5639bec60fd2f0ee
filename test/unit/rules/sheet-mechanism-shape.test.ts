import { describe, expect, it } from 'vitest';
import { check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SHEET, swap } from '../../helpers/methodMemo';

const RULE = 'sheet-mechanism-shape';
const FILE = 'decisions/0001-cache.md';
const MECH = '- **Mechanism:** We believe a query cache will move p95 latency because most queries repeat within an hour.';

describe(RULE, () => {
  it('fires on a mechanism that is not `We believe A will move B because C`, at its value', () => {
    const f = check({ [FILE]: methodMemo({}, { sheet: swap(SHEET, MECH, '- **Mechanism:** add a cache') }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('add a cache');
    expect(d!.message).toBe('The mechanism does not say how the step works; expected `We believe <A> will move <B> because <C>.`');
  });

  it('stays quiet on the shape in any case, and on a blank (placeholder-left’s)', () => {
    expect(only(check({ [FILE]: methodMemo({}, { sheet: swap(SHEET, MECH, '- **Mechanism:** we believe caching will move latency because of repeats.') }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: methodMemo({}, { sheet: swap(SHEET, MECH, '- **Mechanism:** ___') }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
  });

  it('reads a part wrapped onto the next line as one value', () => {
    const wrapped = swap(SHEET, SHEET[3]!, ['- **Mechanism:** We believe a query cache will move p95 latency', '  because most queries repeat within an hour.']);
    const f = check({ [FILE]: methodMemo({}, { sheet: wrapped }), 'people.yaml': METHOD_PEOPLE });
    expect(only(f, RULE)).toEqual([]);
    const gate = swap(SHEET, '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.', ['- **Stage gate:** We will continue if the cache hit rate ≥ 40 %', '  by week 2.']);
    expect(only(check({ [FILE]: methodMemo({}, { sheet: gate }), 'people.yaml': METHOD_PEOPLE }), 'stage-gate-unmeasurable')).toEqual([]);
  });
});
