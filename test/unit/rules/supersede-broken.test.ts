import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'supersede-broken';
const OLD = 'decisions/0001-old.md';
const NEW = 'decisions/0002-new.md';

const oldMemo = (overrides: Record<string, string | undefined> = {}) => goodMemo({ id: '0001', status: 'superseded', ...overrides });
const newMemo = (overrides: Record<string, string | undefined> = {}) => goodMemo({ id: '0002', ...overrides });

describe('supersede-broken', () => {
  it('does not fire when both memos name each other', () => {
    expect(only(check({ [OLD]: oldMemo({ 'superseded-by': '0002' }), [NEW]: newMemo({ supersedes: '[0001]' }) }), RULE)).toEqual([]);
  });

  it('accepts a MADR `superseded by` status as the back-link', () => {
    const f = check({ [OLD]: oldMemo({ status: 'superseded by [ADR-0002](0002-new.md)' }), [NEW]: newMemo({ supersedes: '0001' }) });
    expect(only(f, RULE)).toEqual([]);
  });

  it('fires at a `supersedes` or `superseded-by` value that names no memo', () => {
    const f = check({ [NEW]: newMemo({ supersedes: '[0009]', 'superseded-by': '0010' }) });
    const ds = only(f, RULE, NEW);
    expect(ds.map((d) => textAt(f, d))).toEqual(['0009', '0010']);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message).toBe('`supersedes` names `0009`, but no memo has that id; expected the id of a memo in the workspace.');
  });

  it('fires at a MADR status naming no memo, and suggests the id a bare number means', () => {
    const f = check({ [OLD]: oldMemo({ status: 'superseded by 0003' }), [NEW]: newMemo({ supersedes: '1' }) });
    const [onOld] = only(f, RULE, OLD);
    expect(textAt(f, onOld!)).toBe('superseded by 0003');
    const [onNew] = only(f, RULE, NEW);
    expect(textAt(f, onNew!)).toBe('1');
    expect(onNew!.message).toContain('did you mean `0001`?');
  });

  it('fires when a memo names itself', () => {
    const f = check({ [NEW]: newMemo({ supersedes: '0002' }) });
    const [d] = only(f, RULE, NEW);
    expect(d!.message).toContain('names this memo itself');
  });

  it('reports the missing back-link on the superseded memo, with the superseding link as related', () => {
    const f = check({ [OLD]: oldMemo(), [NEW]: newMemo({ supersedes: '[0001]' }) });
    expect(only(f, RULE, NEW)).toEqual([]);
    const [d, ...more] = only(f, RULE, OLD);
    expect(more).toEqual([]);
    expect(textAt(f, d!)).toBe('superseded');
    expect(d!.message).toBe('`0002` (decisions/0002-new.md) supersedes this memo, but this memo does not name it; expected `superseded-by: 0002`.');
    expect(d!.related).toHaveLength(1);
    expect(d!.related![0]!.file).toBe(NEW);
    expect(textAt(f, { ...d!, file: NEW, range: d!.related![0]!.range })).toBe('0001');
  });

  it('fix adds `superseded-by` to the superseded memo, quoting the all-digit id, and nothing else changes', () => {
    const original = oldMemo();
    const f = check({ [OLD]: original, [NEW]: newMemo({ supersedes: '[0001]' }) });
    const [d] = only(f, RULE, OLD);
    expect(d!.fixes![0]).toMatchObject({ title: 'Add `0002` to `superseded-by`', isPreferred: true, safe: true });
    const { text, after } = applyFix(f, d!);
    // Unquoted, `0002` is the number 2 to other YAML readers.
    expect(text).toBe(original.replace('\n---\n# ', '\nsuperseded-by:\n  - "0002"\n---\n# '));
    expect(only(after, RULE)).toEqual([]);
  });

  it('reports a missing `supersedes` on the superseding memo and extends its list', () => {
    const original = newMemo({ supersedes: '[0003]' });
    const f = check({ [OLD]: oldMemo({ 'superseded-by': '0002' }), 'decisions/0003-older.md': goodMemo({ id: '0003', status: 'superseded', 'superseded-by': '0002' }), [NEW]: original });
    const [d, ...more] = only(f, RULE, NEW);
    expect(more).toEqual([]);
    expect(textAt(f, d!)).toBe('supersedes');
    expect(d!.message).toContain('expected `supersedes: 0001`');
    expect(d!.related![0]!.file).toBe(OLD);
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('supersedes: [0003]', 'supersedes: [0003, "0001"]'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('fix leaves an id that is not all digits unquoted', () => {
    const original = goodMemo({ id: 'use-redis', status: 'superseded' });
    const f = check({ 'decisions/use-redis.md': original, 'decisions/use-valkey.md': goodMemo({ id: 'use-valkey', supersedes: '[use-redis]' }) });
    const [d] = only(f, RULE, 'decisions/use-redis.md');
    expect(d!.fixes![0]!.title).toBe('Add `use-valkey` to `superseded-by`');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('\n---\n# ', '\nsuperseded-by:\n  - use-valkey\n---\n# '));
    expect(only(after, RULE)).toEqual([]);
  });

  it('anchors the missing `supersedes` at a file-name id on the first line', () => {
    const f = check({ [OLD]: oldMemo({ 'superseded-by': '0002' }), [NEW]: newMemo({ id: undefined }) });
    const [d] = only(f, RULE, NEW);
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
    expect(textAt(f, d!)).toBe('---');
  });

  it('fires on a superseded status that names no successor', () => {
    const f = check({ [OLD]: oldMemo() });
    const [d, ...more] = only(f, RULE, OLD);
    expect(more).toEqual([]);
    expect(textAt(f, d!)).toBe('superseded');
    expect(d!.message).toContain('no memo is named as the successor');
  });
});
