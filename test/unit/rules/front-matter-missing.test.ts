import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../../server/src/core/memo/memoParser';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'front-matter-missing';
const FILE = 'decisions/0007-trace-search.md';

describe(RULE, () => {
  it('does not fire on a memo with front matter', () => {
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
  });

  it('fires on the first line; the template quotes the all-digit id and uses the defaults when the body says nothing', () => {
    const text = '# Trace search requests\n\nWe will trace.\n';
    const f = check({ [FILE]: text });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('# Trace search requests');
    expect(d!.message).toBe('This memo has no front matter; expected a `---` block with status, owners and tenets at the top.');
    expect(d!.fixes).toHaveLength(1);
    expect(d!.fixes![0]).toMatchObject({ title: 'Insert a front matter template', isPreferred: true });
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe('---\nid: "0007"\nstatus: draft\nowners: []\ntenets: []\n---\n' + text);
    expect(only(after, RULE)).toEqual([]);
    expect(parseMemo(FILE, fixed).id).toMatchObject({ value: '0007', derived: false });
  });

  it('leaves an id that is not all digits unquoted', () => {
    const f = check({ 'decisions/trace-search.md': '# Trace search requests\n' });
    const { text } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toBe('---\nid: trace-search\nstatus: draft\nowners: []\ntenets: []\n---\n# Trace search requests\n');
  });

  it('carries over the status, deciders and date of MADR-2 bullets, so owner-missing does not appear', () => {
    const text = '# Trace search requests\n\n* Status: Accepted\n* Deciders: marco\n* Date: 2020-01-02\n\nWe will trace.\n';
    const f = check({ [FILE]: text });
    expect(only(f, 'owner-missing')).toEqual([]);
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe('---\nid: "0007"\nstatus: accepted\ndate: 2020-01-02\nowners: [marco]\ntenets: []\n---\n' + text);
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'owner-missing')).toEqual([]);
    expect(only(after, 'date-invalid')).toEqual([]);
    expect(only(after, 'status-invalid')).toEqual([]);
    const memo = parseMemo(FILE, fixed);
    expect(memo.statusValue).toBe('accepted');
    expect(memo.status!.from).toBe('front-matter');
    expect(memo.owners.map((o) => o.value)).toEqual(['marco']);
  });

  it('quotes owner names that YAML would misread, and keeps several deciders', () => {
    const text = '# Trace\n\n* Deciders: Ann Smith, @bob, true, 12\n';
    const f = check({ [FILE]: text });
    const { text: fixed } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe('---\nid: "0007"\nstatus: draft\nowners: [Ann Smith, "@bob", "true", "12"]\ntenets: []\n---\n' + text);
    expect(parseMemo(FILE, fixed).owners.map((o) => o.value)).toEqual(['Ann Smith', '@bob', 'true', '12']);
  });

  it('carries over a Nygard status section and date line, with CRLF line ends', () => {
    const text = '# 7. Trace search requests\r\n\r\nDate: 2017-07-04\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n## Context\r\n';
    const f = check({ [FILE]: text });
    const { text: fixed } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe('---\r\nid: "0007"\r\nstatus: proposed\r\ndate: 2017-07-04\r\nowners: []\r\ntenets: []\r\n---\r\n' + text);
  });

  it('keeps the successor of a MADR `Superseded by` status as `superseded-by`', () => {
    const text = '# Trace\n\n* Status: Superseded by [ADR-0009](0009-otel.md)\n* Deciders: marco\n';
    const f = check({ [FILE]: text, 'decisions/0009-otel.md': goodMemo({ id: '"0009"', supersedes: '["0007"]' }) });
    expect(only(f, 'supersede-broken')).toEqual([]);
    const { text: fixed, after } = applyFix(f, only(f, RULE, FILE)[0]!);
    expect(fixed).toBe('---\nid: "0007"\nstatus: superseded\nsuperseded-by: "0009"\nowners: [marco]\ntenets: []\n---\n' + text);
    expect(only(after, 'supersede-broken')).toEqual([]);
  });

  it('falls back to the defaults for an unknown status and a date that is not a real YYYY-MM-DD day', () => {
    for (const [status, date] of [
      ['Approved-ish', '2020-02-30'],
      ['Draft', '2 January 2020'],
    ]) {
      const text = `# Trace\n\n* Status: ${status}\n* Date: ${date}\n`;
      const f = check({ [FILE]: text });
      const { text: fixed } = applyFix(f, only(f, RULE)[0]!);
      expect(fixed).toBe('---\nid: "0007"\nstatus: draft\nowners: []\ntenets: []\n---\n' + text);
    }
  });
});
