import { describe, expect, it } from 'vitest';
import { dateProblem } from '../../../server/src/core/dates';
import { check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'date-invalid';
const FILE = 'decisions/0001-cache.md';

function fired(overrides: Record<string, string | undefined>): string[] {
  const f = check({ [FILE]: goodMemo(overrides) });
  return only(f, RULE, FILE).map((d) => textAt(f, d));
}

describe('date-invalid', () => {
  it('fires at a front matter date not written as YYYY-MM-DD', () => {
    const f = check({ [FILE]: goodMemo({ date: '2026-5-1' }) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('2026-5-1');
    expect(d!.message).toBe('The memo date `2026-5-1` is not written as YYYY-MM-DD; expected a date such as 2026-05-01.');
    expect(d!.fixes).toBeUndefined();
  });

  it('fires at dates that are not on the calendar', () => {
    expect(fired({ date: '2026-02-30' })).toEqual(['2026-02-30']);
    expect(fired({ date: '2026-02-29' })).toEqual(['2026-02-29']);
    expect(fired({ date: '2026-13-01' })).toEqual(['2026-13-01']);
    expect(fired({ date: '2026-04-00' })).toEqual(['2026-04-00']);
    expect(dateProblem('2026-02-30')).toBe('The date `2026-02-30` is not a real date; expected a day from 01 to 28 in February 2026.');
  });

  it('reads numbers and quoted values as written', () => {
    expect(fired({ date: '20260501' })).toEqual(['20260501']);
    expect(fired({ date: "'2026-5-01'" })).toEqual(["'2026-5-01'"]);
    expect(fired({ date: '2026-05-01T10:00:00Z' })).toEqual(['2026-05-01T10:00:00Z']);
    expect(fired({ date: '[2026-05-01]' })).toEqual(['[2026-05-01]']);
  });

  it.each(['2026-05-01', '"2026-05-01"', '2024-02-29', '2000-02-29', ''])('does not fire on `date: %s`', (date) => {
    expect(fired({ date })).toEqual([]);
  });

  it('does not fire without a date', () => {
    expect(fired({ date: undefined })).toEqual([]);
  });

  it('checks evidence dates, which evidence-stale relies on', () => {
    const evidence = '\n  - url: https://example.com/a\n    limits: one week\n    date: 2026-04-31\n  - path: https://example.com/b\n    date: 2026-04-30';
    const f = check({ [FILE]: goodMemo({ evidence }) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(textAt(f, d!)).toBe('2026-04-31');
    expect(d!.message).toContain('The evidence date `2026-04-31`');
    expect(fired({ evidence: '{url: https://example.com/a, date: 31.04.2026}' })).toEqual(['31.04.2026']);
  });

  it('does not check dates written in the body of Nygard or MADR-2 records', () => {
    const f = check({ 'docs/adr/0002-hosting.md': '# 2. Hosting\n\nDate: 4 July 2017\n\n* Date: 2017-7-4\n\n## Status\n\nAccepted\n' });
    expect(only(f, RULE)).toEqual([]);
  });

  it('checks review dates, which review-overdue relies on', () => {
    expect(fired({ 'review-by': 'next spring', reviewed: '2026-02-30' })).toEqual(['next spring', '2026-02-30']);
    const f = check({ [FILE]: goodMemo({ revisit: '2026-13-45' }) });
    expect(only(f, RULE, FILE).map((d) => d.message)).toEqual([expect.stringContaining('The `revisit` date `2026-13-45` has no month 13')]);
    expect(fired({ 'review-by': '2026-09-30', reviewed: '2026-10-01' })).toEqual([]);
  });
});
