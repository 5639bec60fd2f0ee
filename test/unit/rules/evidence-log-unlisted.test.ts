import { describe, expect, it } from 'vitest';
import { applyFix, check, only, textAt } from '../../helpers/memoWorkspace';
import { LOG, methodMemo, METHOD_PEOPLE, swap } from '../../helpers/methodMemo';

const RULE = 'evidence-log-unlisted';
const FILE = 'decisions/0001-cache.md';
const ROW = '| step 1 | We believe the cache holds because repeats are common. | https://example.com/slo-report | four-week window only | met | continue | 2026-04-01 | bob |';
const withArtifact = (cell: string) => swap(LOG, ROW, ROW.replace('https://example.com/slo-report', cell));

describe(RULE, () => {
  it('fires (info) on a log artifact the front matter does not cite, at its cell; backticks and links read as the path', () => {
    for (const cell of ['`reports/load-test.md`', '[load test](reports/load-test.md)', 'reports/load-test.md']) {
      const f = check({ [FILE]: methodMemo({}, { log: withArtifact(cell) }), 'people.yaml': METHOD_PEOPLE, 'reports/load-test.md': '# load\n' });
      const [d] = only(f, RULE);
      expect(d!.severity).toBe('info');
      expect(textAt(f, d!)).toBe(cell);
    }
  });

  it('compares resolved paths: the same file named from the memo folder and from the root is listed', () => {
    const f = check({ [FILE]: methodMemo({ evidence: '\n  - path: ../reports/load-test.md\n    limits: one run' }, { log: withArtifact('reports/load-test.md') }), 'people.yaml': METHOD_PEOPLE, 'reports/load-test.md': '# load\n' });
    expect(only(f, RULE)).toEqual([]);
  });

  it('fix: adds the artifact to `evidence` with the row’s limits and date, so the entry is complete', () => {
    const text = methodMemo({}, { log: withArtifact('reports/load-test.md') });
    const f = check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE, 'reports/load-test.md': '# load\n' });
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toContain('    date: 2026-04-01\n  - path: reports/load-test.md\n    limits: four-week window only\n    date: 2026-04-01\n');
    expect(only(after, RULE)).toEqual([]);
    expect(after.diagnostics.filter((d) => d.file === FILE)).toEqual([]);
    // In a flow list, a limitation with a comma is quoted.
    const flow = methodMemo({ evidence: '[{url: https://example.com/slo-report, limits: four weeks, date: 2026-04-01}]' }, { log: swap(LOG, ROW, ROW.replace('https://example.com/slo-report', 'reports/load-test.md').replace('four-week window only', 'one run, no cache')) });
    const g = check({ [FILE]: flow, 'people.yaml': METHOD_PEOPLE, 'reports/load-test.md': '# load\n' });
    const flowFix = applyFix(g, only(g, RULE)[0]!);
    expect(flowFix.text).toContain(', {path: reports/load-test.md, limits: "one run, no cache", date: 2026-04-01}]');
    expect(flowFix.after.diagnostics.filter((d) => d.file === FILE)).toEqual([]);
  });

  it('its artifacts go through the evidence rules, reported on the cell: not found, outside the workspace, stale, invalid date', () => {
    const missing = check({ [FILE]: methodMemo({}, { log: withArtifact('reports/nowhere.md') }), 'people.yaml': METHOD_PEOPLE });
    expect(only(missing, 'evidence-not-found').map((d) => textAt(missing, d))).toEqual(['reports/nowhere.md']);
    const outside = check({ [FILE]: methodMemo({}, { log: withArtifact('../../etc/passwd') }), 'people.yaml': METHOD_PEOPLE });
    expect(only(outside, 'evidence-outside-workspace').map((d) => textAt(outside, d))).toEqual(['../../etc/passwd']);
    const old = check({ [FILE]: methodMemo({}, { log: swap(LOG, ROW, ROW.replace('2026-04-01', '2020-01-01')) }), 'people.yaml': METHOD_PEOPLE });
    expect(only(old, 'evidence-stale').map((d) => textAt(old, d))).toEqual(['2020-01-01']);
    const bad = check({ [FILE]: methodMemo({}, { log: swap(LOG, ROW, ROW.replace('2026-04-01', '2026-13-45')) }), 'people.yaml': METHOD_PEOPLE });
    expect(only(bad, 'date-invalid').map((d) => textAt(bad, d))).toEqual(['2026-13-45']);
    const approver = check({ [FILE]: methodMemo({}, { log: swap(LOG, ROW, ROW.replace('| bob |', '| bobby |')) }), 'people.yaml': METHOD_PEOPLE });
    expect(only(approver, 'owner-unknown').map((d) => textAt(approver, d))).toEqual(['bobby']);
  });
});
