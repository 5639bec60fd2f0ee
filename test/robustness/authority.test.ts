import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver-protocol';
import { parseAuthority } from '../../server/src/core/authority/authorityMatrix';
import { parseCodeOwners } from '../../server/src/core/workspace/codeowners';
import { parsePeople } from '../../server/src/core/workspace/people';
import { codeActions } from '../../server/src/service/features/codeActions';
import { codeLenses } from '../../server/src/service/features/codeLens';
import { completion } from '../../server/src/service/features/completion';
import { definition } from '../../server/src/service/features/definition';
import { documentLinks } from '../../server/src/service/features/documentLinks';
import { documentSymbols } from '../../server/src/service/features/documentSymbols';
import { hover } from '../../server/src/service/features/hover';
import { references } from '../../server/src/service/features/references';
import { prepareRename } from '../../server/src/service/features/rename';
import { workspaceSymbols } from '../../server/src/service/features/workspaceSymbols';
import { ServiceError } from '../../server/src/service/decisionService';
import { serviceOn } from '../service/harness';
import { BASE_TENETS } from '../helpers/memoWorkspace';
import { eol, fragment, PEOPLE } from './generators';
import { BOUND_MS, checkFiles, cpuTimed, fixProblems, rangeProblems, type Checked } from './invariants';

// The authority matrix, CODEOWNERS and the people fields the matrix reads (roles, status, left),
// in every shape a hand-edited file takes: a map where a list belongs, a list of strings, unknown
// keys, misspelt triggers, amounts that are not amounts, huge numbers, binary junk, deep nesting,
// 100,000 lines. The check and the language service must never throw; every range lies inside
// its file; every quick fix keeps the rest of the memo and removes its diagnostic. Time bounds
// are on CPU time (see invariants.ts), and only on inputs that once took quadratic time or worse.

const SEEDS = path.join(__dirname, 'seeds');
const seed = (name: string) => fs.readFileSync(path.join(SEEDS, name), 'utf8');
const MEMO = 'decisions/0006-authority-fields.md';
const MEMO_TEXT = seed('0006-authority-fields.md');
const MATRIX = seed('authority.yaml');
const CODEOWNERS = seed('CODEOWNERS');
/** A memo with one deliberate problem (an impossible date): its diagnostic proves it was checked. */
const GOOD = 'decisions/0001-good.md';
const GOOD_MEMO = '---\nid: "0001"\nstatus: draft\nowners: [priya]\ndate: 2026-02-30\ndecision-type: api-design\n---\n# A good memo\n';

function runs(numRuns: number): fc.Parameters<unknown> {
  return process.env.FC_SEED ? { numRuns, seed: Number(process.env.FC_SEED) } : { numRuns };
}

/** The seed workspace with some files replaced. */
function workspace(over: Record<string, string> = {}): Record<string, string> {
  return { 'tenets.yaml': BASE_TENETS, 'people.yaml': PEOPLE, 'authority.yaml': MATRIX, [MEMO]: MEMO_TEXT, [GOOD]: GOOD_MEMO, 'evidence/search-slo-report-2026-q3.md': '# SLO\n', ...over };
}

/** Checks a workspace and asserts what holds for any input; fixes are applied on the memos named. */
function assertRobust(files: Record<string, string>, memos: string[] = [MEMO], maxFixes = Infinity): Checked {
  const checked = checkFiles(files);
  expect(checked.ruleErrors).toEqual([]);
  expect(rangeProblems(checked)).toEqual([]);
  for (const memo of memos) if (checked.files[memo] !== undefined) expect(fixProblems(checked, memo, maxFixes)).toEqual([]);
  return checked;
}

const rulesOn = (c: Checked, file: string) => [...new Set(c.diagnostics.filter((d) => d.file === file).map((d) => d.rule))].sort();

const memoWith = (fields: string[]) => `---\nid: "0007"\nstatus: proposed\nowners: [marco]\n${fields.join('\n')}\n---\n# A memo\n`;

/** Hand-written hostile shared files, each checked beside the seed memo. */
const HOSTILE: Record<string, Record<string, string>> = {
  'a matrix that is a map of types': { 'authority.yaml': 'api-design:\n  decides: priya\nvendor-contract:\n  decides: owner\n' },
  'a matrix that is a list of strings': { 'authority.yaml': '- api-design\n- vendor-contract\n- 42\n- null\n- ~\n' },
  'a matrix of nested lists': { 'authority.yaml': '- [a, [b, [c]]]\n- - - x\n' },
  'a matrix with unknown keys': { 'authority.yaml': MATRIX.replace('  decides: owner\n', '  decides: owner\n  colour: blue\n  escalate_to: dana\n  "": x\n  ? [a]\n  : b\n') },
  'a matrix with misspelt triggers and amounts that are none': { 'authority.yaml': MATRIX.replace('[spend-over:50k, customer-data, legal-hold]', '[spend-ovr:50k, spend-over, "spend-over: lots", spend-over:-1, custmer-data, "", null, 7]') },
  'a matrix whose rows hold maps where names belong': { 'authority.yaml': '- type: {a: 1}\n  decides: {b: [c]}\n- type: [x, y]\n  triggers: {spend-over: 50000}\n  tenets: [{id: CO-TRUST}]\n' },
  'a matrix with duplicate types and keys': { 'authority.yaml': '- type: vendor-contract\n  type: api-design\n- type: VENDOR-CONTRACT\n- type: vendor-contract\n' },
  'a matrix of huge numbers': { 'authority.yaml': `- type: 1e400\n  decides: ${'9'.repeat(400)}\n  escalate-to: -0\n  triggers: [spend-over:${'9'.repeat(400)}, spend-over:1e400, spend-over:0x10, spend-over:.5]\n- type: vendor-contract\n  triggers: [spend-over:${'1'.repeat(20)}]\n  escalate-to: priya\n` },
  'a binary matrix': { 'authority.yaml': '\0\x01\x02\x89PNG\r\n\x1a\n' },
  'a matrix of control characters and lone surrogates': { 'authority.yaml': '- type: \ud800\n  decides: \u0007\u001b[31m\n  triggers: [\udfff, \u2028]\n' },
  'a matrix nested 20,000 deep (flow)': { 'authority.yaml': '['.repeat(20_000) + ']'.repeat(20_000) + '\n' },
  'a matrix nested 5,000 deep (block lists)': { 'authority.yaml': Array.from({ length: 5000 }, (_, i) => ' '.repeat(i * 2) + '- ').join('\n') + 'x\n' },
  'a matrix nested 3,000 deep (block maps)': { 'authority.yaml': Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' x\n' },
  'a YAML alias bomb as the matrix': { 'authority.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n' },
  'an alias bomb inside a row': { 'authority.yaml': '- type: x\n  triggers: &a [a, a, a, a, a, a, a, a]\n  tenets: [*a, *a, *a, *a, *a, *a, *a, *a]\n' },
  'a matrix of 20,000 rows': { 'authority.yaml': Array.from({ length: 20_000 }, (_, i) => `- type: t-${i}\n  escalate-to: priya\n  triggers: [cross-team, t${i}]`).join('\n') + '\n' },
  'a matrix with a BOM, CRLF and lone CR': { 'authority.yaml': '\ufeff' + MATRIX.replace(/\n/g, '\r\n').replace('- type: vendor-contract', '- type: vendor-contract\r') },
  'the matrix path is a folder': { '.decisions.yaml': 'authority: decisions\n' },
  'the matrix path leaves the workspace': { '.decisions.yaml': 'authority: ../authority.yaml\n' },
  'the config names a missing matrix': { '.decisions.yaml': 'authority: governance/authority.yaml\n' },
  'people with roles, statuses and dates of every shape': {
    'people.yaml': PEOPLE + '- id: x1\n  role: {a: b}\n  status: [left]\n  left: {when: now}\n- id: x2\n  role: [[a], null, 3]\n  status: LEFT\n  left: 2026-99-99\n- id: x3\n  left: 1e400\n  status: ""\n- id: marco\n  status: left\n',
  },
  'everyone has left': { 'people.yaml': PEOPLE.replace(/^(- id: .*)$/gm, '$1\n  status: left') },
  'a binary people directory': { 'people.yaml': '\0\0\0' },
  '`people: CODEOWNERS` with the file missing': { '.decisions.yaml': 'people: CODEOWNERS\n' },
  '`people: CODEOWNERS`': { '.decisions.yaml': 'people: CODEOWNERS\n', '.github/CODEOWNERS': CODEOWNERS },
  '`codeowners: true` with a binary CODEOWNERS': { '.decisions.yaml': 'codeowners: true\n', CODEOWNERS: '\0\xff\xfe junk' },
  '`codeowners: true` with a CODEOWNERS of junk tokens': { '.decisions.yaml': 'codeowners: true\n', 'docs/CODEOWNERS': Array.from({ length: 500 }, (_, i) => `p${i} @ @@ @-x- x@ @a/ \\ \ud800 ${'#'.repeat(i % 3)} @ok${i}`).join('\n') },
  '`codeowners: true` with CODEOWNERS as a folder': { '.decisions.yaml': 'codeowners: true\n', 'CODEOWNERS/x': 'not a file\n' },
  '`people: CODEOWNERS` with a matrix naming handles': {
    '.decisions.yaml': 'people: CODEOWNERS\n',
    CODEOWNERS,
    'authority.yaml': MATRIX.replace('escalate-to: priya', 'escalate-to: "@lumen/search-team"').replace('decides: Tech lead, Search', 'decides: "@priya"'),
  },
};

/** Memos whose authority fields take every shape, checked beside the seed matrix. */
const HOSTILE_MEMOS: Record<string, string> = {
  'a spend of "lots"': memoWith(['decision-type: vendor-contract', 'spend: lots']),
  'a spend of every shape': memoWith(['decision-type: vendor-contract', 'spend: [1, 2]']),
  'a spend that is a map': memoWith(['decision-type: vendor-contract', 'spend: {amount: 5}']),
  'a huge spend': memoWith(['decision-type: vendor-contract', `spend: ${'9'.repeat(400)}`]),
  'a spend of 1e400': memoWith(['decision-type: vendor-contract', 'spend: 1e400']),
  'a negative spend': memoWith(['decision-type: vendor-contract', 'spend: -60000']),
  'an impact that is a map': memoWith(['decision-type: api-design', 'impact: {cross-team: true}']),
  'an impact of nested lists and nulls': memoWith(['decision-type: api-design', 'impact: [[cross-team], null, ~, "", 7, custmer-data]']),
  'an impact of 3,000 unknown triggers': memoWith(['decision-type: api-design', `impact: [${Array.from({ length: 3000 }, (_, i) => `trig-${i}`).join(', ')}]`]),
  'a decision type that is a list': memoWith(['decision-type: [api-design, vendor-contract]']),
  'a decision type that is a map': memoWith(['decision-type: {id: api-design}']),
  'a decision type of 100,000 characters': memoWith([`decision-type: ${'api-desing'.repeat(10_000)}`]),
  'a decision type of control characters': memoWith(['decision-type: "\\u0000\\u0007\\ud800"']),
  'both decision_type and decision-type': memoWith(['decision-type: api-design', 'decision_type: nope', 'impacts: [cross-team]']),
  'owners and approvers of every shape': '---\nid: "0007"\nstatus: accepted\nowners: {a: b}\napprover: [[priya], null]\napprovers: ""\ndecision-type: api-design\nimpact: [cross-team]\nreversibility: one-way\n---\n# x\n',
  'an empty approver in a CRLF memo with a BOM': '\ufeff---\r\nid: "0007"\r\nstatus: proposed\r\nowners: [marco]\r\napprover: ""\r\ndecision-type: vendor-contract\r\nimpact: [legal-hold]\r\n---\r\n# x\r\n',
  'front matter that does not parse': '---\nstatus: proposed\ndecision-type: vendor-contract\nimpact: [cross-team\nspend: 60k\n---\n# x\n',
};

describe('authority matrix and CODEOWNERS: hostile shared files never break the check', () => {
  for (const [name, files] of Object.entries(HOSTILE)) {
    it(name, () => {
      // Each fix re-checks the whole workspace: with a huge shared file, a couple are enough.
      const size = Object.values(files).reduce((n, t) => n + t.length, 0);
      const checked = assertRobust(workspace(files), [MEMO, GOOD], size > 200_000 ? 2 : Infinity);
      // The memo beside the hostile file is still checked.
      expect(rulesOn(checked, GOOD)).toContain('date-invalid');
    });
  }

  it('the seed workspace reports what the seeds were written to show', () => {
    const checked = assertRobust(workspace());
    expect(rulesOn(checked, MEMO)).toEqual(expect.arrayContaining(['escalation-required']));
    expect(checked.diagnostics.filter((d) => d.rule === 'escalation-required').map((d) => d.message).sort()).toEqual([
      expect.stringContaining('Triggers `spend-over:50k`, `customer-data` of `vendor-contract` apply, so `priya` must approve'),
      expect.stringContaining('`custmer-data` is not a trigger'),
    ]);
  });

  it('a binary matrix is one config-invalid on it; no memo is told its type is unknown', () => {
    const checked = assertRobust(workspace(HOSTILE['a binary matrix']));
    expect(checked.diagnostics.filter((d) => d.file === 'authority.yaml').map((d) => d.rule)).toEqual(['config-invalid']);
    expect(rulesOn(checked, MEMO)).not.toContain('decision-type-unknown');
  });
});

describe('authority fields of every shape in a memo never break the check', () => {
  for (const [name, text] of Object.entries(HOSTILE_MEMOS)) {
    it(name, () => {
      // Each fix re-checks the workspace: a memo of thousands of findings gets a few.
      assertRobust(workspace({ 'decisions/0007-x.md': text }), ['decisions/0007-x.md'], text.length > 10_000 ? 3 : 12);
    });
  }
});

describe('inputs that once took quadratic time or worse are read in bounded time', () => {
  const spaces = ' '.repeat(50_000);
  const cases: Record<string, Record<string, string>> = {
    'a spend with a long run of spaces inside (the amount pattern took cubic time)': { 'decisions/0007-x.md': memoWith(['decision-type: vendor-contract', `spend: "1${spaces}!"`]) },
    'an impact item with a long run of spaces inside': { 'decisions/0007-x.md': memoWith(['decision-type: api-design', `impact: ["a${spaces}b"]`]) },
    'a matrix trigger with a long run of spaces inside': { 'authority.yaml': `- type: x\n  escalate-to: priya\n  triggers: ["spend-over:1${spaces}!", "a${spaces}b"]\n` },
    'a CODEOWNERS token of dots after an @ (the email pattern was quadratic)': { '.decisions.yaml': 'codeowners: true\n', CODEOWNERS: `* a@${'b.'.repeat(50_000)}@ @ok\n` },
  };
  for (const [name, files] of Object.entries(cases)) {
    it(name, () => {
      const { result, ms } = cpuTimed(() => checkFiles(workspace(files)));
      expect(result.ruleErrors).toEqual([]);
      expect(rangeProblems(result)).toEqual([]);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }
});

describe('a CODEOWNERS file of 100,000 lines', () => {
  const lines = Array.from({ length: 100_000 }, (_, i) => (i % 7 === 0 ? `# team ${i}` : `/src/module-${i}/ @dev${i % 4000} @lumen/team-${i % 300}`));
  const text = lines.join('\n') + '\n';

  it('is read whole, each owner once', () => {
    const parsed = parseCodeOwners('CODEOWNERS', text);
    expect(parsed.people).toHaveLength(4000 + 300);
    expect(parsed.problems).toEqual([]);
  });

  it('feeds owner-unknown through the workspace, and the check completes', () => {
    const memo = memoWith(['owners: ["@dev3999", "@lumen/team-299", "@dev4000"]']).replace('owners: [marco]\n', '');
    const checked = checkFiles({ '.decisions.yaml': 'people: CODEOWNERS\n', CODEOWNERS: text, 'decisions/0007-x.md': memo });
    expect(checked.ruleErrors).toEqual([]);
    expect(checked.diagnostics.filter((d) => d.rule === 'owner-unknown').map((d) => d.message)).toEqual([expect.stringContaining('`@dev4000`')]);
    expect(checked.diagnostics.filter((d) => d.file === 'CODEOWNERS')).toEqual([]);
  });
});

// Found by this suite: owner-missing's "Make `@x` the owner" and placeholder-left's "Replace
// `OWNER` with `@x`" wrote a CODEOWNERS handle unquoted, which YAML does not read (`@` is reserved).
describe('quick fixes that name a CODEOWNERS handle quote it', () => {
  const files = { '.decisions.yaml': 'people: CODEOWNERS\n', CODEOWNERS: '* @priya\n' };
  it('owner-missing: "Make `@priya` the owner"', () => {
    const memo = 'decisions/0007-x.md';
    assertRobust({ ...files, [memo]: '---\nid: "0007"\nstatus: draft\n---\n# A memo\n' }, [memo]);
  });
  it('placeholder-left: "Replace `OWNER` with `@priya`"', () => {
    const memo = 'decisions/0007-x.md';
    assertRobust({ ...files, [memo]: '---\nid: "0007"\nstatus: draft\nowners: [OWNER]\n---\n# A memo\n' }, [memo]);
  });
});

describe('robustness properties of the authority files', () => {
  const MATRIX_FRAGMENTS = [
    '- type: api-design', '- type: vendor-contract', '- type: API-Design', '- type:', '- type: ""', '- type: [a]', '- api-design', '-', '- ', 'type: x',
    '  title: API design', '  title: [x]', '  description: long words', '  decides: owner', '  decides: priya', '  decides: Tech lead, Search',
    '  decides: nobody', '  decides: [a, b]', '  escalate-to: priya', '  escalate-to: architecture-review', '  escalate-to: "@lumen/platform"',
    '  escalate-to:', '  triggers: [cross-team, one-way]', '  triggers: cross-team', '  triggers: [spend-over:50k]', '  triggers: [spend-over]',
    '  triggers: [cros-team, costy]', '  triggers: [legal-hold]', '  triggers: ["spend-over: $1,000"]', '  triggers: {a: b}', '  triggers:',
    '    - costly', '    - spend-over:10', '  tenets: [ENG-LATENCY]', '  tenets: CO-TRUST', '  tenets: [NOPE-1]', '  colour: blue', '  ? x',
    '&a x', '*a', '<<: *a', '---', '...', '#', '[', ']', '{', '}', '"', "'", '\t', '\ufeff', '\0', '\ud800', 'é',
  ];
  const PEOPLE_FRAGMENTS = [
    '- id: priya', '- id: marco', '- id: dana', '- priya', '- "@lumen/platform"', '  role: architecture-review', '  role: [team-lead, Tech lead, Search]',
    '  role: {a: b}', '  status: left', '  status: active', '  status: gone', '  status: [left]', '  left: 2026-01-01', '  left: 2099-01-01',
    '  left: 2026-02-30', '  left: soon', '  team: search', '  name: Priya Raman', '  email: priya@lumen.example', 'people:', '#', '\0',
  ];
  const CODEOWNERS_FRAGMENTS = [
    '*', '/docs/', '\\#x', 'path\\ with\\ space', '[Section]', '^[Optional][2]', '@priya', '@lumen/platform', '@lumen/', '@-x', 'dana@lumen.example',
    'x@y', '@@', '#', '# comment @marco', '\\', '\t', '\ud800', '\0', 'é',
  ];
  const MEMO_FIELDS = [
    'status: proposed', 'status: accepted', 'status: draft', 'status: superseded', 'owners: [marco]', 'owners: [priya]', 'owners: ["@priya"]',
    'owners: [dana, marco]', 'approver: priya', 'approver: [dana]', 'approver: ""', 'approver:', 'approvers: [aiko]', 'decision-type: api-design',
    'decision-type: vendor-contract', 'decision-type: API-DESIGN', 'decision-type: api-desing', 'decision-type: [x]', 'decision_type: vendor',
    'impact: [cross-team]', 'impact: [custmer-data, legal-hold]', 'impact: cross-team', 'impact:', '  - precedent', '  - costy', 'impact: {a: 1}',
    'spend: 60000', 'spend: "$60,000"', 'spend: 60k', 'spend: 40000', 'spend: lots', 'spend: [1]', 'spend: 1e400', 'reversibility: one-way',
    'reversibility: costly', 'reversibility: two-way', 'tenets: [ENG-LATENCY]',
  ];
  const lines = (pool: string[], max: number) =>
    fc
      .array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fragment }), eol), { maxLength: max })
      .map((ls) => ls.map(([l, e]) => l + e).join(''));
  const matrixText = fc.oneof({ weight: 4, arbitrary: lines(MATRIX_FRAGMENTS, 30) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) });
  const peopleText = fc.oneof({ weight: 3, arbitrary: fc.constant(PEOPLE) }, { weight: 3, arbitrary: lines(PEOPLE_FRAGMENTS, 20) });
  const codeownersText = fc
    .array(fc.tuple(fc.array(fc.constantFrom(...CODEOWNERS_FRAGMENTS), { maxLength: 5 }).map((t) => t.join(' ')), eol), { maxLength: 12 })
    .map((ls) => ls.map(([l, e]) => l + e).join(''));
  const memoText = fc
    .tuple(fc.array(fc.constantFrom(...MEMO_FIELDS), { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
    .map(([fields, e, bom]) => (bom ? '\ufeff' : '') + ['---', 'id: "0007"', ...fields, '---', '# A memo', ''].join(e));
  const settings = fc.constantFrom('', 'codeowners: true\n', 'people: CODEOWNERS\n', 'authority: authority.yaml\n');

  it('any matrix, people, CODEOWNERS and authority fields keep every invariant, all the memo\'s fixes included', () => {
    fc.assert(
      fc.property(matrixText, peopleText, codeownersText, memoText, settings, (matrix, people, codeowners, memo, config) => {
        const files = workspace({ 'authority.yaml': matrix, 'people.yaml': people, CODEOWNERS: codeowners, 'decisions/0007-x.md': memo, ...(config ? { '.decisions.yaml': config } : {}) });
        const { result: checked, ms } = cpuTimed(() => checkFiles(files));
        expect(checked.ruleErrors).toEqual([]);
        expect(ms).toBeLessThan(BOUND_MS);
        expect(rangeProblems(checked)).toEqual([]);
        expect(fixProblems(checked, 'decisions/0007-x.md')).toEqual([]);
      }),
      runs(250),
    );
  });

  it('the parsers never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), lines(MATRIX_FRAGMENTS, 30), lines(PEOPLE_FRAGMENTS, 30), codeownersText), (text) => {
        const m = parseAuthority('authority.yaml', text);
        for (const t of m.types) expect(t.id.trim()).not.toBe('');
        parsePeople('people.yaml', text);
        parseCodeOwners('CODEOWNERS', text);
      }),
      runs(400),
    );
  });
});

describe('the language service on hostile authority files never throws', () => {
  const FILES = ['authority.yaml', 'people.yaml', 'CODEOWNERS', '.decisions.yaml', MEMO, 'decisions/0007-x.md'];

  /** Positions to ask at: each line's start and end, and a few places inside, of every line (at most 40 lines). */
  function positions(text: string): Position[] {
    const out: Position[] = [];
    text
      .replace(/^\ufeff/, '')
      .split(/\r\n|\r|\n/)
      .slice(0, 40)
      .forEach((line, i) => {
        for (const c of new Set([0, 1, Math.floor(line.length / 2), Math.max(0, line.length - 1), line.length, line.length + 5])) out.push({ line: i, character: c });
      });
    return out;
  }

  /** A request may refuse with a `ServiceError` (the user sees its message); anything else thrown is a crash. */
  function answered(request: () => unknown): void {
    try {
      request();
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
    }
  }

  async function exercise(files: Record<string, string>): Promise<void> {
    const f = await serviceOn(files);
    for (const rel of FILES) {
      const text = files[rel];
      if (text === undefined || text.length > 300_000) continue;
      f.open(rel);
      const textDocument = { uri: f.uri(rel) };
      expect(f.service.checkDocument(textDocument.uri)).toBeDefined();
      documentSymbols(f.service, { textDocument });
      documentLinks(f.service, { textDocument });
      codeLenses(f.service, { textDocument });
      const whole = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
      codeActions(f.service, { textDocument, range: whole, context: { diagnostics: [] } });
      codeActions(f.service, { textDocument, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
      for (const position of positions(text)) {
        hover(f.service, { textDocument, position });
        completion(f.service, { textDocument, position });
        definition(f.service, { textDocument, position });
        references(f.service, { textDocument, position, context: { includeDeclaration: true } });
        answered(() => prepareRename(f.service, { textDocument, position }));
      }
    }
    workspaceSymbols(f.service, { query: 'api' });
    // Edits go through the update path: the matrix turns to junk and back, the memo follows.
    if (files['authority.yaml'] !== undefined) {
      f.open('authority.yaml');
      f.edit('authority.yaml', '\0');
      f.edit('authority.yaml', '- [\n');
      f.edit('authority.yaml', files['authority.yaml']);
    }
    f.open(GOOD);
    expect(f.service.checkDocument(f.uri(GOOD))!.diagnostics.map((d) => d.rule)).toContain('date-invalid');
    f.service.dispose();
  }

  const serviceCases: Array<[string, Record<string, string>]> = [
    ['the seed workspace', workspace()],
    ...Object.entries(HOSTILE)
      .filter(([name]) => !/20,000 rows/.test(name))
      .map(([name, files]): [string, Record<string, string>] => [name, workspace(files)]),
    ...Object.entries(HOSTILE_MEMOS)
      .filter(([name]) => !/3,000 unknown|100,000/.test(name))
      .map(([name, text]): [string, Record<string, string>] => [`memo: ${name}`, workspace({ 'decisions/0007-x.md': text })]),
  ];
  for (const [name, files] of serviceCases) {
    it(name, async () => {
      await exercise(files);
    });
  }
});
