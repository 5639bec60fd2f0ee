import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/core/workspace/config';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { parsePeople } from '../../server/src/core/workspace/people';
import { parseTenetFile } from '../../server/src/core/tenets/tenetParser';
import { findPlaceholders } from '../../server/src/core/text/placeholders';
import { RULE_IDS } from '../../server/src/rules/registry';
import { shapeProblem } from '../../server/src/rules/tenet-malformed';
import { check, only, textAt } from '../helpers/memoWorkspace';
import { CONFIG_FILE_SNIPPETS, PEOPLE_FILE_SNIPPETS, TENET_FILE_SNIPPETS } from '../../server/src/service/features/fileSnippets';
import { placeholderDefaults } from '../helpers/snippetExpander';
import { bodyText, byPrefix, expand, MARKDOWN, type Snippet } from '../helpers/markdownSnippets';

// The snippets are what a writer starts from, so they must produce text the checker reads as
// intended, and every blank they leave must be visible: a choice, or an ALL-CAPS word that a
// rule reports until it is replaced. Each body is expanded as VS Code would insert it when the
// writer tabs through without typing (see ../helpers/snippetExpander.ts).
// (Every snippet is expanded and checked here, so the file grows with the snippets; over 300 lines on purpose.)

const ROOT = join(__dirname, '../..');

// The YAML snippets are the server's, offered only in the file each is for (service/features/fileSnippets.ts).
const YAML: Record<string, Snippet> = Object.fromEntries(
  [...TENET_FILE_SNIPPETS, ...PEOPLE_FILE_SNIPPETS, ...CONFIG_FILE_SNIPPETS].map((s) => [s.label, { prefix: s.prefix, body: s.body.split('\n'), description: s.description }]),
);

const ALL: [string, Record<string, Snippet>][] = [
  ['markdown', MARKDOWN],
  ['yaml', YAML],
];
const PLACEHOLDER_WORD = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
const CLAIM_SHAPE = /^Claim: We believe \S.* because \S.*\.$/;
const BOUNDARY_SHAPE = /^Boundary: This reduces uncertainty about \S.*; it does not prove \S.*\.$/;

describe('snippet files', () => {
  it.each(ALL)('%s snippets each have a prefix, a body and a description', (_lang, snippets) => {
    expect(Object.keys(snippets).length).toBeGreaterThan(0);
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = [s.prefix].flat();
      expect(prefixes.length, name).toBeGreaterThan(0);
      for (const p of prefixes) expect(p, name).toMatch(/^\S+$/);
      expect([s.body].flat().length, name).toBeGreaterThan(0);
      for (const line of [s.body].flat()) expect(typeof line, name).toBe('string');
      expect(s.description, name).toMatch(/\S/);
    }
    const prefixes = Object.values(snippets).flatMap((s) => [s.prefix].flat());
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it.each(ALL)('%s placeholder defaults are ALL-CAPS blanks or editor variables, never filler text', (_lang, snippets) => {
    for (const [name, s] of Object.entries(snippets)) {
      for (const { index, nodes } of placeholderDefaults(bodyText(s))) {
        const only = nodes.length === 1 ? nodes[0] : undefined;
        const onlyVariable = only?.kind === 'variable';
        const onlyWord = only?.kind === 'text' && PLACEHOLDER_WORD.test(only.value);
        expect(onlyVariable || onlyWord, `${name}: tab stop ${index}`).toBe(true);
      }
    }
  });

  it('are contributed for markdown in package.json (the YAML ones come from the server, per file)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: { snippets?: { language: string; path: string }[] } };
    const contributed = pkg.contributes?.snippets ?? [];
    expect(contributed.map((s) => [s.language, s.path]).sort()).toEqual([['markdown', './snippets/markdown.code-snippets']]);
    for (const s of contributed) expect(existsSync(join(ROOT, s.path))).toBe(true);
  });
});

describe('claim and boundary lines', () => {
  const lines = (re: RegExp) =>
    Object.entries(MARKDOWN).flatMap(([name, s]) =>
      expand(s)
        .split('\n')
        .filter((l) => re.test(l))
        .map((line) => ({ name, line })),
    );

  it('every claim line a snippet writes has the `Claim: We believe … because ….` shape, and its blanks are reported', () => {
    const claims = lines(/^Claim:/);
    expect(claims.map((c) => c.name).sort()).toEqual(['Claim line', 'Claim line for a scaling step', 'Decision memo']);
    for (const { name, line } of claims) {
      expect(line, name).toMatch(CLAIM_SHAPE);
      const memo = parseMemo('decisions/a.md', `# A\n\n${line}\n`);
      expect(memo.claims.map((c) => c.text), name).toEqual([line.slice('Claim: '.length)]);
      expect(findPlaceholders(memo.claims[0]!.text).length, name).toBeGreaterThan(0);
    }
  });

  it('every boundary line a snippet writes has the boundary shape, and its blanks are reported', () => {
    const boundaries = lines(/^Boundary:/);
    expect(boundaries.map((c) => c.name).sort()).toEqual(['Boundary line', 'Decision memo']);
    for (const { name, line } of boundaries) {
      expect(line, name).toMatch(BOUNDARY_SHAPE);
      const memo = parseMemo('decisions/a.md', `# A\n\n${line}\n`);
      expect(memo.boundaries).toHaveLength(1);
      expect(findPlaceholders(memo.boundaries[0]!.text).map((p) => p.text)).toEqual(['X', 'Y']);
    }
  });

  it('a claim filled in by the writer is a claim with nothing left to fill', () => {
    const line = expand(byPrefix(MARKDOWN, 'claim'), { values: { 1: 'search p95 stays under 200 ms', 2: 'most queries repeat within an hour' } });
    expect(line).toBe('Claim: We believe search p95 stays under 200 ms because most queries repeat within an hour.');
    expect(findPlaceholders(parseMemo('a.md', line).claims[0]!.text)).toEqual([]);
  });
});

describe('memo skeleton', () => {
  const skeleton = byPrefix(MARKDOWN, 'memo');
  const FILE = 'decisions/0007-use-a-cache.md';

  it('parses without front matter problems, every field where the checker looks for it', () => {
    const memo = parseMemo(FILE, expand(skeleton));
    expect(memo.frontMatter).toBeDefined();
    expect(memo.frontMatter!.problems).toEqual([]);
    expect(memo.frontMatter!.unclosed).toBe(false);
    expect(memo.frontMatter!.map).toBeDefined();
    expect(memo.id).toMatchObject({ value: '0007', derived: false });
    expect(memo.title?.value).toBe('TITLE');
    expect(memo.statusValue).toBe('draft');
    expect(memo.date?.value).toBe('2026-05-01');
    // Owner, tenet and evidence path are empty tab stops, so completion filters on what is typed there.
    expect(memo.owners).toEqual([]);
    expect(memo.reversibility?.value).toBe('two-way');
    expect(memo.citations).toEqual([]);
    expect(memo.evidence).toMatchObject([{ target: '', isMap: true, limits: { value: 'LIMITATION' }, date: { value: '2026-05-01' } }]);
    expect(memo.evidence[0]!.emptyTarget).toBeDefined();
    expect(memo.claims).toHaveLength(1);
    expect(memo.boundaries).toHaveLength(1);
    expect(memo.sections.map((s) => s.title)).toEqual(['TITLE', 'Context', 'Decision', 'Relevant tenets']);
  });

  it('takes the id from a numbered file name, and leaves a blank for any other name', () => {
    const id = (base: string) => parseMemo('x.md', expand(skeleton, { vars: { TM_FILENAME_BASE: base } })).id.value;
    expect(id('0012-move-search')).toBe('0012');
    expect(id('0012')).toBe('0012');
    expect(id('Untitled-1')).toBe('ID');
    expect(id('use-a-cache')).toBe('ID');
  });

  it('mirrors the title into the heading and the cited tenet into its verdict line', () => {
    const text = expand(skeleton, { values: { 2: 'Use a cache: for search', 6: 'ENG-LATENCY', 17: '✗' } });
    const memo = parseMemo(FILE, text);
    expect(memo.frontMatter!.problems).toEqual([]);
    expect(memo.title?.value).toBe('Use a cache: for search');
    expect(text).toContain('\n# Use a cache: for search\n');
    expect(memo.verdicts).toMatchObject([{ id: 'ENG-LATENCY', verdict: 'conflicts' }]);
  });

  it('leaves blanks that the checker reports until they are filled', () => {
    const fx = check({ [FILE]: expand(skeleton), 'people.yaml': '- alice\n' });
    expect(only(fx, 'front-matter-invalid')).toEqual([]);
    expect(only(fx, 'front-matter-missing')).toEqual([]);
    const reported = (rule: string) => only(fx, rule, FILE).map((d) => textAt(fx, d));
    // Nothing left blank is an error: the empty owner, tenet and path are warnings to fill.
    expect(fx.diagnostics.filter((d) => d.file === FILE && d.severity === 'error')).toEqual([]);
    expect(only(fx, 'owner-missing', FILE)).toHaveLength(1);
    expect(only(fx, 'tenet-missing', FILE)).toHaveLength(1);
    const expected: [string, string][] = [
      ['path', 'placeholder-left'],
      ['LIMITATION', 'placeholder-left'],
      ['OUTCOME', 'claim-placeholder'],
      ['SIGNALS', 'claim-placeholder'],
      ['X', 'claim-placeholder'],
      ['Y', 'claim-placeholder'],
    ];
    for (const [word, rule] of expected) {
      expect(reported(rule).some((t) => t.includes(word)), `${word} reported by ${rule}`).toBe(true);
    }
  });
});

describe('front matter and body pieces', () => {
  it('a verdict line judges the tenet it names, ✓ by default and ✗ when chosen', () => {
    const verdict = byPrefix(MARKDOWN, 'verdict');
    const supports = parseMemo('a.md', `# A\n\n${expand(verdict, { values: { 1: 'CO-TRUST', 3: 'keeps data in the region' } })}\n`);
    expect(supports.verdicts).toMatchObject([{ id: 'CO-TRUST', verdict: 'supports', reason: 'keeps data in the region' }]);
    const conflicts = parseMemo('a.md', `# A\n\n${expand(verdict, { values: { 1: 'CO-TRUST', 2: '✗' } })}\n`);
    expect(conflicts.verdicts).toMatchObject([{ id: 'CO-TRUST', verdict: 'conflicts', reason: 'REASON' }]);
    // The id is an empty tab stop inside the brackets: tenet completion fills it and keeps `]]`.
    expect(bodyText(verdict)).toContain('[[$1]]');
  });

  const TABLES: [string, string[]][] = [
    ['evidence-log', ['Scale step', 'Claim', 'Evidence artifact', 'Quality limits', 'Threshold status', 'Decision', 'Date', 'Approver']],
    ['authority-matrix', ['Decision type', 'Who decides', 'Escalation trigger', 'Values applied']],
  ];
  it.each(TABLES)('%s is a table with the documented columns and full rows', (prefix, columns) => {
    const rows = expand(byPrefix(MARKDOWN, prefix)).split('\n').filter((l) => l.startsWith('|'));
    const cells = (row: string) => row.slice(1, -1).split('|').map((c) => c.trim());
    expect(cells(rows[0]!)).toEqual(columns);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(cells(row)).toHaveLength(columns.length);
  });

  it('the scorecard lists capacity signals whose first threshold pauses, an owner, an escalation path and dependencies', () => {
    const text = expand(byPrefix(MARKDOWN, 'scorecard'));
    const signalRows = text.split('\n').filter((l) => l.startsWith('| SIGNALS'));
    expect(signalRows.length).toBeGreaterThanOrEqual(3);
    expect(signalRows[0]).toMatch(/\| pause \|$/);
    expect(text).toMatch(/\*\*Decision owner:\*\* OWNER/);
    expect(text).toMatch(/\*\*Escalation path:\*\* OWNER/);
    expect(text).toMatch(/^\| Dependency \| Owner \| Monitoring \|$/m);
  });

  it('the alignment sheet has aim, mechanism, feedback signals, stage gate, guardrail and owner with cadence', () => {
    const text = expand(byPrefix(MARKDOWN, 'alignment-sheet'));
    for (const label of ['Aim', 'Mechanism', 'Feedback signals', 'Stage gate', 'Guardrail', 'Owner and cadence']) expect(text).toContain(`**${label}:**`);
    expect(text).toMatch(/We believe X will move Y because REASON\./);
    expect(text).toMatch(/We will continue if SIGNALS ≥ X by week 2\./);
    expect(text).toMatch(/SIGNALS stays below X\./);
    expect(text).toMatch(/\*\*Owner and cadence:\*\* OWNER, weekly$/m);
  });
});

describe('tenet, person and config snippets', () => {
  const TENETS: [string, string, string | undefined][] = [
    ['tenet', 'function', 'PARENT-ID'],
    ['tenet-team', 'team', 'PARENT-ID'],
    ['tenet-company', 'company', undefined],
  ];

  it.each(TENETS)('markdown %s is one well-shaped tenet on the %s layer', (prefix, layer, parent) => {
    const file = parseTenetFile('tenets/x.md', `# Tenets\n\n${expand(byPrefix(MARKDOWN, prefix))}`);
    expect(file.problems).toEqual([]);
    expect(file.tenets).toHaveLength(1);
    const tenet = file.tenets[0]!;
    expect(tenet).toMatchObject({ id: 'TENET-ID', title: 'X over Y', layer: { value: layer } });
    expect(tenet.parent?.value).toBe(parent);
    expect(tenet.statement).toBe('When SITUATION, we choose X over Y because REASON.');
    expect(shapeProblem(tenet.statement)).toBeUndefined();
  });

  it.each(TENETS)('yaml %s is one well-shaped tenet on the %s layer', (prefix, layer, parent) => {
    const file = parseTenetFile('tenets.yaml', expand(byPrefix(YAML, prefix)));
    expect(file.problems).toEqual([]);
    expect(file.tenets).toHaveLength(1);
    const tenet = file.tenets[0]!;
    expect(tenet).toMatchObject({ id: 'TENET-ID', title: 'X over Y', layer: { value: layer } });
    expect(tenet.parent?.value).toBe(parent);
    expect(tenet.statement).toBe('When SITUATION, we choose X over Y because REASON.');
  });

  it('a yaml tenet keeps a statement with a colon in it', () => {
    const file = parseTenetFile('tenets.yaml', expand(byPrefix(YAML, 'tenet'), { values: { 7: 'a release train: weekly or daily' } }));
    expect(file.problems).toEqual([]);
    expect(file.tenets[0]!.statement).toBe('When a release train: weekly or daily, we choose X over Y because REASON.');
  });

  it('a tenet left with its parent blank is reported', () => {
    const fx = check({ 'tenets/x.md': `# Tenets\n\n${expand(byPrefix(MARKDOWN, 'tenet'))}` });
    expect(only(fx, 'tenet-parent-unknown', 'tenets/x.md').map((d) => textAt(fx, d))).toEqual(['PARENT-ID']);
  });

  it('two person entries make a people directory', () => {
    const person = byPrefix(YAML, 'person');
    const text = expand(person, { values: { 1: 'alice' } }) + expand(person, { values: { 1: 'bob', 3: 'bob@example.com' } });
    const people = parsePeople('people.yaml', text);
    expect(people.problems).toEqual([]);
    expect(people.people.map((p) => [p.id, p.email])).toEqual([
      ['alice', 'EMAIL'],
      ['bob', 'bob@example.com'],
    ]);
  });

  it('the .decisions.yaml skeleton is a valid config whose first choices are the defaults', () => {
    const { config, problems } = parseConfig(expand(byPrefix(YAML, 'decisions-config')), RULE_IDS);
    expect(problems).toEqual([]);
    expect(config.memos).toEqual(['decisions/**/*.md']);
    expect(config.tenets).toEqual(['tenets/**/*.md', 'tenets.yaml']);
    expect(config.people).toBe('people.yaml');
    expect(config.evidence).toEqual({ required: { 'two-way': 0, costly: 1, 'one-way': 2 }, maxAgeDays: 365 });
    expect(config.rules).toEqual({ 'tenet-relevant-uncited': 'hint' });
  });
});
