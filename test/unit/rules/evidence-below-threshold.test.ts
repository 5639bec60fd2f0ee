import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'evidence-below-threshold';
const FILE = 'decisions/0001-cache.md';
const ONE_ENTRY = '\n  - url: https://example.com/slo-report\n    limits: four-week window only\n    date: 2026-04-01';

describe(RULE, () => {
  it('fires on a one-way decision with one artifact, at the `evidence` key, with the reversibility as related', () => {
    const f = check({ [FILE]: goodMemo({ reversibility: 'one-way' }) });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('evidence');
    expect(d!.message).toBe('This one-way decision cites 1 distinct evidence artifact; expected at least 2.');
    expect(d!.related).toHaveLength(1);
    expect(d!.related![0]!.message).toBe('`reversibility: one-way` requires 2 artifacts.');
    expect(textAt(f, { ...d!, range: d!.related![0]!.range })).toBe('one-way');
  });

  it('does not fire when the threshold is met, for drafts and closed records, or without a known reversibility', () => {
    const two = `${ONE_ENTRY}\n  - url: https://example.com/incident-42\n    limits: one incident`;
    expect(only(check({ [FILE]: goodMemo({ reversibility: 'one-way', evidence: two }) }), RULE)).toEqual([]);
    for (const status of ['draft', 'rejected', 'superseded']) {
      expect(only(check({ [FILE]: goodMemo({ reversibility: 'one-way', status }) }), RULE), status).toEqual([]);
    }
    expect(only(check({ [FILE]: goodMemo({ reversibility: undefined }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ reversibility: 'maybe' }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ reversibility: 'costly' }) }), RULE)).toEqual([]);
  });

  it('reads `One-Way` and `one way` as one-way', () => {
    expect(only(check({ [FILE]: goodMemo({ reversibility: 'One-Way' }) }), RULE)).toHaveLength(1);
    expect(only(check({ [FILE]: goodMemo({ reversibility: 'one way' }) }), RULE)).toHaveLength(1);
  });

  it('never reports alongside evidence-missing: no entries at all is evidence-missing alone', () => {
    const f = check({ [FILE]: goodMemo({ reversibility: 'one-way', evidence: '[]' }) });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'evidence-missing')).toHaveLength(1);
  });

  it('counts the same artifact cited twice once, and entries without a target not at all', () => {
    const twice = goodMemo({ reversibility: 'one-way', evidence: '[reports/slo.md, ./reports/slo.md]' });
    expect(only(check({ [FILE]: twice, 'decisions/reports/slo.md': 'x' }), RULE)[0]!.message).toContain('cites 1 distinct evidence artifact');
    const broken = goodMemo({ reversibility: 'costly', evidence: '\n  - limits: a path is missing here' });
    const f = check({ [FILE]: broken });
    expect(only(f, RULE)[0]!.message).toBe('This costly decision cites 0 distinct evidence artifacts; expected at least 1.');
    expect(only(f, 'evidence-missing')).toEqual([]);
  });

  it('uses the thresholds of .decisions.yaml', () => {
    const config = '.decisions.yaml';
    const f = check({ [FILE]: goodMemo({ reversibility: 'two-way' }), [config]: 'evidence:\n  required: { two-way: 3 }\n' });
    expect(only(f, RULE)[0]!.message).toBe('This two-way decision cites 1 distinct evidence artifact; expected at least 3.');
    expect(only(check({ [FILE]: goodMemo({ reversibility: 'one-way' }), [config]: 'evidence:\n  required: { one-way: 1 }\n' }), RULE)).toEqual([]);
  });

  it('fix: adds an entry to a block list of maps at the list indentation, and the diagnostic is gone', () => {
    const text = goodMemo({ reversibility: 'one-way' });
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Add an evidence entry to fill in']);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace('    date: 2026-04-01\n', '    date: 2026-04-01\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: 2026-06-01\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(only(after, 'evidence-not-found')).toEqual([]);
    expect(only(after, 'placeholder-left').map((x) => textAt(after, x))).toContain('PATH-OR-URL');
  });

  it('fix: follows a deeper-indented block list and a list whose last item is a multi-line block scalar', () => {
    const deep = goodMemo({ reversibility: 'one-way', evidence: '\n    - https://example.com/a' });
    let f = check({ [FILE]: deep });
    let r = applyFix(f, only(f, RULE)[0]!);
    expect(r.text).toBe(deep.replace('    - https://example.com/a\n', '    - https://example.com/a\n    - path: PATH-OR-URL\n      limits: LIMITATION\n      date: 2026-06-01\n'));
    expect(only(r.after, RULE)).toEqual([]);
    const block = goodMemo({ reversibility: 'one-way', evidence: '\n  - url: https://example.com/a\n    limits: >\n      two lines of\n      limitation\n' });
    f = check({ [FILE]: block });
    r = applyFix(f, only(f, RULE)[0]!);
    expect(r.text).toBe(block.replace('      limitation\n', '      limitation\n  - path: PATH-OR-URL\n    limits: LIMITATION\n    date: 2026-06-01\n'));
    expect(only(r.after, RULE)).toEqual([]);
    expect(only(r.after, 'placeholder-left').map((x) => textAt(r.after, x))).toContain('LIMITATION');
  });

  it('fix: keeps a flow list flow, and turns a single value into a flow list', () => {
    const flow = goodMemo({ reversibility: 'one-way', evidence: '[https://example.com/a]' });
    let f = check({ [FILE]: flow });
    let r = applyFix(f, only(f, RULE)[0]!);
    expect(r.text).toBe(flow.replace('[https://example.com/a]', '[https://example.com/a, {path: PATH-OR-URL, limits: LIMITATION, date: 2026-06-01}]'));
    expect(only(r.after, RULE)).toEqual([]);
    const single = goodMemo({ reversibility: 'one-way', evidence: 'https://example.com/a' });
    f = check({ [FILE]: single });
    r = applyFix(f, only(f, RULE)[0]!);
    expect(r.text).toBe(single.replace('evidence: https://example.com/a', 'evidence: [https://example.com/a, {path: PATH-OR-URL, limits: LIMITATION, date: 2026-06-01}]'));
    expect(only(r.after, RULE)).toEqual([]);
  });

  it('offers no fix when `evidence:` is a single block map (no edit keeps it intact)', () => {
    const f = check({ [FILE]: goodMemo({ reversibility: 'one-way', evidence: '\n  url: https://example.com/a\n  limits: one week' }) });
    const [d] = only(f, RULE);
    expect(d!.fixes).toBeUndefined();
  });
});
