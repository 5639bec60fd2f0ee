import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'evidence-not-found';
const FILE = 'decisions/0001-cache.md';
const withPath = (path: string) => goodMemo({ evidence: `\n  - path: ${path}\n    limits: one week only` });

describe(RULE, () => {
  it('fires on a missing path at its exact range, as an error, naming both places it looked', () => {
    const f = check({ [FILE]: withPath('reports/slo.md') });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('reports/slo.md');
    expect(d!.message).toBe(
      'Evidence `reports/slo.md` was not found at `decisions/reports/slo.md` or `reports/slo.md`; expected an existing file or folder in the workspace.',
    );
  });

  it('resolves relative to the memo folder first, then the workspace root, and accepts `..` that stays inside', () => {
    expect(only(check({ [FILE]: withPath('reports/slo.md'), 'decisions/reports/slo.md': 'x' }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: withPath('reports/slo.md'), 'reports/slo.md': 'x' }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: withPath('../reports/slo.md'), 'reports/slo.md': 'x' }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: withPath('reports\\slo.md'), 'reports/slo.md': 'x' }), RULE)).toEqual([]);
  });

  it('accepts a folder of evidence, a section anchor, and never looks up URLs', () => {
    expect(only(check({ [FILE]: withPath('runs/2026-05/'), 'runs/2026-05/p95.csv': '1,2' }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: withPath('reports/slo.md#latency'), 'reports/slo.md': 'x' }), RULE)).toEqual([]);
    for (const url of ['https://example.com/nowhere', 'mailto:sre@example.com', 'doi:10.1000/182']) {
      expect(only(check({ [FILE]: goodMemo({ evidence: `\n  - url: ${url}\n    limits: l` }) }), RULE), url).toEqual([]);
    }
  });

  it('reports paths outside the workspace as evidence-outside-workspace, not here', () => {
    const f = check({ [FILE]: withPath('../../secret.md') });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'evidence-outside-workspace')).toHaveLength(1);
  });

  it('leaves a placeholder target to placeholder-left (a blank is not a missing file)', () => {
    const f = check({ [FILE]: withPath('PATH-OR-URL') });
    expect(only(f, RULE)).toEqual([]);
    const [d] = only(f, 'placeholder-left');
    expect(textAt(f, d!)).toBe('PATH-OR-URL');
    expect(d!.message).toBe('`PATH-OR-URL` is a placeholder; write the path or URL of the artifact, e.g. `evidence/slo-report.md`.');
  });

  it('reports malformed and empty entries at the entry', () => {
    const text = goodMemo({ evidence: '\n  - limits: no target\n    date: 2026-01-01\n  -\n  - [a, b]' });
    const f = check({ [FILE]: text });
    const found = only(f, RULE);
    expect(found.map((d) => textAt(f, d))).toEqual(['limits: no target\n    date: 2026-01-01', '-', '[a, b]']);
    expect(found[0]!.message).toBe('This evidence entry names no artifact: an evidence entry needs a `path` or a `url`.');
    expect(found[1]!.message).toBe('This evidence entry is empty; expected a path or URL.');
    expect(found[2]!.message).toBe('This evidence entry names no artifact: an evidence entry is a path, a URL, or a map with `path` or `url`.');
  });

  it('fix: creates the file outside the memo globs (at the workspace root here) from a template with a Limits line', () => {
    const text = withPath('reports/slo.md');
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    const fix = d!.fixes![0]!;
    expect(fix.title).toBe('Create `reports/slo.md` from the evidence template');
    expect(fix.edits).toEqual([]);
    expect(fix.createFile!.path).toBe('reports/slo.md');
    expect(fix.createFile!.content).toBe(
      [
        '# Evidence: slo',
        '',
        'Supports [Use a cache for the search API](../decisions/0001-cache.md).',
        '',
        '- Source: where this comes from and how to reproduce it.',
        '- Date: 2026-06-01',
        '- Limits: one limitation of this artifact (for example: a four-week window only).',
        '',
      ].join('\n'),
    );
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text);
    expect(only(after, RULE)).toEqual([]);
  });

  it('fix: a memo at the workspace root creates the file beside it', () => {
    const f = check({ '0002-x.md': withPath('notes.md'), '.decisions.yaml': 'memos: ["*.md"]\n' });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('Evidence `notes.md` was not found at `notes.md`; expected an existing file or folder in the workspace.');
    expect(d!.fixes![0]!.createFile!.path).toBe('notes.md');
    expect(only(applyFix(f, d!).after, RULE)).toEqual([]);
  });

  it('offers no template for data files or folders, which a markdown stub would not be', () => {
    for (const path of ['runs/p95.csv', 'runs/2026-05/', 'screens/latency.png']) {
      const [d] = only(check({ [FILE]: withPath(path) }), RULE);
      expect(d!.fixes, path).toBeUndefined();
    }
  });

  it('reports a path of several lines without a fix', () => {
    const f = check({ [FILE]: goodMemo({ evidence: '\n  - path: |\n      a\n      b.md\n    limits: l' }) });
    const [d] = only(f, RULE);
    expect(d!.message).toBe('This evidence path spans several lines or holds control characters; expected one path or URL on one line.');
    expect(d!.fixes).toBeUndefined();
  });
});
