import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';

describe('parseMemo', () => {
  it('reads front matter fields with exact ranges', () => {
    const m = parseMemo('decisions/0007-use-x.md', '---\nstatus: Accepted\nowners: [alice, bob]\ntenets:\n  - ENG-LATENCY\n---\n# Use X\n\nClaim: We believe X because Y.\n');
    expect(m.id).toMatchObject({ value: '0007', derived: true });
    expect(m.statusValue).toBe('accepted');
    expect(m.owners.map((o) => o.value)).toEqual(['alice', 'bob']);
    expect(m.owners[1]!.range).toEqual({ start: { line: 2, character: 16 }, end: { line: 2, character: 19 } });
    expect(m.citations).toEqual([{ id: 'ENG-LATENCY', source: 'front-matter', range: { start: { line: 4, character: 4 }, end: { line: 4, character: 15 } } }]);
    expect(m.title?.value).toBe('Use X');
    expect(m.claims[0]!.text).toBe('We believe X because Y.');
  });

  it('keeps positions exact with a BOM and CRLF line ends', () => {
    const m = parseMemo('a.md', '\ufeff---\r\nowners: [alice]\r\n---\r\n\r\nSee [[CO-TRUST]] ✓ fine\r\n');
    expect(m.owners[0]!.range.start).toEqual({ line: 1, character: 9 });
    expect(m.citations[0]).toMatchObject({ id: 'CO-TRUST', source: 'inline', range: { start: { line: 4, character: 4 }, end: { line: 4, character: 16 } } });
    expect(m.verdicts[0]).toMatchObject({ id: 'CO-TRUST', verdict: 'supports' });
  });

  it('understands MADR-2 bullets and Nygard status sections', () => {
    const madr2 = parseMemo('x.md', '# T\n\n* Status: superseded by [ADR-0005](0005-foo.md)\n* Deciders: Ann, Bob\n* Date: 2020-01-02\n');
    expect(madr2.statusValue).toBe('superseded');
    expect(madr2.statusSupersededBy?.value).toBe('0005');
    expect(madr2.owners.map((o) => o.value)).toEqual(['Ann', 'Bob']);
    expect(madr2.date?.value).toBe('2020-01-02');
    const nygard = parseMemo('0002-x.md', '# 2. Hosting\n\nDate: 2017-07-04\n\n## Status\n\nAccepted\n\n## Context\n');
    expect(nygard.statusValue).toBe('accepted');
  });

  it('ignores claims and citations inside code', () => {
    const m = parseMemo('a.md', '# T\n\n```\nClaim: not this\n[[CO-TRUST]]\n```\n\n`[[ENG-X]]` inline\n');
    expect(m.claims).toEqual([]);
    expect(m.citations).toEqual([]);
  });
});
