import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'owner-unknown';
const FILE = 'decisions/0001-cache.md';
const PEOPLE = ['- alice', '- id: bsmith', '  name: Bob Smith', '  email: bob@example.com', '- carol', '- carl', '- caro', '- id: dave', ''].join('\n');

describe(RULE, () => {
  it('does not fire without a people directory', () => {
    const f = check({ [FILE]: goodMemo({ owners: '[nobody-we-know]' }) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('does not fire for owners found by id, email or name (any case, with or without @)', () => {
    const f = check({ [FILE]: goodMemo({ owners: '[Alice, bob@example.com, "Bob Smith", "@carol"]', approver: 'dave' }), 'people.yaml': PEOPLE });
    expect(only(f, RULE)).toEqual([]);
  });

  it('fires on an unknown owner at its exact range, and the fix puts the nearest id in its place', () => {
    const text = goodMemo({ owners: '[alcie, carol]' });
    const f = check({ [FILE]: text, 'people.yaml': PEOPLE });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('alcie');
    expect(d!.message).toBe('Owner `alcie` is not in the people directory `people.yaml`; did you mean `alice`?');
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Replace with `alice`']);
    expect(d!.fixes![0]!.isPreferred).toBe(true);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('[alcie, carol]', '[alice, carol]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('offers at most three plausible candidates, nearest first', () => {
    const f = check({ [FILE]: goodMemo({ owners: '[carx]' }), 'people.yaml': PEOPLE });
    const [d] = only(f, RULE);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Replace with `carl`', 'Replace with `caro`', 'Replace with `carol`']);
    expect(d!.fixes![0]!.isPreferred).toBeUndefined();
  });

  it('suggests a person whose display name contains the written word, and shows the name', () => {
    const text = goodMemo({ owners: '[bob]' });
    const f = check({ [FILE]: text, 'people.yaml': PEOPLE });
    const [d] = only(f, RULE);
    expect(d!.fixes![0]!.title).toBe('Replace with `bsmith` (Bob Smith)');
    expect(applyFix(f, d!).text).toBe(text.replace('[bob]', '[bsmith]'));
  });

  it('offers no fix when nothing is close, and says what is expected', () => {
    const f = check({ [FILE]: goodMemo({ owners: '[zebulon]' }), 'people.yaml': PEOPLE });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('Owner `zebulon` is not in the people directory `people.yaml`; expected the id, email or name of a listed person.');
    expect(d!.fixes).toBeUndefined();
  });

  it('keeps YAML quotes when replacing a quoted owner', () => {
    const text = goodMemo({ owners: '["alcie"]' });
    const f = check({ [FILE]: text, 'people.yaml': PEOPLE });
    const [d] = only(f, RULE);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('["alcie"]', '["alice"]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('checks the approver too', () => {
    const f = check({ [FILE]: goodMemo({ status: 'accepted', approver: 'davd' }), 'people.yaml': PEOPLE });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('davd');
    expect(d!.message).toMatch(/^Approver `davd` is not in the people directory/);
    expect(d!.fixes![0]!.title).toBe('Replace with `dave`');
  });

  it('leaves the OWNER placeholder to placeholder-left, which offers each person instead of guessing', () => {
    const f = check({ [FILE]: goodMemo({ owners: '\n  - OWNER' }), 'people.yaml': PEOPLE });
    expect(only(f, RULE)).toEqual([]);
    const [d] = only(f, 'placeholder-left');
    expect(textAt(f, d!)).toBe('OWNER');
    expect(d!.message).toMatch(/^`OWNER` is a placeholder; write who decides, e\.g\. `\w+`\.$/);
    expect(d!.fixes!.length).toBeGreaterThan(0);
  });

  it('checks MADR deciders written in the body, each name at its own range', () => {
    const text = memo(undefined, ['# Use a cache', '', '* Status: proposed', '* Deciders: alice, carrol', '']);
    const f = check({ 'docs/adr/0002-cache.md': text, 'people.yaml': PEOPLE });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(textAt(f, d!)).toBe('carrol');
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('alice, carrol', 'alice, carol'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('checks MADR decision-makers in front matter', () => {
    const f = check({ 'docs/adr/0003-x.md': memo(['status: proposed', 'decision-makers: [alice, Zed]']), 'people.yaml': PEOPLE });
    expect(only(f, RULE).map((d) => textAt(f, d))).toEqual(['Zed']);
  });

  it('stays quiet when the people directory is empty (its problems are reported on people.yaml)', () => {
    const f = check({ [FILE]: goodMemo({ owners: '[alcie]' }), 'people.yaml': '[]\n' });
    expect(only(f, RULE)).toEqual([]);
  });
});
