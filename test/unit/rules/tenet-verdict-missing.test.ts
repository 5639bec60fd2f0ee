import { describe, expect, it } from 'vitest';
import { applyFix, check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'tenet-verdict-missing';
const FILE = 'decisions/0001-cache.md';
const TITLE = ['# Use a cache for the search API', ''];
const CLAIM = 'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.';

describe(RULE, () => {
  it('does not fire when every cited tenet is judged', () => {
    expect(only(check({ [FILE]: goodMemo() }), RULE)).toEqual([]);
  });

  it('fires at the first citation of an unjudged tenet; the fix continues the "Relevant tenets" list', () => {
    const text = goodMemo({ tenets: '[ENG-LATENCY, CO-TRUST]' });
    const f = check({ [FILE]: text });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('info');
    expect(textAt(f, d!)).toBe('CO-TRUST');
    expect(d!.message).toBe(
      'Tenet `CO-TRUST` is cited but not judged; expected a line `- [[CO-TRUST]] ✓ reason` (supports) or `✗ reason` (conflicts) under "Relevant tenets".',
    );
    expect(d!.fixes!.map((x) => x.title)).toEqual(['Add a judgement line: [[CO-TRUST]] ✓ (supports)', 'Add a judgement line: [[CO-TRUST]] ✗ (conflicts)']);
    const existing = '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency of the search API.\n';
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text.replace(existing, existing + '- [[CO-TRUST]] ✓ REASON\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(applyFix(f, d!, 1).text).toBe(text.replace(existing, existing + '- [[CO-TRUST]] ✗ REASON\n'));
  });

  it('reports a tenet cited twice once, at its first citation', () => {
    const f = check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY]' }, [...TITLE, 'Latency matters ([[ENG-LATENCY]]).', '']) });
    const diags = only(f, RULE);
    expect(diags).toHaveLength(1);
    expect(textAt(f, diags[0]!)).toBe('ENG-LATENCY');
  });

  it('appends a "Relevant tenets" section when there is none', () => {
    const text = goodMemo({ tenets: '[ENG-LATENCY]' }, [...TITLE, CLAIM]);
    const f = check({ [FILE]: text });
    const [d] = only(f, RULE);
    const { text: fixed, after } = applyFix(f, d!);
    expect(fixed).toBe(text + '\n## Relevant tenets\n\n- [[ENG-LATENCY]] ✓ REASON\n');
    expect(only(after, RULE)).toEqual([]);
  });

  it('inserts at the end of the section, before the next heading of any level', () => {
    const body = [...TITLE, '## Relevant tenets', '', 'We weighed these.', '', '### Notes', '', 'More.', ''];
    const text = goodMemo({ tenets: '[ENG-LATENCY]' }, body);
    const f = check({ [FILE]: text });
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe(text.replace('We weighed these.\n', 'We weighed these.\n\n- [[ENG-LATENCY]] ✓ REASON\n'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('fills an empty section under its heading', () => {
    const text = goodMemo({ tenets: '[ENG-LATENCY]' }, [...TITLE, '## Relevant Tenets', '', '## Decision', '', 'Do it.']);
    const f = check({ [FILE]: text });
    const { text: fixed } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe(text.replace('## Relevant Tenets\n', '## Relevant Tenets\n\n- [[ENG-LATENCY]] ✓ REASON\n'));
  });

  it('without a section, joins the existing judgement list in its bullet style', () => {
    const body = [...TITLE, '## Tenets', '', '* [[ENG-LATENCY]] ✓ faster', '', CLAIM];
    const text = goodMemo({ tenets: '[ENG-LATENCY, CO-TRUST]' }, body);
    const f = check({ [FILE]: text });
    const { text: fixed, after } = applyFix(f, only(f, RULE)[0]!);
    expect(fixed).toBe(text.replace('* [[ENG-LATENCY]] ✓ faster\n', '* [[ENG-LATENCY]] ✓ faster\n* [[CO-TRUST]] ✓ REASON\n'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('offers one fix that judges every unjudged tenet at once', () => {
    const text = goodMemo({ tenets: '[ENG-LATENCY, CO-TRUST]' }, [...TITLE, CLAIM]);
    const f = check({ [FILE]: text });
    const diags = only(f, RULE);
    expect(diags.map((d) => textAt(f, d))).toEqual(['ENG-LATENCY', 'CO-TRUST']);
    expect(diags[0]!.fixes![2]!.title).toBe('Add judgement lines for all 2 unjudged tenets');
    const { text: fixed, after } = applyFix(f, diags[0]!, 2);
    expect(fixed).toBe(text + '\n## Relevant tenets\n\n- [[ENG-LATENCY]] ✓ REASON\n- [[CO-TRUST]] ✓ REASON\n');
    expect(only(after, RULE)).toEqual([]);
  });

  it('keeps CRLF line ends', () => {
    const text = goodMemo({ tenets: '[ENG-LATENCY, CO-TRUST]' }).replace(/\n/g, '\r\n');
    const f = check({ [FILE]: text });
    const existing = '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency of the search API.\r\n';
    expect(applyFix(f, only(f, RULE)[0]!).text).toBe(text.replace(existing, existing + '- [[CO-TRUST]] ✓ REASON\r\n'));
  });

  it('ignores unknown and retired tenets (their own rules report them)', () => {
    expect(only(check({ [FILE]: goodMemo({ tenets: '[ENG-LATENCY, ENG-NOPE, CO-SPEED]' }) }), RULE)).toEqual([]);
  });

  it('skips drafts and closed memos; any other status (or none) is checked', () => {
    const at = (status: string | undefined) => only(check({ [FILE]: goodMemo({ status, tenets: '[CO-TRUST]' }) }), RULE).length;
    for (const status of ['draft', 'rejected', 'deprecated', 'superseded']) expect(at(status)).toBe(0);
    for (const status of ['proposed', 'accepted', undefined]) expect(at(status)).toBe(1);
  });
});
