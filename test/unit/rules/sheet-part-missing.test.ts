import { describe, expect, it } from 'vitest';
import { applyFix, check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SHEET, swap } from '../../helpers/methodMemo';

const RULE = 'sheet-part-missing';
const FILE = 'decisions/0001-cache.md';
const without = (prefix: string) => SHEET.filter((l) => !l.startsWith(prefix) && !(prefix === '- **Feedback' && /^\s+\d\./.test(l)));

describe(RULE, () => {
  it('fires once per missing part, at the sheet heading', () => {
    const f = check({ [FILE]: methodMemo({}, { sheet: without('- **Guardrail') }), 'people.yaml': METHOD_PEOPLE });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(textAt(f, d!)).toBe('## Alignment sheet');
    expect(d!.message).toBe('This alignment sheet has no `Guardrail:` part; expected one SLI or SLO with its threshold.');
    const bare = check({ [FILE]: methodMemo({}, { sheet: ['## Alignment sheet', '', 'To be written.', ''] }) });
    expect(only(bare, RULE)).toHaveLength(6);
  });

  it('reads labels in any case, bold or not, bulleted or plain; `Owner:` naming a cadence is both parts', () => {
    const plain = SHEET.map((l) => l.replace(/^- \*\*([^*]+)\*\*/, '$1').replace('Feedback signals:', 'FEEDBACK:'));
    expect(only(check({ [FILE]: methodMemo({}, { sheet: plain }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    const owner = swap(SHEET, '- **Owner and cadence:** alice, weekly', '- **Owner:** alice, reviewed every two weeks');
    expect(only(check({ [FILE]: methodMemo({}, { sheet: owner }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    const split = swap(SHEET, '- **Owner and cadence:** alice, weekly', ['- **Owner:** alice', '- **Cadence:** monthly']);
    expect(only(check({ [FILE]: methodMemo({}, { sheet: split }), 'people.yaml': METHOD_PEOPLE }), RULE)).toEqual([]);
    const ownerOnly = swap(SHEET, '- **Owner and cadence:** alice, weekly', '- **Owner:** alice');
    const f = check({ [FILE]: methodMemo({}, { sheet: ownerOnly }), 'people.yaml': METHOD_PEOPLE });
    expect(only(f, RULE).map((d) => d.message)).toEqual([expect.stringContaining('names its owner but no cadence')]);
    // The fix adds the cadence alone, not a second owner.
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toContain('- **Owner:** alice\n- **Cadence:** weekly\n');
    expect(only(after, RULE)).toEqual([]);
  });

  it('a part that holds only a blank is placeholder-left’s, not missing', () => {
    const blank = swap(SHEET, '- **Aim:** search answers in under 200 ms for repeated queries', '- **Aim:** ___');
    const f = check({ [FILE]: methodMemo({}, { sheet: blank }), 'people.yaml': METHOD_PEOPLE });
    expect(only(f, RULE)).toEqual([]);
    expect(only(f, 'placeholder-left').map((d) => textAt(f, d))).toEqual(['___']);
  });

  it('fix: adds the part after the sheet’s last line, as a snippet with its blanks', () => {
    const text = methodMemo({}, { sheet: without('- **Aim') });
    const f = check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE });
    const d = only(f, RULE)[0]!;
    const { text: fixed, after } = applyFix(f, d);
    expect(fixed).toBe(text.replace('- **Owner and cadence:** alice, weekly\n', '- **Owner and cadence:** alice, weekly\n- **Aim:** ___\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(d.fixes![0]!.edits[0]!.snippet).toContain('${1:___}');
  });
});
