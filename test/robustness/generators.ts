import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

// Generators for the robustness properties: fragments memos are made of, memo-like documents
// built from them, and mutations of real memos (copied into ./seeds so the suite does not
// change when the example workspace does).

const SEEDS_DIR = path.join(__dirname, 'seeds');

/** The seed memos, in file name order. */
export const SEEDS = fs
  .readdirSync(SEEDS_DIR)
  .filter((f) => /^\d{4}-.*\.md$/.test(f))
  .sort()
  .map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));

/** The people directory of the example workspace (owner fixes suggest its names). */
export const PEOPLE = fs.readFileSync(path.join(SEEDS_DIR, 'people.yaml'), 'utf8');

/** Pieces memos are made of, plus the characters that break naive parsers. */
export const FRAGMENTS = [
  '---', '...', 'key: value', 'id: "0042"', 'id: 0042', 'title: A: b', 'status: proposed', 'status: accepted', 'status: superseded by 0001',
  'status: [x]', 'owners: [priya]', 'owners:', 'owner: nobody', 'deciders: Ann, Bob', '  - marco', '- priya', 'approver: dana', 'approver:',
  'date: 2026-02-30', 'date: 2026-01-01', 'reversibility: one-way', 'reversibility: costly', 'scope: search', 'tenets: [ENG-LATENCY]',
  'tenets: CO-TRUST', 'tenets:', '  - CO-TRUST', '  - NOPE-1', 'evidence:', 'evidence: []', '  - path: evidence/search-slo-report-2026-q3.md',
  '    limits: one week only', '    date: 2020-01-01', '  - https://example.com/r', '  - ../outside.md', '  - /etc/passwd', '  - C:\\x',
  '  - missing.md', '  - {path: a.md}', 'supersedes: "0001"', 'superseded-by: [0099]', '&a x', '*a', '<<: *a', '? complex', ': value',
  '# Title', '## Relevant tenets', '## Status', 'Accepted', '[[ENG-LATENCY]]', '- [[CO-TRUST]] ✓ it keeps trust', '- [[NOPE-1]] ✗ no',
  '[[PROD-SIMPLE]] ✔', 'Claim: We believe X because Y.', 'Claim:', 'Claim: We believe OUTCOME because SIGNALS.',
  'Boundary: This reduces uncertainty about X; it does not prove Y.', '**Claim:** We believe a because b.', '* Status: accepted',
  '* Deciders: priya', '* Date: 2026-01-01', 'latency api performance trust privacy', '✓', '✗', '[', ']', '[[', ']]', '{', '}', '(', ')',
  '|', '| a | b |', '|---|---|', '- ', '-', '#', '```', '```yaml', '~~~', '`code`', '"', "'", '\t', '  ', '> quote', '>', '<div>', '<!--',
  '\\', '\u00a0', '\u200b', '\u2028', '\ud83d\ude00', '\ud800', 'é', '\ufeff', '\0',
];

export const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
export const line = fc.array(fragment, { minLength: 0, maxLength: 3 }).chain((parts) => fc.constantFrom(parts.join(''), parts.join(' ')));
export const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A memo-like document: optional BOM, optional front matter fences, fragment lines with mixed line ends. */
export const memoish = fc
  .record({
    bom: fc.boolean(),
    frontMatter: fc.constantFrom('none', 'closed', 'unclosed'),
    head: fc.array(fc.tuple(line, eol), { maxLength: 12 }),
    body: fc.array(fc.tuple(line, eol), { maxLength: 20 }),
    fenceEol: eol,
  })
  .map(({ bom, frontMatter, head, body, fenceEol }) => {
    const join = (ls: [string, string][]) => ls.map(([l, e]) => l + e).join('');
    const open = frontMatter === 'none' ? '' : '---' + fenceEol;
    const close = frontMatter === 'closed' ? '---' + fenceEol : '';
    return (bom ? '\ufeff' : '') + open + join(head) + close + join(body);
  });

/** A consistent-line-end memo, so fixes can be held to the document's line end. */
export const memoishUniform = fc.tuple(memoish, fc.constantFrom('\n', '\r\n', '\r')).map(([text, e]) => text.replace(/\r\n|\r|\n/g, e));

// Mutations of real memos. Each takes the text and fast-check's numbers, and returns new text.
type Mutation = (text: string) => string;

const at = (text: string, fraction: number) => Math.floor(fraction * text.length);
export const lineStartAt = (text: string, fraction: number) => {
  const i = text.lastIndexOf('\n', at(text, fraction));
  return i < 0 ? 0 : i + 1;
};

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Truncation at any offset (an editor buffer mid-typing, a partial write).
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (t: string) => t.slice(0, at(t, f))),
  // Byte noise: a few characters inserted or overwritten anywhere.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.boolean()).map(
    ([f, s, overwrite]) => (t: string) => t.slice(0, at(t, f)) + s + t.slice(at(t, f) + (overwrite ? s.length : 0)),
  ),
  // A stray fence line.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('---\n', '...\n', '```\n', '---')).map(
    ([f, fence]) => (t: string) => t.slice(0, lineStartAt(t, f)) + fence + t.slice(lineStartAt(t, f)),
  ),
  // Random brackets and quotes.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('[', ']', '[[', ']]', '{', '}', '"', "'", '|', '>', '&', '*', '!', '%')).map(
    ([f, b]) => (t: string) => t.slice(0, at(t, f)) + b + t.slice(at(t, f)),
  ),
  // Mixed line ends: every line end replaced by one picked from the seed.
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }).map((ends) => (t: string) => {
    let i = 0;
    return t.replace(/\r\n|\r|\n/g, () => ends[i++ % ends.length]!);
  }),
  // A line removed or duplicated.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([f, dup]) => (t: string) => {
    const s = lineStartAt(t, f);
    const e = t.indexOf('\n', s);
    const end = e < 0 ? t.length : e + 1;
    return dup ? t.slice(0, end) + t.slice(s, end) + t.slice(end) : t.slice(0, s) + t.slice(end);
  }),
  // A BOM.
  fc.constant((t: string) => '\ufeff' + t),
);

export const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, ms]) => ms.reduce((t, m) => m(t), seed));

/** Values each front matter key may take, in the styles writers use (flow, block, quoted, empty, wrong). */
const FIELD_VALUES: Record<string, string[]> = {
  id: ['"0042"', '0042', "'0042'", '"0001"'],
  title: ['A decision', '"Quoted: title"', "'It''s quoted'", ''],
  status: ['proposed', 'accepted', 'Accepted', 'draft', 'rejected', 'superseded by 0001', 'acepted', 'Pending', '', '[proposed]', '{a: b}'],
  date: ['2026-01-01', '2026-02-30', '"2026-01-01"', '01/02/2026', '', '2026-1-1'],
  owners: ['[priya]', 'priya', '[]', '', '\n  - priya', '\n  - nobody', '[priya, nobdy]', '\n- marco', 'priya.raman@lumen.example', '\n  - id: priya'],
  owner: ['priya', 'nobody'],
  deciders: ['Ann, Bob', '[marco]'],
  approver: ['dana', '', '[dana]', 'nobody', '\n  - dana'],
  consulted: ['[tomas, aiko]', '\n  - sam'],
  reversibility: ['one-way', 'costly', 'two-way', 'One way', 'sometimes', ''],
  scope: ['search', 'product', 'engineering', 'company', 'sales'],
  tenets: ['[ENG-LATENCY]', '[]', '', 'CO-TRUST', '\n  - CO-TRUST\n  - ENG-LATNCY', '[CO-SPEED, PROD-SIMPLE]', '[eng-latency]', '\n  - id: CO-TRUST', '[ENG-LATENCY, ]'],
  evidence: [
    '', '[]', 'report.md', '\n  - evidence/search-slo-report-2026-q3.md', '\n  - path: missing.md\n    limits: x', '\n  - url: https://example.com/r\n    date: 2020-01-01',
    '[a.md, {path: b.md}]', '\n  - ../x.md', '\n  - {url: https://example.com/y}', '\n  - path: evidence/search-slo-report-2026-q3.md\n    limits: LIMITATION\n    date: 2026-13-01',
    '\n  -\n  - PATH-OR-URL', '\n  - https://example.com/a\n  - https://example.com/a', '{path: x.md}',
  ],
  supersedes: ['"0001"', '[0001]', '0099', '', '\n  - "0001"'],
  'superseded-by': ['0099', '[]', '"0001"'],
};

/** A front matter line or block: `key: value` (value possibly spanning lines), a comment, or a blank line. */
const fieldLine = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...Object.keys(FIELD_VALUES)).chain((k) => fc.constantFrom(...FIELD_VALUES[k]!).map((v) => `${k}:${v.startsWith('\n') || v === '' ? '' : ' '}${v}`)) },
  { weight: 1, arbitrary: fc.constantFrom('# a comment', '', 'tags: [x, y] # trailing comment') },
);

/** Lines of the method's structures, well-formed and not: headings, labelled parts, table rows (ragged, merged pipes, HTML, bad dates). */
const METHOD_LINES = [
  '## Alignment sheet', '## Scorecard: step 2', '## Scorecard', '### Evidence log', '- **Aim:** fewer retries', '- **Aim:** ___', '- **Aim:**',
  '- **Mechanism:** We believe a will move b because c.', 'Mechanism: a feature', '- **Feedback signals:**', '  1. hit rate (leading)', '  2. p95', '1. errors',
  'Feedback: a, b and c', '- **Stage gate:** We will continue if x ≥ 40 % by week 2.', '- **Stage gate (2 weeks):** if x by week -3.', 'Stage gate: by 2026-13-45',
  '- **Guardrail:** errors stay below 0.1 %.', '- **Guardrail:** SIGNALS stays below X.', '- **Owner and cadence:** priya, weekly', 'Owner: nobody', 'Cadence:',
  '- **Decision owner:** priya', '- **Escalation path:** tomas, then nobody → dana', 'Invalidated if: p95 above 300 ms.', 'Invalidated if:', '**Invalidation:** ___',
  '| Capacity signal | Threshold | Cadence | When crossed |', '| Signal | Threshold |', '| --- | --- | --- | --- |', '|---|', '| queue | ≤ 5 | daily | pause |',
  '| queue |', '| a || b | c |', '| x | y | z | w | v | u |', '| <b>x</b> | <br> | <script>alert(1)</script> | do not pause |',
  '| Dependency | Owner | Monitoring |', '| cluster | team-search | |', '| Scale step | Claim | Evidence artifact | Quality limits | Threshold status | Decision | Date | Approver |',
  '| s1 | We believe a because b. | evidence/search-slo-report-2026-q3.md | one week | met | continue | 2026-04-01 | priya |',
  '| s2 | c | missing.md | | met | | 2026-13-45 | nobody |', '| s3 | c | [r](../outside.md) | LIMITATION | met | pending | YYYY-MM-DD | APPROVER |',
  '| s4 | c | `https://example.com/r` | x | met | open | 2020-01-01 | |', '|', '||', '| \\| escaped | pipe |',
];

/** Body lines of a memo: the fragments, weighted toward sections, verdicts, claims and code fences. */
const bodyLine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('# A decision', '## Relevant tenets', '## Context', '', '', 'Prose about latency and trust.', '```', '~~~', '<!--', '-->', '<div>') },
  { weight: 3, arbitrary: fc.constantFrom('- [[ENG-LATENCY]] ✓ fast', '- [[CO-TRUST]]', '[[PROD-SIMPLE]] ✗ no', '* [[CO-SPEED]] ✓', '- [[NOPE-1]]', 'Claim: We believe a because b.', 'Claim: We believe OUTCOME because SIGNALS.', 'Boundary: This reduces uncertainty about X; it does not prove Y.', '> Claim: We believe c because d.') },
  { weight: 3, arbitrary: fc.constantFrom(...METHOD_LINES) },
  { weight: 1, arbitrary: line },
);

/**
 * A memo whose front matter is mostly valid YAML (keys from FIELD_VALUES in any order, the whole
 * mapping sometimes indented), so that the quick fixes that edit YAML are exercised, with one
 * line end throughout or a mix.
 */
export const memoStructured = fc
  .record({
    fields: fc.array(fieldLine, { maxLength: 12 }),
    indent: fc.constantFrom('', '', '', '  '),
    body: fc.array(bodyLine, { maxLength: 16 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    // One memo in five mixes \n and \r\n, line by line.
    mixed: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    mix: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
    bom: fc.boolean(),
  })
  .map(({ fields, indent, body, eol: e, mixed, mix, bom }) => {
    const fm = fields.join('\n').split('\n').map((l) => (l === '' ? l : indent + l));
    const text = ['---', ...fm, '---', ...body].join('\n') + '\n';
    let n = 0;
    const withEol = mixed ? text.replace(/\n/g, () => (mix[n++ % mix.length] ? '\r\n' : '\n')) : text.replace(/\n/g, e);
    return (bom ? '\ufeff' : '') + withEol;
  });

/**
 * Lines that settings and tenet files are made of (config keys, people, YAML and markdown
 * tenets), none of which turns off a rule or moves the memos, so a memo beside them is still
 * checked the same way.
 */
export const SETTINGS_FRAGMENTS = [
  'memos: ["decisions/**/*.md"]', 'memos: decisions/**/*.md', 'ignore: ["**/README.md"]', 'tenets: ["tenets/**/*.md", "tenets.yaml"]', 'people: people.yaml',
  'people: ../people.yaml', 'evidence:', '  required: {two-way: 0, costly: 1, one-way: 2}', '  maxAgeDays: 30', 'rules:', '  owner-missing: off', '  tenet-relevant-uncited: error',
  '- priya', '- id: priya', '  name: Priya', '  email: priya@example.com', 'people:', '- id: CO-TRUST', '- id: T-1', '  layer: company', '  layer: team', '  layer: nonsense',
  '  parent: CO-TRUST', '  parent: T-1', '  function: engineering', '  status: retired', '  tags: [latency, trust]',
  '  statement: When growth and trust conflict, we choose trust over growth because trust lasts.', '  statement: Be excellent.', 'tenets:',
  '## ENG-LATENCY: latency over throughput', '## T-1', '## not-an-id', 'layer: function', 'parent: CO-TRUST', 'tags: [api]', '',
  'When latency and throughput conflict, we choose latency over throughput because users wait.',
];

/**
 * A real memo with the method's structures rebuilt at random: sections of labelled parts and table
 * rows in any order, with one line end throughout. Rules that read tables see ragged rows, rows
 * before any header, merged pipes, HTML and impossible dates.
 */
export const memoWithMethod = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    sections: fc.array(fc.array(fc.constantFrom(...METHOD_LINES), { maxLength: 14 }), { minLength: 1, maxLength: 4 }),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ seed, sections, eol: e }) => (seed.replace(/\r\n?/g, '\n') + '\n' + sections.map((lines) => lines.join('\n')).join('\n\n') + '\n').replace(/\n/g, e));
