import { describe, expect, it } from 'vitest';
import { checkMemo } from '../../../server/src/core/check/checker';
import { parseMemo } from '../../../server/src/core/memo/memoParser';
import { suppressionFixes } from '../../../server/src/core/fixes/suppressionFixes';
import { applyEdits } from '../../../server/src/core/fixes/applyEdits';
import { ALL_RULES } from '../../../server/src/rules/registry';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

// Inline suppression (memo-format v2): the comments silence what they name, where they say; a
// comment that silences nothing is suppression-unused; SARIF still sees what was silenced.

const RULE = 'suppression-unused';
const FILE = 'decisions/0001-use-a-cache.md';
/** A good memo whose claim line is missing its boundary: boundary-missing fires on the claim. */
const body = (...lines: string[]) => ['# Use a cache for the search API', '', '## Relevant tenets', '', '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency of the search API.', '', ...lines, ''];
const CLAIM = 'Claim: We believe a cache keeps p95 under 200 ms because queries repeat.';
const rules = (f: ReturnType<typeof check>) => f.diagnostics.filter((d) => d.file === FILE).map((d) => d.rule);

describe('inline suppression', () => {
  it('the memo used below has exactly one problem: boundary-missing on its claim', () => {
    expect(rules(check({ [FILE]: goodMemo({}, body(CLAIM)) }))).toEqual(['boundary-missing']);
  });

  it('disable-next-line silences the named rule on the line below, and only there', () => {
    const f = check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable-next-line boundary-missing -->', CLAIM)) });
    expect(rules(f)).toEqual([]);
    const gap = check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable-next-line boundary-missing -->', '', CLAIM)) });
    expect(rules(gap)).toEqual(['suppression-unused', 'boundary-missing']);
  });

  it('with no rule named it silences every rule; several rules are separated by commas', () => {
    expect(rules(check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable-next-line -->', CLAIM)) }))).toEqual([]);
    expect(rules(check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable-next-line claim-placeholder, boundary-missing -->', CLAIM)) }))).toEqual([RULE]);
  });

  it('disable … enable silences a region, for the rules named', () => {
    expect(rules(check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable boundary-missing -->', CLAIM, '<!-- decision-memos-enable boundary-missing -->')) }))).toEqual([]);
    // Closed before the claim: the claim is reported, and the region silenced nothing.
    const closed = check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable boundary-missing -->', '<!-- decision-memos-enable boundary-missing -->', CLAIM)) });
    expect(rules(closed)).toEqual([RULE, 'boundary-missing']);
    // An enable of another rule does not close it; without an enable, it runs to the end of the file.
    expect(rules(check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable boundary-missing -->', '<!-- decision-memos-enable owner-missing -->', CLAIM)) }))).toEqual([]);
  });

  it('disable-file silences a rule anywhere, the front matter included', () => {
    const f = check({ [FILE]: goodMemo({ owners: undefined }, body(CLAIM, '<!-- decision-memos-disable-file owner-missing, boundary-missing -- the team owns it, see the wiki -->')) });
    expect(rules(f)).toEqual([]);
  });

  it('keeps what it silenced, marked with the reason, for SARIF', () => {
    const memo = parseMemo(FILE, goodMemo({}, body('<!-- decision-memos-disable-next-line boundary-missing -- the boundary is in the linked doc -->', CLAIM)));
    const f = check({ [FILE]: memo.text });
    const all = checkMemo(memo, ALL_RULES, f.ws.context(), { includeSuppressed: true });
    expect(all.filter((d) => d.suppressed).map((d) => [d.rule, d.suppressed!.justification])).toEqual([['boundary-missing', 'the boundary is in the linked doc']]);
  });

  it('a comment inside a code block is an example, not a suppression', () => {
    expect(rules(check({ [FILE]: goodMemo({}, body('```', '<!-- decision-memos-disable-file -->', '```', CLAIM)) }))).toEqual(['boundary-missing']);
  });
});

describe(RULE, () => {
  it('fires (info) on a comment that silences nothing, at the comment; on an unknown rule id, at the id', () => {
    const f = check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable-file claim-missing -->', 'Boundary: This reduces uncertainty about a; it does not prove b.', CLAIM)) });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('info');
    expect(textAt(f, d!)).toBe('<!-- decision-memos-disable-file claim-missing -->');
    expect(d!.message).toContain('silences nothing on this file');
    const typo = check({ [FILE]: goodMemo({}, body('<!-- decision-memos-disable-next-line boundary-missing, bondary-missing -->', CLAIM)) });
    const [t] = only(typo, RULE);
    expect(textAt(typo, t!)).toBe('bondary-missing');
    expect(t!.message).toContain('`bondary-missing`, which is not a rule id');
  });

  it('fix: removes the comment and its line, or only the idle rule names', () => {
    const text = goodMemo({}, body('Boundary: This reduces uncertainty about a; it does not prove b.', '<!-- decision-memos-disable-next-line -->', CLAIM));
    const f = check({ [FILE]: text });
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe(text.replace('<!-- decision-memos-disable-next-line -->\n', ''));
    expect(rules(after)).toEqual([]);
    const partial = goodMemo({}, body('<!-- decision-memos-disable-next-line bondary-missing, boundary-missing -- kept reason -->', CLAIM));
    const g = check({ [FILE]: partial });
    const p = applyFix(g, only(g, RULE)[0]!);
    expect(p.text).toContain('<!-- decision-memos-disable-next-line boundary-missing -- kept reason -->\n' + CLAIM);
    expect(rules(p.after)).toEqual([]);
  });
});

describe('suppression quick fixes', () => {
  it('"on this line" writes a disable-next-line comment above, at the line’s indentation, and the diagnostic goes', () => {
    const text = goodMemo({}, body(CLAIM));
    const f = check({ [FILE]: text });
    const d = only(f, 'boundary-missing')[0]!;
    const memo = parseMemo(FILE, text);
    const [line, file] = suppressionFixes(memo, d);
    expect(line!.title).toBe('Suppress boundary-missing on this line');
    const after = applyEdits(text, line!.edits);
    expect(after).toContain(`<!-- decision-memos-disable-next-line boundary-missing -->\n${CLAIM}`);
    expect(rules(check({ [FILE]: after }))).toEqual([]);
    expect(file!.title).toBe('Suppress boundary-missing in this file');
    expect(rules(check({ [FILE]: applyEdits(text, file!.edits) }))).toEqual([]);
    expect(line!.safe).toBeUndefined();
  });

  it('a front matter diagnostic is suppressed in the file only; a second rule joins the existing comment', () => {
    const text = goodMemo({ owners: undefined }, body(CLAIM));
    const f = check({ [FILE]: text });
    const memo = parseMemo(FILE, text);
    const owner = suppressionFixes(memo, only(f, 'owner-missing')[0]!);
    expect(owner.map((x) => x.title)).toEqual(['Suppress owner-missing in this file']);
    const once = applyEdits(text, owner[0]!.edits);
    expect(once).toContain('---\n<!-- decision-memos-disable-file owner-missing -->\n# Use a cache');
    const g = check({ [FILE]: once });
    const twice = applyEdits(once, suppressionFixes(parseMemo(FILE, once), only(g, 'boundary-missing')[0]!)[1]!.edits);
    expect(twice).toContain('<!-- decision-memos-disable-file owner-missing, boundary-missing -->');
    expect(rules(check({ [FILE]: twice }))).toEqual([]);
  });
});
