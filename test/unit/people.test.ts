import { describe, expect, it } from 'vitest';
import { findPerson, hasLeft, parsePeople, personWithId, rankedPeople, roleKey } from '../../server/src/core/workspace/people';
import type { Range } from '../../server/src/core/types';
import { check, goodMemo } from '../helpers/memoWorkspace';

const FILE = 'people.yaml';
const PEOPLE = [
  '- alice',
  '- id: bob',
  '  name: Bob Smith',
  '  email: Bob@Example.com',
  '  role: [team-lead, " Architecture Review "]',
  '  team: team-search',
  '- id: carol',
  '  role: Platform lead',
  '  status: left',
  '- id: dave',
  '  left: 2026-03-01',
  '- id: erin',
  '  status: Active',
  '  left: 2026-12-31',
  '- id: fred',
  '  status: gone',
  '  left: next week',
  '',
].join('\n');

function at(text: string, r: Range): string {
  return text.split('\n')[r.start.line]!.slice(r.start.character, r.end.character);
}

describe('parsePeople: roles, team, status and left', () => {
  const dir = parsePeople(FILE, PEOPLE);
  const person = (id: string) => dir.people.find((p) => p.id === id)!;

  it('a plain id is a person with nothing else known', () => {
    expect(person('alice')).toMatchObject({ id: 'alice', roles: [], role: undefined, team: undefined, status: undefined, left: undefined });
  });

  it('`role` is one role or a list (trimmed, blanks dropped); `role` keeps the first', () => {
    expect(person('bob').roles).toEqual(['team-lead', 'Architecture Review']);
    expect(person('bob').role).toBe('team-lead');
    expect(person('bob').team).toBe('team-search');
    expect(person('carol').roles).toEqual(['Platform lead']);
    expect(parsePeople(FILE, '- id: x\n  role: [a, "", b]\n').people[0]!.roles).toEqual(['a', 'b']);
  });

  it('`status` is active or left in any case; `left:` is a date', () => {
    expect(person('carol').status).toBe('left');
    expect(person('dave')).toMatchObject({ status: undefined, left: '2026-03-01' });
    expect(person('erin')).toMatchObject({ status: 'active', left: '2026-12-31' });
  });

  it('an unknown status or a `left` that is no date is a warning at the value, and the person reads as here', () => {
    expect(person('fred')).toMatchObject({ status: undefined, left: undefined });
    expect(dir.problems.map((p) => [p.severity, at(PEOPLE, p.range), p.message])).toEqual([
      ['warning', 'gone', '`status` is `active` or `left`, not `gone`.'],
      ['warning', 'next week', '`left` `next week` is not written as YYYY-MM-DD; expected a date such as 2026-05-01.'],
    ]);
    const impossible = parsePeople(FILE, '- id: x\n  left: 2026-02-30\n');
    expect(impossible.people[0]!.left).toBeUndefined();
    expect(impossible.problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('a `people:` key holding the list is read the same', () => {
    expect(parsePeople(FILE, 'people:\n  - id: a\n    status: left\n').people.map((p) => [p.id, p.status])).toEqual([['a', 'left']]);
  });

  it('reads a BOM and CRLF line ends', () => {
    const d = parsePeople(FILE, '\ufeff' + PEOPLE.replace(/\n/g, '\r\n'));
    expect(d.people.map((p) => p.id)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'fred']);
    expect(d.people.find((p) => p.id === 'dave')!.left).toBe('2026-03-01');
  });
});

describe('hasLeft', () => {
  const dir = parsePeople(FILE, PEOPLE);
  const person = (id: string) => dir.people.find((p) => p.id === id)!;

  it('`status: left` always; a `left:` date on or before today; never otherwise', () => {
    expect(hasLeft(person('carol'), '2020-01-01')).toBe(true);
    expect(hasLeft(person('dave'), '2026-02-28')).toBe(false);
    expect(hasLeft(person('dave'), '2026-03-01')).toBe(true);
    expect(hasLeft(person('dave'), '2026-06-01')).toBe(true);
    expect(hasLeft(person('erin'), '2026-06-01')).toBe(false);
    expect(hasLeft(person('alice'), '2026-06-01')).toBe(false);
    expect(hasLeft(personWithId('@ana', person('alice').range), '2099-01-01')).toBe(false);
  });
});

describe('roleKey', () => {
  it('compares roles without case, spaces or punctuation', () => {
    expect(roleKey('Platform lead')).toBe('platform-lead');
    expect(roleKey(' platform_LEAD! ')).toBe('platform-lead');
    expect(roleKey('Architecture  Review')).toBe(roleKey('architecture-review'));
    expect(roleKey('Équipe données')).toBe('équipe-données');
    expect(roleKey('---')).toBe('');
  });
});

describe('findPerson', () => {
  const dir = parsePeople(FILE, PEOPLE);

  it('finds by id or email in any case, by exact display name, with or without `@`', () => {
    expect(findPerson(dir, 'BOB')?.id).toBe('bob');
    expect(findPerson(dir, 'bob@example.com')?.id).toBe('bob');
    expect(findPerson(dir, 'Bob Smith')?.id).toBe('bob');
    expect(findPerson(dir, ' @bob ')?.id).toBe('bob');
    expect(findPerson(dir, '@alice')?.id).toBe('alice');
    expect(findPerson(dir, 'zed')).toBeUndefined();
    expect(findPerson(dir, '@')).toBeUndefined();
  });

  it('a CODEOWNERS handle is found with or without its `@`; a directory entry of the same name comes first', () => {
    const range = dir.people[0]!.range;
    const merged = { ...dir, people: [...dir.people, personWithId('@bob', range), personWithId('@acme/search', range)] };
    expect(findPerson(merged, '@bob')).toBe(dir.people[1]);
    expect(findPerson(merged, '@acme/search')?.id).toBe('@acme/search');
    expect(findPerson(merged, 'acme/search')?.id).toBe('@acme/search');
    expect(findPerson(merged, '@ACME/Search')?.id).toBe('@acme/search');
  });
});

describe('rankedPeople', () => {
  it('leaves out who has left by today, then ranks by memos owned', () => {
    const f = check({ 'people.yaml': PEOPLE, 'decisions/0001-a.md': goodMemo({ owners: '[erin]' }), 'decisions/0002-b.md': goodMemo({ id: '0002', owners: '[erin, dave]' }) });
    const ranked = rankedPeople(f.ws.people!, f.ws.memos, '2026-06-01').map((p) => p.id);
    expect(ranked).toEqual(['erin', 'alice', 'bob', 'fred']);
    expect(rankedPeople(f.ws.people!, f.ws.memos, '2026-02-01').map((p) => p.id)).toEqual(['erin', 'dave', 'alice', 'bob', 'fred']);
  });
});
