import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import {
  BOUND_MS,
  BOUNDED_INPUT_CHARS,
  checkFiles,
  cpuTimed,
  fixProblems,
  rangeProblems,
  type Checked,
} from './invariants';
import { eol, fragment, lineStartAt, memoish, memoishUniform, memoStructured, memoWithMethod, mutatedSeed, PEOPLE, SEEDS, SETTINGS_FRAGMENTS } from './generators';

// Property tests that hunt for crashes, runaway time, ranges outside the document and quick
// fixes that touch more than their own text. Inputs: arbitrary strings, lines assembled from
// fragments memos are made of, and mutations of real memos (see generators.ts). A failure
// prints fast-check's seed; FC_SEED=<seed> replays the same inputs.

/** fast-check parameters: a fixed seed when FC_SEED is set, to replay a failure. */
function runs(numRuns: number): fc.Parameters<unknown> {
  return process.env.FC_SEED ? { numRuns, seed: Number(process.env.FC_SEED) } : { numRuns };
}

const MEMO = 'decisions/0042-generated.md';

/** The workspace around a generated memo: people, a memo to supersede, an evidence file. */
function around(memoText: string): Record<string, string> {
  return {
    [MEMO]: memoText,
    'people.yaml': PEOPLE,
    'decisions/0001-old.md': '---\nid: "0001"\nstatus: superseded\nsuperseded-by: "0042"\nowners: [priya]\n---\n# Old\n',
    'evidence/search-slo-report-2026-q3.md': '# SLO report\n',
  };
}

/** Parses and checks a memo in its workspace, asserting the invariants that hold for any input. */
function assertRobust(memoText: string, options: { maxFixes?: number } = {}): Checked {
  const { result: checked, ms } = cpuTimed(() => {
    parseMemo(MEMO, memoText);
    return checkFiles(around(memoText));
  });
  expect(checked.ruleErrors).toEqual([]);
  if (memoText.length < BOUNDED_INPUT_CHARS) expect(ms, `parse + check of ${memoText.length} chars`).toBeLessThan(BOUND_MS);
  expect(rangeProblems(checked)).toEqual([]);
  if (options.maxFixes !== 0) expect(fixProblems(checked, MEMO, options.maxFixes)).toEqual([]);
  return checked;
}

// ── Properties ────────────────────────────────────────────────────────────────────────────

describe('robustness properties of the core', () => {
  it('the seeds themselves satisfy every invariant (fixes included)', () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(4);
    for (const seed of SEEDS) assertRobust(seed);
  });

  it('arbitrary strings (any code point, lone surrogates included) never break parsing or checking', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (text) => {
        assertRobust(text, { maxFixes: 4 });
      }),
      runs(150),
    );
  });

  it('memo-like documents built from memo fragments keep every invariant', () => {
    fc.assert(
      fc.property(memoish, (text) => {
        assertRobust(text, { maxFixes: 6 });
      }),
      runs(300),
    );
  });

  it('quick fixes on memo-like documents with one line end keep that line end', () => {
    fc.assert(
      fc.property(memoishUniform, (text) => {
        assertRobust(text, { maxFixes: 6 });
      }),
      runs(150),
    );
  });

  it('memos with mostly valid front matter in every YAML style keep every invariant, all their fixes included', () => {
    fc.assert(
      fc.property(memoStructured, (text) => {
        assertRobust(text);
      }),
      runs(300),
    );
  });

  it('memos with the method’s structures in any shape (ragged tables, empty labels, bad dates) keep every invariant, all their fixes included', () => {
    fc.assert(
      fc.property(memoWithMethod, (text) => {
        assertRobust(text);
      }),
      runs(200),
    );
  });

  it('mutated real memos (truncated, noisy, stray fences, brackets, mixed line ends) keep every invariant', () => {
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        assertRobust(text, { maxFixes: 8 });
      }),
      runs(300),
    );
  });

  it('a 100,000-character line anywhere in a real memo is checked within the bound', () => {
    const huge = fc.constantFrom('a', 'word ', '[[ENG-LATENCY]] ✓ ', '*', '[', '`', '- ', '> ', '{', 'é', '\ud83d\ude00', 'Claim: ');
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), huge, fc.double({ min: 0, max: 1, noNaN: true }), (seed, unit, f) => {
        const s = lineStartAt(seed, f);
        const text = seed.slice(0, s) + unit.repeat(Math.ceil(100_000 / unit.length)) + '\n' + seed.slice(s);
        assertRobust(text, { maxFixes: 2 });
      }),
      runs(12),
    );
  });
});

describe('robustness properties of the settings and tenet files', () => {
  const settingsLine = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SETTINGS_FRAGMENTS) },
    { weight: 1, arbitrary: fc.array(fragment, { maxLength: 3 }).map((p) => p.join(' ')) },
  );
  const yamlish = fc.array(fc.tuple(settingsLine, eol), { maxLength: 24 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
  const anyText = fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 300 }));
  // One deliberate problem (an impossible date) proves the memo was read and checked.
  const goodMemo = '---\nowners: [priya]\ndate: 2026-02-30\ntenets: [ENG-LATENCY]\n---\n# A memo\n\n- [[ENG-LATENCY]] ✓ fast\n';

  for (const file of ['.decisions.yaml', 'people.yaml', 'tenets.yaml', 'tenets/generated.md']) {
    it(`arbitrary ${file} never breaks the check, and the memos are still checked`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const { result: checked, ms } = cpuTimed(() => checkFiles({ [file]: text, 'decisions/0001-good.md': goodMemo }));
          expect(checked.ruleErrors).toEqual([]);
          expect(ms).toBeLessThan(BOUND_MS);
          expect(rangeProblems(checked)).toEqual([]);
          // The memo is read and checked whatever the file holds (a broken config falls back to the defaults).
          expect(checked.diagnostics.filter((d) => d.file === 'decisions/0001-good.md').map((d) => d.rule)).toContain('date-invalid');
        }),
        runs(200),
      );
    });
  }
});
