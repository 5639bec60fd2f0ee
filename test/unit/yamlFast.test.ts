import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../server/src/core/memo/frontMatter';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { parseSimpleYaml } from '../../server/src/core/yaml/yamlFast';
import { parseYamlWithLibrary } from '../../server/src/core/yaml/yamlTree';

// The fast path must never disagree with the `yaml` library: whenever it answers, its tree
// (kinds, values, sources, every range) is the library path's, and the library found no problem.

/** Parses `yaml` placed after `prefix` both ways; true when the fast path answered. */
function agree(yaml: string, prefix = ''): boolean {
  const lines = new LineIndex(prefix + yaml);
  const fast = parseSimpleYaml(yaml, lines, prefix.length);
  if (!fast) return false;
  expect(fast).toStrictEqual(parseYamlWithLibrary(yaml, lines, prefix.length));
  return true;
}

// Mostly values of the subset, with a share of everything around its edges.
const KEYS = ['id', 'title', 'status', 'date', 'owners', 'tenets', 'evidence', 'superseded-by', 'a', 'b', 'x_y', 'k.v', '1st', '_', 'e1'];
const ODD_KEYS = ['true', 'null', '0007', '1e3', 'Yes', '1.5', '0x1'];
const SCALARS = [
  'plain text', 'accepted', '0007', '1e3', '1E-2', 'yes', 'No', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'tRue', '2026-05-01', '2026-02-30',
  "'it''s'", "''", "'a: b # c'", '"a\\"b"', '"\\u00e9"', '"\\x41\\U0001F600\\t\\\\"', '""', '"a # b"', '"  spaced  "', '"\\uD83D"',
  'a # c', 'a #', 'a#b', 'http://x:80/y', 'a:b', '10:30', '-1', '-0', '+1', '.5', '1.50', '0.', '1_000', '12345678901234567890', '0x1F', '0o17', '0o8', '0xG',
  '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '😀 emoji', 'é', 'x]', 'b,c', 'x{y}', '-x', ':x', '?x', '--', '---', '...', 'a  b', 'trailing  ',
  "Chair's notes; two absent.", '10 % sample', 'a:#b', 'a:,b', 'a:[b]', '-#', '?#', ':#', '-[x]', ':,', 'd\\e',
];
const ODD_SCALARS = [
  '"\\q"', '"\\"', '"\\U00110000"', 'a: b', 'a:', 'x: y: z', '[a]', '{a: 1}', '&a x', '*a', '!tag x', '!!str 1', '|', '>-',
  '%x', '@x', '`x`', '"unclosed', "'unclosed", '"x" y', "'x'y", '"x"#c', '- x', '-', '? x', ': x',
];
const FLOW_ITEMS = ['a', 'b c', 'a:#b', '-x', ':x', 'x:-', '"q"', "'s'", '"a,b"', '-1', 'ENG-X', 'x:y', 'http://x/y', '~', 'null', '1e3', 'a#b', 'lena@x.example', '?x', ' spaced '];
const ODD_FLOW_ITEMS = ['a:', 'a: b', 'a:,b', 'a:]', ':#', '-#', '?', '"k":v', '[n]', '{m}', '', '#h', 'a #b', '-'];
const COMMENTS = ['# c', '#', '#x', '# a: b', '# - item'];
const GARBAGE = [
  '\tkey: tab', 'key:\tv', 'a: b: c', '? x', '&a x: 1', 'k: *a', 'k: !t v', 'k: |', '  line of a block', 'k: {a: 1}', '---', '...', '%YAML 1.2', 'k: "open', "k: 'open",
  '- ', '-', 'k: - x', 'continuation', '"q": 1', "'q': 1", 'k:v', 'k :v', ' k: v', 'k: [a,', 'k: [a, [b]]', 'k: a\u2028b', 'k: \ufeffx', '<<: x', 'k: v\r',
];

const indent = (n: number) => ' '.repeat(n);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
/** Usually one of `usual`, now and then one of `odd`. */
const mostly = <T>(usual: readonly T[], odd: readonly T[], oddOneIn = 15) =>
  fc.oneof({ weight: oddOneIn - 1, arbitrary: pick(usual) }, { weight: 1, arbitrary: pick(odd) });
const trailingComment = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, pick(COMMENTS).map((c) => ` ${c}`), pick(COMMENTS).map((c) => `   ${c}`));
const flowSeq = fc
  .tuple(fc.array(mostly(FLOW_ITEMS, ODD_FLOW_ITEMS), { maxLength: 4 }), pick([', ', ',', ' , ']), fc.boolean(), fc.boolean())
  .map(([items, sep, pad, trailingComma]) => `[${pad ? ' ' : ''}${items.join(sep)}${trailingComma ? ',' : ''}${pad ? ' ' : ''}]`);
const inlineValue = fc.oneof({ weight: 4, arbitrary: mostly(SCALARS, ODD_SCALARS) }, { weight: 1, arbitrary: flowSeq });
/** Lines between nodes: comments at any indent, blank lines, or nothing. */
const gap = fc.array(fc.oneof(fc.tuple(fc.nat(6), pick(COMMENTS)).map(([n, c]) => indent(n) + c), pick(['', '   '])), { maxLength: 2 });
const keyLine = (n: number) =>
  fc.tuple(mostly(KEYS, ODD_KEYS, 60), pick([' ', '  ']), inlineValue, trailingComment).map(([k, sep, v, c]) => `${indent(n)}${k}:${sep}${v}${c}`);
const emptyKeyLine = (n: number) => fc.tuple(mostly(KEYS, ODD_KEYS, 60), pick(['', ' ', ' # c'])).map(([k, rest]) => `${indent(n)}${k}:${rest}`);

/** A block list at column `n`: scalar items, or mappings whose keys line up after `-` and one to three spaces. */
const blockSeq = (n: number, depth: number): fc.Arbitrary<string[]> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(inlineValue, trailingComment, gap).map(([v, c, g]) => [`${indent(n)}- ${v}${c}`, ...g]) },
        { weight: 2, arbitrary: pick(['- ', '- ', '- ', '-  ', '-   ']).chain((dash) => itemMap(n, dash, depth)) },
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((items) => items.flat());

/** A mapping as a list item: its first entry on the `-` line, the others (now and then misaligned) below. */
const itemMap = (n: number, dash: string, depth: number): fc.Arbitrary<string[]> => {
  const col = n + dash.length;
  const sibling = fc.oneof({ weight: 8, arbitrary: entry(col, depth + 1) }, { weight: 1, arbitrary: entry(col + 1, depth + 1) });
  return fc
    .tuple(entry(col, depth + 1), fc.array(fc.tuple(sibling, gap), { maxLength: 3 }), gap)
    .map(([first, rest, g]) => [indent(n) + dash + first[0]!.slice(col), ...first.slice(1), ...rest.flatMap(([e, g2]) => [...e, ...g2]), ...g]);
};

/** One entry of a mapping at column `n`, with the lines under it. */
const entry = (n: number, depth: number): fc.Arbitrary<string[]> => {
  const options: fc.Arbitrary<string[]>[] = [keyLine(n).map((l) => [l]), keyLine(n).map((l) => [l]), emptyKeyLine(n).map((l) => [l])];
  if (depth < 3) {
    options.push(
      fc.tuple(emptyKeyLine(n), gap, pick([n, n + 2, n + 4]).chain((m) => blockSeq(m, depth + 1))).map(([k, g, items]) => [k, ...g, ...items]),
      fc
        .tuple(emptyKeyLine(n), gap, pick([1, 2, 2, 2, 4]), fc.array(gap, { minLength: 1, maxLength: 3 }))
        .chain(([k, g, d, gaps]) =>
          fc
            .tuple(...gaps.map(() => fc.oneof({ weight: 10, arbitrary: entry(n + d, depth + 1) }, { weight: 1, arbitrary: entry(n + d + 1, depth + 1) })))
            .map((subs) => [k, ...g, ...subs.flatMap((sub, i) => [...sub, ...gaps[i]!])]),
        ),
    );
  }
  return fc.oneof(...options);
};

const document = fc
  .tuple(
    gap,
    fc.oneof({ weight: 5, arbitrary: fc.array(fc.tuple(entry(0, 0), gap), { minLength: 1, maxLength: 8 }).map((es) => es.flatMap(([e, g]) => [...e, ...g])) }, { weight: 1, arbitrary: blockSeq(0, 0) }),
    fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, fc.tuple(fc.nat(60), pick(GARBAGE), fc.nat(3)).map((g) => [g])),
  )
  .map(([lead, body, garbage]) => {
    const lines = [...lead, ...body];
    for (const [at, g, n] of garbage) lines.splice(at % (lines.length + 1), 0, indent(n) + g);
    return lines;
  });
const lineEnd = pick(['\n', '\n', '\r\n']);
const prefix = pick(['', '---\n', '---\r\n', 'x\r\n---\n']);

describe('simple YAML fast path', () => {
  it('agrees with the yaml library on generated front matter, and answers for most that the library reads cleanly', () => {
    let clean = 0;
    let answered = 0;
    fc.assert(
      fc.property(document, lineEnd, fc.boolean(), prefix, (lines, eol, finalEol, pre) => {
        const yaml = lines.join(eol) + (finalEol ? eol : '');
        if (agree(yaml, pre)) answered++;
        if (parseYamlWithLibrary(yaml, new LineIndex(yaml), 0).problems.length === 0) clean++;
      }),
      { numRuns: 6000 },
    );
    // The rest is what the subset leaves out on purpose: odd keys, tags, anchors, flow maps, odd indents.
    expect(answered / clean).toBeGreaterThan(0.75);
  });

  it('agrees with the yaml library on random character soup', () => {
    const pieces = ['a', 'b', '1', ' ', '  ', '-', '- ', ':', ': ', 'k: ', '#', ' #', '[', ']', ',', '"', "'", '\\', '\n', '\r\n', '\n  ', '\n- ', '~', '.', 'é'];
    fc.assert(
      fc.property(fc.array(pick(pieces), { maxLength: 30 }), (parts) => {
        agree(parts.join(''));
      }),
      { numRuns: 6000 },
    );
  });

  it('answers and agrees for the example workspace front matter and people directory', () => {
    const root = path.resolve(__dirname, '../../examples/workspace');
    const memos = fs.readdirSync(path.join(root, 'decisions'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const fellBack: string[] = [];
    let frontMatters = 0;
    for (const f of memos) {
      const lines = new LineIndex(fs.readFileSync(path.join(root, 'decisions', f), 'utf8'));
      const fm = readFrontMatter(lines);
      if (!fm || fm.unclosed) continue;
      frontMatters++;
      if (!agree(lines.text.slice(fm.contentStart, fm.contentEnd), lines.text.slice(0, fm.contentStart))) fellBack.push(f);
    }
    expect(frontMatters).toBeGreaterThan(25);
    // Only the memo whose front matter is invalid on purpose (`title: Nightly export: keep …`).
    expect(fellBack).toEqual(['problems/0104-invalid-front-matter.md']);
    expect(agree(fs.readFileSync(path.join(root, 'people.yaml'), 'utf8'))).toBe(true);
    // Outside the subset: a flow mapping (`required: { … }`) and folded block scalars (`>-`).
    expect(agree(fs.readFileSync(path.join(root, '.decisions.yaml'), 'utf8'))).toBe(false);
    expect(agree(fs.readFileSync(path.join(root, 'tenets/company.yaml'), 'utf8'))).toBe(false);
  });

  it('ends block collections where the library does, around comments and blank lines', () => {
    const cases = [
      'a: x\n  # a deeper comment joins x\n\n  # so does this one\n# not this one\n',
      'a:\n  - b: x\n   # kept by the list (column 3 is right of its 2), not by the mapping at 4\n',
      'a:\n  b:\n    c:\n      - x\n      # kept by the list, which then ends where `d` starts\n  d: 1\n',
      'a:\n  b: 1\n  c:\n# the empty value of c holds this\n\n',
      'a:\n  b: 1\n  c:\nd: 2\n',
      'a:\n- x\n# a list at column 0 hands this to its parent\nb: 1\n',
    ];
    for (const yaml of cases) expect(agree(yaml)).toBe(true);
  });

  it('reads the core schema as the yaml library does', () => {
    const read = (yaml: string) => {
      const parsed = parseSimpleYaml(yaml, new LineIndex(yaml), 0);
      const root = parsed?.root;
      return root?.kind === 'map' && root.entries[0]!.value?.kind === 'scalar' ? root.entries[0]!.value : undefined;
    };
    expect(read('a: 0007')).toMatchObject({ value: 7, source: '0007' });
    expect(read('a: 2026-05-01')).toMatchObject({ value: '2026-05-01' });
    expect(read('a: yes')).toMatchObject({ value: 'yes' });
    expect(read("a: 'it''s'  # c")).toMatchObject({ value: "it's", range: { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } } });
  });

  it('gives up on what only the library can read', () => {
    for (const yaml of ['a: &x 1\nb: *x\n', 'a: !t x\n', 'a: |\n  x\n', 'a: {b: 1}\n', '? a\n: b\n', 'a: 1\na: 2\n', '\ta: 1\n', 'a: b: c\n', 'a: b\n  c\n', 'a:\n  -\n', '---\na: 1\n', 'a: "x\n  y"\n']) {
      expect(parseSimpleYaml(yaml, new LineIndex(yaml), 0)).toBeUndefined();
    }
  });
});
