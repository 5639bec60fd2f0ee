import { describe, expect, it } from 'vitest';
import { applyFix, check, only, textAt } from '../../helpers/memoWorkspace';
import { methodMemo, METHOD_PEOPLE, SCORECARD } from '../../helpers/methodMemo';

const RULE = 'scorecard-owner-missing';
const FILE = 'decisions/0001-cache.md';
const without = (prefixes: string[]) => SCORECARD.filter((l) => !prefixes.some((p) => l.startsWith(p)));

describe(RULE, () => {
  it('fires without a decision owner or an escalation path, at the heading, naming what is missing', () => {
    const f = check({ [FILE]: methodMemo({}, { scorecard: without(['- **Escalation path']) }), 'people.yaml': METHOD_PEOPLE });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('## Scorecard: step 2');
    expect(d!.message).toBe('This scorecard names no `Escalation path:`; expected who decides when a threshold is crossed, and who it goes to next.');
  });

  it('fix: adds the missing lines after the signal table, their blanks as tab stops', () => {
    const text = methodMemo({}, { scorecard: without(['- **Decision owner', '- **Escalation path']) });
    const f = check({ [FILE]: text, 'people.yaml': METHOD_PEOPLE });
    const d = only(f, RULE)[0]!;
    expect(d.fixes![0]!.title).toBe('Add `Decision owner:` and `Escalation path:` to fill in');
    const { text: fixed, after } = applyFix(f, d);
    expect(fixed).toBe(text.replace('| on-call pages | < 3 a week | weekly | escalate |\n', '| on-call pages | < 3 a week | weekly | escalate |\n\n- **Decision owner:** OWNER\n- **Escalation path:** OWNER, then OWNER\n'));
    expect(only(after, RULE)).toEqual([]);
    expect(d.fixes![0]!.edits[0]!.snippet).toContain('${1:OWNER}');
  });
});
