import { describe, expect, it } from 'vitest';
import { check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'owner-departed';
const FILE = 'decisions/0001-cache.md';
const PEOPLE = [
  '- id: alice',
  '- id: dave',
  '  name: Dave Jones',
  '  email: dave@example.com',
  '  status: left',
  '- id: erin',
  '  left: 2026-01-10',
  '- id: fred',
  '  left: 2026-06-01',
  '- id: gina',
  '  left: 2026-06-02',
  '- id: hal',
  '  status: Left',
  '- id: ivy',
  '  status: active',
  '  left: 2026-12-31',
  '- id: jo',
  '  status: gone',
  '',
].join('\n');

function departed(overrides: Record<string, string | undefined>, people: string | null = PEOPLE) {
  const f = check({ ...(people === null ? {} : { 'people.yaml': people }), [FILE]: goodMemo(overrides) });
  return { f, ds: only(f, RULE) };
}

describe(RULE, () => {
  it('fires on the owners when every owner of a proposed memo has left, saying when', () => {
    const { f, ds } = departed({ owners: '[dave, erin]' });
    const [d, ...more] = ds;
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('[dave, erin]');
    expect(d!.message).toBe('Every owner of this proposed decision has left: `dave`, `erin` (left 2026-01-10). Hand it to someone who is here, so it has an owner to revisit and answer for it.');
    expect(d!.related!.map((r) => [r.file, r.range.start.line, r.message])).toEqual([
      ['people.yaml', 1, '`dave` has left'],
      ['people.yaml', 5, '`erin` has left'],
    ]);
    expect(d!.fixes).toBeUndefined();
  });

  it('fires on accepted memos too, and finds owners by email, name or @handle', () => {
    for (const owners of ['[dave@example.com]', '[Dave Jones]', '["@dave"]', '[DAVE]']) {
      expect(departed({ status: 'accepted', approver: 'alice', owners }).ds, owners).toHaveLength(1);
    }
  });

  it('a `left:` date on or before today counts; a later one does not yet', () => {
    expect(departed({ owners: '[fred]' }).ds.map((d) => d.message)).toEqual([expect.stringContaining('`fred` (left 2026-06-01)')]);
    expect(departed({ owners: '[gina]' }).ds).toEqual([]);
    expect(departed({ owners: '[ivy]' }).ds).toEqual([]);
  });

  it('`status: left` counts in any case; an unknown status is reported on people.yaml and read as active', () => {
    expect(departed({ owners: '[hal]' }).ds).toHaveLength(1);
    const { f, ds } = departed({ owners: '[jo]' });
    expect(ds).toEqual([]);
    expect(only(f, 'config-invalid', 'people.yaml').map((d) => [textAt(f, d), d.message])).toEqual([['gone', '`status` is `active` or `left`, not `gone`.']]);
  });

  it('stays quiet while one owner is still here', () => {
    expect(departed({ owners: '[dave, alice]' }).ds).toEqual([]);
    expect(departed({ owners: '[dave, gina]' }).ds).toEqual([]);
  });

  it('an owner the directory does not know may be here: owner-unknown reports them, owner-departed stays quiet', () => {
    const { f, ds } = departed({ owners: '[dave, zed]' });
    expect(ds).toEqual([]);
    expect(only(f, 'owner-unknown').map((d) => textAt(f, d))).toEqual(['zed']);
  });

  it('checks proposed and accepted memos only', () => {
    for (const status of ['draft', 'rejected', 'deprecated', 'superseded']) {
      expect(departed({ status, owners: '[dave]' }).ds, status).toEqual([]);
    }
    expect(departed({ status: undefined, owners: '[dave]' }).ds).toEqual([]);
  });

  it('stays quiet without a people directory, and without owners', () => {
    expect(departed({ owners: '[dave]' }, null).ds).toEqual([]);
    expect(departed({ owners: undefined }).ds).toEqual([]);
  });

  it('reads MADR deciders in the body, and sits on the first of them', () => {
    const text = memo(undefined, ['# Use a cache', '', '* Status: accepted', '* Deciders: dave, erin', '']);
    const f = check({ 'people.yaml': PEOPLE, 'docs/adr/0002-cache.md': text });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('dave');
    expect(d!.message).toContain('this accepted decision');
  });

  it('a CODEOWNERS handle never has left (CODEOWNERS says nothing of it)', () => {
    const f = check({ '.decisions.yaml': 'codeowners: true\n', 'people.yaml': PEOPLE, CODEOWNERS: '* @acme/search\n', [FILE]: goodMemo({ owners: '["@acme/search"]' }) });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'owner-unknown')).toEqual([]);
  });
});
