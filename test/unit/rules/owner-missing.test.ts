import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'owner-missing';
const FILE = 'decisions/0001-cache.md';
const PEOPLE = '- id: alice\n  name: Alice Smith\n- bob\n- carol\n';

describe(RULE, () => {
  it('does not fire when the memo names an owner (owners, or MADR’s deciders)', () => {
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ owners: undefined, deciders: '[alice]' }) }), RULE)).toEqual([]);
  });

  it('fires on line 0 without owners; the placeholder fix lands beside status and title, as a choice of people in a snippet', () => {
    const text = goodMemo({ owners: undefined });
    const f = check({ [FILE]: text, 'people.yaml': PEOPLE });
    const [d] = only(f, RULE);
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Add an owner (choose from `people.yaml`)', 'Make `alice` (Alice Smith) the owner', 'Make `bob` the owner', 'Make `carol` the owner']);
    const placeholder = d!.fixes![0]!;
    expect(placeholder.isPreferred).toBe(true);
    expect(placeholder.edits[0]!.snippet).toBe('\nowners:\n  - ${1|OWNER,alice,bob,carol|}');
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('date: 2026-05-01\n', 'date: 2026-05-01\nowners:\n  - OWNER\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'placeholder-left').map((x) => textAt(after, x))).toEqual(['OWNER']);
  });

  it('fills `owners: []`, `owners:` and `owners: ""` in place, one fix per person, most frequent owners first', () => {
    const bobs = { 'decisions/0002-b.md': goodMemo({ id: '0002', owners: '[bob]' }), 'decisions/0003-c.md': goodMemo({ id: '0003', owners: '[bob, carol]' }) };
    for (const [value, filled] of [[' []', ' [bob]'], ['', ' [bob]'], [' ""', ' bob']] as const) {
      const text = goodMemo({ owners: value.trimStart() === '' ? '' : value.trimStart() });
      const f = check({ [FILE]: text, 'people.yaml': PEOPLE, ...bobs });
      const [d] = only(f, RULE, FILE);
      expect(textAt(f, d!)).toMatch(/^owners/);
      expect(d!.fixes!.map((x) => x.title).slice(1)).toEqual(['Make `bob` the owner', 'Make `carol` the owner', 'Make `alice` (Alice Smith) the owner']);
      const { text: fixed, after } = applyFix(f, d!, 1);
      expect(fixed, value).toBe(text.replace(`owners:${value === '' ? ' ' : value}`.trimEnd(), `owners:${filled}`));
      expect(only(after, RULE, FILE)).toEqual([]);
      expect(d!.fixes![1]!.edits[0]!.snippet).toContain('${1:bob}');
    }
  });

  it('without a people directory offers the placeholder alone, and creates front matter when there is none', () => {
    const f = check({ [FILE]: memo(undefined, ['# A decision', '']) });
    const [d] = only(f, RULE);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Add `owners:` with a placeholder to fill']);
    expect(applyFix(f, d!).text).toBe('---\nowners:\n  - OWNER\n---\n# A decision\n\n');
  });

  it('offers no fix while the front matter does not parse', () => {
    const f = check({ [FILE]: memo(['status: [draft'], ['# A']) });
    expect(only(f, RULE).flatMap((d) => d.fixes ?? [])).toEqual([]);
  });
});
