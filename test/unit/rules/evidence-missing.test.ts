import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, memo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'evidence-missing';
const FILE = 'decisions/0001-cache.md';

describe(RULE, () => {
  it('fires on a proposed memo with no evidence key, at the first line, as a warning', () => {
    const f = check({ [FILE]: goodMemo({ evidence: undefined }) });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(d!.range.start).toEqual({ line: 0, character: 0 });
    expect(textAt(f, d!)).toBe('---');
    expect(d!.message).toBe('This proposed memo cites no evidence; expected at least one artifact (a path or URL with its limits) under `evidence:`.');
  });

  it('fires at the `evidence` key when the list is empty or has no value', () => {
    for (const evidence of ['[]', '', '~', '""']) {
      const f = check({ [FILE]: goodMemo({ evidence, status: 'accepted', approver: 'bob' }) });
      const [d] = only(f, RULE);
      expect(textAt(f, d!), evidence).toBe('evidence');
      expect(d!.message).toContain('This accepted memo cites no evidence');
    }
  });

  it('does not fire on drafts, closed records, memos without a status, or memos with evidence', () => {
    for (const status of ['draft', 'rejected', 'deprecated', 'superseded', undefined]) {
      expect(only(check({ [FILE]: goodMemo({ evidence: undefined, status }) }), RULE), String(status)).toEqual([]);
    }
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
  });

  it('leaves a memo with only unusable entries to evidence-not-found', () => {
    const f = check({ [FILE]: goodMemo({ evidence: '\n  - limits: no path here' }) });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'evidence-not-found')).toHaveLength(1);
  });

  it('states the threshold when reversibility asks for more than one artifact, and evidence-below-threshold stays silent', () => {
    const f = check({ [FILE]: goodMemo({ evidence: undefined, reversibility: 'one-way' }) });
    expect(only(f, RULE)[0]!.message).toBe(
      'This proposed memo cites no evidence; expected at least 2 artifacts for a one-way decision (a path or URL with its limits) under `evidence:`.',
    );
    expect(only(f, 'evidence-below-threshold')).toEqual([]);
  });

  it('reads a MADR status in the body', () => {
    const f = check({ [FILE]: memo(undefined, ['# Use X', '', '* Status: Accepted', '* Deciders: Ann']) });
    expect(only(f, RULE)).toHaveLength(1);
  });

  it('fix: adds a template entry before the closing fence; every placeholder is then reported', () => {
    const text = goodMemo({ evidence: undefined });
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Add an evidence entry to fill in']);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('tenets: [ENG-LATENCY]\n', 'tenets: [ENG-LATENCY]\nevidence:\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: 2026-06-01\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'placeholder-left').map((x) => textAt(after, x))).toEqual(['PATH-OR-URL', 'LIMITATION']);
    expect(only(after, 'evidence-not-found')).toEqual([]);
    expect(only(after, 'evidence-limits-missing')).toEqual([]);
  });

  it('fix: fills a bare `evidence:` key with a block entry, keeping a trailing comment', () => {
    const text = goodMemo({ evidence: '# to collect' });
    const f = check({ [FILE]: text });
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe(text.replace('evidence: # to collect\n', 'evidence: # to collect\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: 2026-06-01\n'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('fix: an empty flow list or a null value becomes a block list to fill', () => {
    const flow = goodMemo({ evidence: '[]' });
    let f = check({ [FILE]: flow });
    let fixed = applyFix(f, only(f, RULE)[0]!);
    expect(fixed.text).toBe(flow.replace('evidence: []', 'evidence:\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: 2026-06-01'));
    expect(only(fixed.after, RULE)).toEqual([]);
    const nul = goodMemo({ evidence: '~' });
    f = check({ [FILE]: nul });
    fixed = applyFix(f, only(f, RULE)[0]!);
    expect(fixed.text).toBe(nul.replace('evidence: ~', 'evidence:\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: 2026-06-01'));
    // In a snippet, the path is selected first, then the limitation.
    expect(only(f, RULE)[0]!.fixes![0]!.edits[0]!.snippet).toBe('\n  - path: ${1:PATH-OR-URL}\n    limits: ${2:LIMITATION}\n    date: 2026-06-01');
    expect(only(fixed.after, RULE)).toEqual([]);
  });

  it('fix: keeps CRLF line ends', () => {
    const text = goodMemo({ evidence: undefined }).replace(/\n/g, '\r\n');
    const f = check({ [FILE]: text });
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe(text.replace('tenets: [ENG-LATENCY]\r\n', 'tenets: [ENG-LATENCY]\r\nevidence:\r\n  - path: PATH-OR-URL\r\n    limits: LIMITATION\r\n    date: 2026-06-01\r\n'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('stays quiet while the front matter has a YAML error (its fields are unknown)', () => {
    const f = check({ [FILE]: memo(['status: proposed', 'title: a', 'title: b']) });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'front-matter-invalid')).toHaveLength(1);
  });

  it('can be turned off in .decisions.yaml', () => {
    const f = check({ [FILE]: goodMemo({ evidence: undefined }), '.decisions.yaml': 'rules:\n  evidence-missing: off\n' });
    expect(only(f, RULE)).toEqual([]);
  });
});
