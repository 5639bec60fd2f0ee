import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-unknown';
const FILE = 'decisions/0001-cache.md';
const BODY = (line: string) => ['# Use a cache for the search API', '', '## Relevant tenets', '', line, ''];

describe(RULE, () => {
  it('does not fire on defined tenets, front matter or inline (retired ones included)', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY, CO-SPEED]' }, BODY('- [[CO-TRUST]] ✓ trust first')) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('fires on an unknown front matter id at its exact range; the fix replaces the id', () => {
    const text = goodMemo({ tenets: '[ENG-LATNCY]' });
    const f = check({ [FILE]: text });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('ENG-LATNCY');
    expect(d!.message).toBe('Tenet `ENG-LATNCY` is not defined in the tenet registry; expected the id of a defined tenet (did you mean ENG-LATENCY?).');
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Did you mean ENG-LATENCY?']);
    expect(d!.fixes![0]!.isPreferred).toBe(true);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('tenets: [ENG-LATNCY]', 'tenets: [ENG-LATENCY]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('covers the brackets of an inline citation but replaces only the id inside them', () => {
    const text = goodMemo({}, BODY('- [[ENG-LATENCYY]] ✓ a cache cuts p95 latency.'));
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('[[ENG-LATENCYY]]');
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('[[ENG-LATENCYY]]', '[[ENG-LATENCY]]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('says when a citation is not even shaped like a tenet id, and fixes the case', () => {
    const text = goodMemo({}, BODY('- [[eng-latency]] ✓ a cache cuts p95 latency.'));
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('[[eng-latency]]');
    expect(d!.message).toBe('`eng-latency` is not a tenet id: ids are capitals, digits and hyphens like `ENG-LATENCY` (did you mean ENG-LATENCY?).');
    expect(d!.fixes![0]).toMatchObject({ title: 'Did you mean ENG-LATENCY?', isPreferred: true });
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('[[eng-latency]]', '[[ENG-LATENCY]]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('suggests the tenet whose id contains the written word', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[LATENCY]' }) });
    const [d] = only(f, RULE);
    expect(d!.message).toMatch(/^`LATENCY` is not a tenet id/);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Did you mean ENG-LATENCY?']);
  });

  it('keeps YAML quotes around a replaced id', () => {
    const text = goodMemo({ tenets: '\n  - "CO-TRUSTT"' });
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(applyFix(f, d!).text).toBe(text.replace('"CO-TRUSTT"', '"CO-TRUST"'));
  });

  it('offers no fix when no id is close', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[OPS-ONCALL-ROTATION]' }) });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('Tenet `OPS-ONCALL-ROTATION` is not defined in the tenet registry; expected the id of a defined tenet.');
    expect(d!.fixes).toBeUndefined();
  });

  it('reports every citation of an unknown id', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-X]' }, BODY('- [[ENG-X]] ✓ fine')) });
    expect(only(f, RULE).map((d) => textAt(f, d))).toEqual(['ENG-X', '[[ENG-X]]']);
  });

  it('explains an empty registry instead of guessing', () => {
    const f = check({ [FILE]: goodMemo(), 'tenets.yaml': '[]\n' });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('Tenet `ENG-LATENCY` is not defined: the workspace has no tenets (check the `tenets` globs in `.decisions.yaml`).');
  });

  it('reports an empty inline citation', () => {
    const f = check({ [FILE]: goodMemo({}, BODY('See [[ ]] here.')) });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('[[ ]]');
    expect(d!.message).toMatch(/^This citation is empty/);
  });
});
