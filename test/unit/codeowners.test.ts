import { describe, expect, it } from 'vitest';
import { parseCodeOwners } from '../../server/src/core/workspace/codeowners';
import type { Range } from '../../server/src/core/types';
import { check, goodMemo, only, textAt } from '../helpers/memoWorkspace';

const FILE = '.github/CODEOWNERS';

function at(text: string, r: Range): string {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)[r.start.line]!.slice(r.start.character, r.end.character);
}

const owners = (text: string) => parseCodeOwners(FILE, text).people.map((p) => p.id);
const problems = (text: string) => parseCodeOwners(FILE, text).problems.map((p) => [p.severity, at(text, p.range), p.message]);

describe('parseCodeOwners', () => {
  it('reads users, org teams and emails after each pattern, each once, in the order first seen', () => {
    const text = ['*       @acme/platform', '/docs/  @ana ana@example.com', 'src/**  @Ana @bo-b @acme/search.team', ''].join('\n');
    expect(owners(text)).toEqual(['@acme/platform', '@ana', 'ana@example.com', '@bo-b', '@acme/search.team']);
    expect(problems(text)).toEqual([]);
    const p = parseCodeOwners(FILE, text).people[1]!;
    expect(at(text, p.range)).toBe('@ana');
    expect(p.roles).toEqual([]);
    expect(p.status).toBeUndefined();
  });

  it('skips comments, blank lines and a pattern without owners', () => {
    const text = ['# Owners of everything', '', '   # indented comment', '/legacy/', '*.js @ana # the JS lead, not @notanowner', ''].join('\n');
    expect(owners(text)).toEqual(['@ana']);
    expect(problems(text)).toEqual([]);
  });

  it('an escaped `#` is part of a pattern, not a comment; escaped spaces stay in the pattern', () => {
    expect(owners('\\#notes.md @ana\n')).toEqual(['@ana']);
    expect(owners('docs/a\\#b.md @ana # @bo\n')).toEqual(['@ana']);
    const text = 'path\\ with\\ spaces/ @ana\n';
    expect(owners(text)).toEqual(['@ana']);
    expect(problems(text)).toEqual([]);
  });

  it('reads GitLab section headings as where the pattern stands', () => {
    const text = ['[Documentation team] @docs', '^[Optional][2] @opt', 'docs/ @ana', '[abc].js @bo', ''].join('\n');
    expect(owners(text)).toEqual(['@docs', '@opt', '@ana', '@bo']);
    // `[abc].js` is a pattern (a heading stands alone before the owners).
    expect(problems(text)).toEqual([]);
  });

  it('warns at a token that is no owner GitHub reads, at most twenty times', () => {
    const text = ['* ana @-bad @ok bo@example @acme/ bad@@x.com @', ''].join('\n');
    expect(owners(text)).toEqual(['@ok']);
    expect(problems(text).map(([severity, token]) => [severity, token])).toEqual([
      ['warning', 'ana'], ['warning', '@-bad'], ['warning', 'bo@example'], ['warning', '@acme/'], ['warning', 'bad@@x.com'], ['warning', '@'],
    ]);
    const junk = Array.from({ length: 50 }, (_, i) => `* junk${i}`).join('\n');
    expect(parseCodeOwners(FILE, junk).problems).toHaveLength(20);
  });

  it('reads CRLF, lone CR and a BOM, ranges counted without the BOM', () => {
    const text = '\ufeff* @ana\r\n/docs/ @bo\r/src/ @cy\n';
    const parsed = parseCodeOwners(FILE, text);
    expect(parsed.people.map((p) => [p.id, p.range.start.line, at(text, p.range)])).toEqual([
      ['@ana', 0, '@ana'],
      ['@bo', 1, '@bo'],
      ['@cy', 2, '@cy'],
    ]);
  });

  it('reads 100,000 lines, the owners each once (linear: the file is read once per line)', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? `# section ${i}` : `/dir${i}/ @user${i % 5000} @acme/team-${i % 700} person${i % 300}@example.com`));
    const parsed = parseCodeOwners(FILE, lines.join('\n'));
    const users = new Set<string>();
    const teams = new Set<string>();
    const emails = new Set<string>();
    lines.forEach((l, i) => {
      if (i % 10 === 0) return;
      users.add(`@user${i % 5000}`);
      teams.add(`@acme/team-${i % 700}`);
      emails.add(`person${i % 300}@example.com`);
    });
    expect(parsed.people).toHaveLength(users.size + teams.size + emails.size);
    expect(parsed.problems).toEqual([]);
    expect(parsed.people[0]!.id).toBe('@user1');
  });

  it('a token of 200,000 characters is judged, not stuck on (the email check was quadratic)', () => {
    const long = 'a@' + 'b.'.repeat(100_000) + '@';
    expect(owners(`* ${long} @ana\n`)).toEqual(['@ana']);
    expect(parseCodeOwners(FILE, `* ${long}\n`).problems[0]!.message).toMatch(/^`a@b\.b\./);
  });
});

describe('CODEOWNERS through the workspace', () => {
  const MEMO = 'decisions/0001-cache.md';
  const CODEOWNERS = '* @acme/platform\n/docs/ @ana ana@example.com\n';

  it('`people: CODEOWNERS`: handles, teams and emails are the known owners', () => {
    for (const path of ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']) {
      const f = check({ '.decisions.yaml': 'people: CODEOWNERS\n', [path]: CODEOWNERS, [MEMO]: goodMemo({ owners: '["@ana", ana, "@acme/platform", ana@example.com, "@zed"]' }) });
      expect(only(f, 'owner-unknown').map((d) => textAt(f, d)), path).toEqual(['"@zed"']);
      expect(f.ws.codeOwnersFile).toBe(path);
      expect(only(f, 'config-invalid')).toEqual([]);
    }
  });

  it('GitHub\'s order: .github/ first, then the root, then docs/', () => {
    const f = check({ '.decisions.yaml': 'people: CODEOWNERS\n', CODEOWNERS: '* @root\n', '.github/CODEOWNERS': '* @gh\n', [MEMO]: goodMemo({ owners: '["@root"]' }) });
    expect(f.ws.codeOwnersFile).toBe('.github/CODEOWNERS');
    expect(only(f, 'owner-unknown').map((d) => textAt(f, d))).toEqual(['"@root"']);
  });

  it('`codeowners: true` adds the handles to the people directory, whose own entries win', () => {
    const people = '- id: ana\n  role: team-lead\n- id: bo\n';
    const files = { '.decisions.yaml': 'codeowners: true\n', 'people.yaml': people, CODEOWNERS: '* @ana @acme/platform\n' };
    const f = check({ ...files, [MEMO]: goodMemo({ owners: '[bo, "@acme/platform", "@ana", zed]' }) });
    expect(only(f, 'owner-unknown').map((d) => textAt(f, d))).toEqual(['zed']);
    // `@ana` is the directory's ana: she holds team-lead.
    const matrix = '- type: api-design\n  decides: team-lead\n';
    const g = check({ ...files, 'authority.yaml': matrix, [MEMO]: goodMemo({ owners: '["@ana"]', 'decision-type': 'api-design' }) });
    expect(only(g, 'authority-mismatch')).toEqual([]);
  });

  it('without the setting CODEOWNERS is not read', () => {
    const f = check({ 'people.yaml': '- bo\n', CODEOWNERS: '* @ana\n', [MEMO]: goodMemo({ owners: '["@ana"]' }) });
    expect(only(f, 'owner-unknown').map((d) => textAt(f, d))).toEqual(['"@ana"']);
    expect(f.ws.codeOwnersFile).toBeUndefined();
  });

  it('a missing CODEOWNERS file is a warning on .decisions.yaml, and owners cannot be judged', () => {
    const f = check({ '.decisions.yaml': 'people: CODEOWNERS\n', [MEMO]: goodMemo({ owners: '["@ana"]' }) });
    expect(only(f, 'config-invalid').map((d) => [d.file, d.severity, d.message])).toEqual([
      ['.decisions.yaml', 'warning', '`people: CODEOWNERS` is set, but there is no CODEOWNERS file (looked in .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS).'],
    ]);
    expect(only(f, 'owner-unknown')).toEqual([]);
    const g = check({ '.decisions.yaml': 'codeowners: true\n', 'people.yaml': '- bo\n', [MEMO]: goodMemo({ owners: '[bo]' }) });
    expect(only(g, 'config-invalid').map((d) => [d.file, d.message])).toEqual([['.decisions.yaml', expect.stringMatching(/^`codeowners: true` is set, but there is no CODEOWNERS file/)]]);
  });

  it('a binary CODEOWNERS file is a diagnostic on it, not a crash', () => {
    const f = check({ '.decisions.yaml': 'people: CODEOWNERS\n', CODEOWNERS: '\0\x01\x02PNG', [MEMO]: goodMemo({ owners: '["@ana"]' }) });
    expect(only(f, 'config-invalid').map((d) => [d.file, d.message])).toEqual([['CODEOWNERS', expect.stringMatching(/^CODEOWNERS could not be read: /)]]);
    expect(only(f, 'owner-unknown')).toEqual([]);
  });

  it('junk tokens are warnings on the CODEOWNERS file, at the token', () => {
    const f = check({ '.decisions.yaml': 'people: CODEOWNERS\n', CODEOWNERS: '* @ana nobody\n', [MEMO]: goodMemo({ owners: '["@ana"]' }) });
    expect(only(f, 'config-invalid').map((d) => [d.file, d.severity, textAt(f, d)])).toEqual([['CODEOWNERS', 'warning', 'nobody']]);
  });
});
