import { describe, expect, it } from 'vitest';
import { check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'evidence-stale';
const FILE = 'decisions/0001-cache.md';
// TODAY in the helper is 2026-06-01.
const dated = (date: string) => goodMemo({ evidence: `\n  - url: https://example.com/slo\n    limits: one week\n    date: ${date}` });

describe(RULE, () => {
  it('fires on an artifact dated more than maxAgeDays ago, at the date, as info', () => {
    const f = check({ [FILE]: dated('2025-05-31') });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('info');
    expect(textAt(f, d!)).toBe('2025-05-31');
    expect(d!.message).toBe(
      'This artifact is dated 2025-05-31, 366 days before today; expected evidence at most 365 days old (refresh it, or confirm it still holds and update the date).',
    );
  });

  it('does not fire at exactly maxAgeDays, on recent or future dates, or without a date', () => {
    for (const date of ['2025-06-01', '2026-05-31', '2026-06-01', '2027-01-01']) expect(only(check({ [FILE]: dated(date) }), RULE), date).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ evidence: '[https://example.com/a]' }) }), RULE)).toEqual([]);
  });

  it('leaves dates it cannot read to date-invalid, without throwing', () => {
    for (const date of ['2020-02-30', '2020-13-01', 'last spring', '20200101', 'YYYY-MM-DD', '[2020-01-01]', '{y: 2020}']) {
      const f = check({ [FILE]: dated(date) });
      expect(only(f, RULE), date).toEqual([]);
    }
  });

  it('reads a quoted date', () => {
    expect(only(check({ [FILE]: dated('"2020-01-01"') }), RULE)).toHaveLength(1);
  });

  it('uses maxAgeDays from .decisions.yaml', () => {
    const f = check({ [FILE]: dated('2026-04-01'), '.decisions.yaml': 'evidence:\n  maxAgeDays: 30\n' });
    expect(only(f, RULE)[0]!.message).toContain('61 days before today; expected evidence at most 30 days old');
  });

  it('checks drafts and memos without a status, but not closed records', () => {
    expect(only(check({ [FILE]: goodMemo({ status: 'draft', evidence: '\n  - url: https://x.org\n    date: 2020-01-01' }) }), RULE)).toHaveLength(1);
    expect(only(check({ [FILE]: goodMemo({ status: undefined, evidence: '\n  - url: https://x.org\n    date: 2020-01-01' }) }), RULE)).toHaveLength(1);
    for (const status of ['rejected', 'deprecated', 'superseded']) {
      expect(only(check({ [FILE]: goodMemo({ status, evidence: '\n  - url: https://x.org\n    date: 2020-01-01' }) }), RULE), status).toEqual([]);
    }
  });

  it('reports each stale artifact of a list', () => {
    const f = check({ [FILE]: goodMemo({ evidence: '\n  - url: https://x.org/a\n    date: 2020-01-01\n  - {url: https://x.org/b, date: 2024-01-01}\n  - url: https://x.org/c\n    date: 2026-01-01' }) });
    expect(only(f, RULE).map((d) => textAt(f, d))).toEqual(['2020-01-01', '2024-01-01']);
  });
});
