import { describe, expect, it } from 'vitest';
import { check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'authority-mismatch';
const FILE = 'decisions/0001-cache.md';
const MATRIX = [
  '- type: api-design',
  '  title: API design for team features',
  '  decides: team-lead',
  '- type: vendor-contract',
  '  decides: owner',
  '- type: hiring',
  '  decides: Alice',
  '- type: pricing',
  '  decides: pricing-board',
  '- type: free-for-all',
  '  title: No decider named',
  '',
].join('\n');
const PEOPLE = [
  '- id: alice',
  '  name: Alice Smith',
  '  email: alice@example.com',
  '  role: Team Lead',
  '- id: bob',
  '  role: [engineer]',
  '- id: carol',
  '  role: [engineer, team-lead]',
  '- id: dan',
  '  role: team-lead',
  '  status: left',
  '- erin',
  '',
].join('\n');
const FILES = { 'authority.yaml': MATRIX, 'people.yaml': PEOPLE };

function mismatches(overrides: Record<string, string | undefined>, files: Record<string, string> = FILES) {
  const f = check({ ...files, [FILE]: goodMemo(overrides) });
  return { f, ds: only(f, RULE) };
}

describe(RULE, () => {
  it('fires on the owners when no owner holds the role the type names in `decides`', () => {
    const { f, ds } = mismatches({ owners: '[bob, erin]', 'decision-type': 'api-design' });
    const [d, ...more] = ds;
    expect(more).toEqual([]);
    expect(d!.file).toBe(FILE);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('[bob, erin]');
    expect(d!.message).toBe('Decision type `api-design` is decided by `team-lead` (authority.yaml); no owner (`bob`, `erin`) holds that authority. Make its holder an owner, or check the decision type.');
    expect(d!.related).toEqual([{ file: 'authority.yaml', range: { start: { line: 2, character: 11 }, end: { line: 2, character: 20 } }, message: '`api-design` is decided by `team-lead`' }]);
    expect(d!.fixes).toBeUndefined();
  });

  it('stays quiet when one owner holds the role (roles compared without case or punctuation, found by id, email, name or @handle)', () => {
    for (const owners of ['[bob, alice]', '[carol]', '[Alice Smith]', '[alice@example.com]', '["@alice"]', '[ALICE]']) {
      expect(mismatches({ owners, 'decision-type': 'API-DESIGN' }).ds, owners).toEqual([]);
    }
  });

  it('an owner who has left holds no authority over a proposed decision, but still over an accepted one (taken while they were here)', () => {
    expect(mismatches({ owners: '[dan]', 'decision-type': 'api-design' }).ds).toHaveLength(1);
    expect(mismatches({ status: 'accepted', approver: 'carol', owners: '[dan]', 'decision-type': 'api-design' }).ds).toEqual([]);
  });

  it('`decides` naming a person: that person (by any of their names) must be an owner', () => {
    expect(mismatches({ owners: '[alice@example.com]', 'decision-type': 'hiring' }).ds).toEqual([]);
    const { ds } = mismatches({ owners: '[bob]', 'decision-type': 'hiring' });
    expect(ds.map((d) => d.message)).toEqual(['Decision type `hiring` is decided by `Alice` (authority.yaml); no owner (`bob`) holds that authority. Make its holder an owner, or check the decision type.']);
  });

  it('stays quiet for `decides: owner` and for a type without `decides`', () => {
    expect(mismatches({ owners: '[bob]', 'decision-type': 'vendor-contract' }).ds).toEqual([]);
    expect(mismatches({ owners: '[bob]', 'decision-type': 'free-for-all' }).ds).toEqual([]);
    const ownerUpper = { ...FILES, 'authority.yaml': '- type: x\n  decides: OWNER\n' };
    expect(mismatches({ owners: '[bob]', 'decision-type': 'x' }, ownerUpper).ds).toEqual([]);
  });

  it('stays quiet without a people directory, or when the directory knows nobody with that authority (the matrix says so)', () => {
    expect(mismatches({ owners: '[bob]', 'decision-type': 'api-design' }, { 'authority.yaml': MATRIX }).ds).toEqual([]);
    const { f, ds } = mismatches({ owners: '[bob]', 'decision-type': 'pricing' });
    expect(ds).toEqual([]);
    expect(only(f, 'config-invalid', 'authority.yaml').map((d) => [textAt(f, d), d.message])).toEqual([
      ['pricing-board', '`decides: pricing-board` is neither a role anyone in people.yaml holds nor a person there (or `owner`).'],
    ]);
  });

  it('stays quiet without a matrix, for an unknown type (decision-type-unknown), and without owners (owner-missing)', () => {
    expect(mismatches({ owners: '[bob]', 'decision-type': 'api-design' }, { 'people.yaml': PEOPLE }).ds).toEqual([]);
    expect(mismatches({ owners: '[bob]', 'decision-type': 'api-desing' }).ds).toEqual([]);
    expect(mismatches({ owners: '[bob]' }).ds).toEqual([]);
    expect(mismatches({ owners: undefined, 'decision-type': 'api-design' }).ds).toEqual([]);
  });

  it('checks open memos (draft, proposed, accepted), not closed ones', () => {
    for (const status of ['draft', 'proposed', 'accepted']) {
      expect(mismatches({ status, owners: '[bob]', approver: 'alice', 'decision-type': 'api-design' }).ds, status).toHaveLength(1);
    }
    // A status that is missing or unknown (status-invalid's) is not closed.
    expect(mismatches({ status: undefined, owners: '[bob]', 'decision-type': 'api-design' }).ds).toHaveLength(1);
    expect(mismatches({ status: 'wip', owners: '[bob]', 'decision-type': 'api-design' }).ds).toHaveLength(1);
    for (const status of ['rejected', 'deprecated', 'superseded']) {
      expect(mismatches({ status, owners: '[bob]', 'decision-type': 'api-design' }).ds, status).toEqual([]);
    }
  });

  it('sits on the decision type when the owners are MADR deciders in the body', () => {
    const text = memo(['status: proposed', 'decision-type: api-design'], ['# Use a cache', '', '* Deciders: bob, erin', '']);
    const f = check({ ...FILES, 'docs/adr/0002-cache.md': text });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('api-design');
    expect(d!.message).toContain('no owner (`bob`, `erin`)');
  });

  it('sits on a block list of owners whole', () => {
    const f = check({ ...FILES, [FILE]: goodMemo({ owners: '\n  - bob\n  - erin', 'decision-type': 'api-design' }) });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toMatch(/^- bob\n {2}- erin\n?$/);
  });
});
