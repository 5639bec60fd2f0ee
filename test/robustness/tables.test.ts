import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { LOG, METHOD_PEOPLE, methodMemo, SCORECARD, SHEET, swap } from '../helpers/methodMemo';
import { BOUND_MS, checkFiles, cpuTimed, fixProblems, rangeProblems } from './invariants';

// Hostile tables and method structures: ragged rows, a missing header, merged pipes, HTML in
// cells, a 20,000-row log, impossible dates, weeks that count back. Each is checked within the
// time bound, every range lies inside the document, and the user is told what is wrong, where.

const FILE = 'decisions/0001-cache.md';

function checked(memo: string) {
  const { result, ms } = cpuTimed(() => checkFiles({ [FILE]: memo, 'people.yaml': METHOD_PEOPLE }));
  expect(result.ruleErrors).toEqual([]);
  expect(rangeProblems(result)).toEqual([]);
  expect(fixProblems(result, FILE, 20)).toEqual([]);
  return { ...result, ms, on: (rule: string) => result.diagnostics.filter((d) => d.file === FILE && d.rule === rule) };
}

const lineOf = (text: string, marker: string) => text.split('\n').findIndex((l) => l.includes(marker));

describe('hostile tables in the method’s structures', () => {
  it('ragged rows: a short row lacks its cells, a long row keeps the columns it has', () => {
    const scorecard = swap(swap(SCORECARD, '| cache memory | < 80 % | daily | review |', '| cache memory |'), '| on-call pages | < 3 a week | weekly | escalate |', '| on-call pages | < 3 a week | weekly | escalate | extra | cells | here |');
    const text = methodMemo({}, { scorecard });
    const r = checked(text);
    expect(r.on('scorecard-threshold-missing').map((d) => [d.range.start.line, d.message])).toEqual([[lineOf(text, '| cache memory |'), expect.stringContaining('`cache memory` has no threshold and no cadence')]]);
  });

  it('a missing header: a log with no table, and a table whose header names no known column', () => {
    const noDelimiter = swap(LOG, '| --- | --- | --- | --- | --- | --- | --- | --- |', []);
    expect(checked(methodMemo({}, { log: noDelimiter })).on('evidence-log-incomplete').map((d) => d.message)).toEqual([expect.stringContaining('has no table')]);
    const unknownHeader = swap(LOG, LOG[2]!, '| a | b | c | d | e | f | g | h |');
    expect(checked(methodMemo({}, { log: unknownHeader })).on('evidence-log-incomplete').map((d) => d.message)).toEqual([expect.stringContaining('has no artifact, limits, date, approver column')]);
  });

  it('merged pipes leave an empty cell, reported as missing', () => {
    const log = swap(LOG, LOG[4]!, LOG[4]!.replace('| four-week window only |', '||'));
    const text = methodMemo({}, { log });
    expect(checked(text).on('evidence-log-incomplete').map((d) => d.range.start.line)).toEqual([lineOf(text, '| step 1 |')]);
  });

  it('HTML inside cells is text: read, never interpreted, and ranges stay on the cell', () => {
    const log = swap(LOG, LOG[4]!, '| step 1 | We believe <b>it</b> holds because <br> repeats. | <a href="x">report</a> | one <script>alert(1)</script> week | met | continue | 2026-04-01 | <i>bob</i> |');
    const text = methodMemo({}, { log });
    const r = checked(text);
    expect(r.on('evidence-not-found').map((d) => d.range.start.line)).toEqual([lineOf(text, '<a href="x">')]);
    expect(r.on('owner-unknown').map((d) => d.message)).toEqual([expect.stringContaining('<i>bob</i>')]);
  });

  it('a date like 2026-13-45 in a log cell, in a stage gate and in review-by is reported at the date', () => {
    const log = swap(LOG, LOG[4]!, LOG[4]!.replace('2026-04-01', '2026-13-45'));
    const sheet = swap(SHEET, '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.', '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by 2026-13-45.');
    const text = methodMemo({ 'review-by': '2026-13-45' }, { log, sheet });
    const r = checked(text);
    expect(r.on('date-invalid')).toHaveLength(3);
    for (const d of r.on('date-invalid')) expect(text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)).toBe('2026-13-45');
    expect(r.on('review-overdue')).toEqual([]);
  });

  it('a `by week -3` gate is unmeasurable, never overdue', () => {
    const sheet = swap(SHEET, '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week 2.', '- **Stage gate:** We will continue if the cache hit rate ≥ 40 % by week -3.');
    const r = checked(methodMemo({ reviewed: undefined }, { sheet }));
    expect(r.on('stage-gate-unmeasurable').map((d) => d.message)).toEqual([expect.stringContaining('`by week -3` counts back')]);
    expect(r.on('review-overdue')).toEqual([]);
  });

  it('a 20,000-row log is checked within the bound, a bad row found at its exact line', () => {
    const row = (i: number) => `| step ${i} | We believe step ${i} holds because it did. | https://example.com/slo-report | four-week window only | met | continue | 2026-04-01 | ${i === 15_000 ? '' : 'bob'} |`;
    const log = [...LOG.slice(0, 4), ...Array.from({ length: 20_000 }, (_, i) => row(i)), ''];
    const text = methodMemo({}, { log });
    const r = checked(text);
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.on('evidence-log-incomplete').map((d) => d.range.start.line)).toEqual([lineOf(text, '| step 15000 |')]);
  });

  it('a scorecard of 5,000 signals and a sheet of 5,000 feedback items stay within the bound', () => {
    const scorecard = [...SCORECARD.slice(0, 4), ...Array.from({ length: 5000 }, (_, i) => `| signal ${i} | ≤ ${i} | daily | ${i === 0 ? 'pause' : 'review'} |`), ...SCORECARD.slice(7)];
    const sheet = swap(SHEET, '  2. p95 latency of search', Array.from({ length: 5000 }, (_, i) => `  ${i + 2}. signal ${i}`));
    const r = checked(methodMemo({}, { scorecard, sheet }));
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.on('scorecard-signal-count').map((d) => d.message)).toEqual([expect.stringContaining('5000 capacity signals')]);
    expect(r.on('sheet-feedback-count').map((d) => d.message)).toEqual([expect.stringContaining('5001 signals')]);
  });

  it('the line reader and remark read an oversized section the same way', () => {
    // Over the 60,000-character limit the section is read line by line: the same rows and parts.
    const filler = Array.from({ length: 700 }, (_, i) => `| step ${i} | We believe it holds because it did, at a length that fills the section. | https://example.com/slo-report | four weeks | met | continue | 2026-04-01 | bob |`);
    const big = parseMemo(FILE, methodMemo({}, { log: [...LOG.slice(0, 5), ...filler, ''] }));
    const small = parseMemo(FILE, methodMemo({}, { log: [...LOG.slice(0, 5), ...filler.slice(0, 5), ''] }));
    expect(big.structures.logs[0]!.table!.rows).toHaveLength(701);
    expect(small.structures.logs[0]!.table!.rows.slice(0, 6).map((r) => r.cells.map((c) => c.text))).toEqual(big.structures.logs[0]!.table!.rows.slice(0, 6).map((r) => r.cells.map((c) => c.text)));
    expect([...small.structures.sheets[0]!.parts.keys()]).toEqual([...big.structures.sheets[0]!.parts.keys()]);
  });
});
