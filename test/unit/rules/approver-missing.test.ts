import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../server/src/core/types';
import { applyFix, check, goodMemo, memo, only, textAt, type Fixture } from '../../helpers/memoWorkspace';

const RULE = 'approver-missing';
const FILE = 'decisions/0001-cache.md';

function rest(f: Fixture, except: string[]): string[] {
  return f.diagnostics.filter((d: Diagnostic) => !except.includes(d.rule)).map((d) => `${d.file} ${d.rule} ${d.message}`);
}

describe('approver-missing', () => {
  it('fires at the status value of an accepted memo without an approver', () => {
    const f = check({ [FILE]: goodMemo({ status: 'Accepted' }) });
    const [d, ...more] = only(f, RULE, FILE);
    expect(more).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(textAt(f, d!)).toBe('Accepted');
    expect(d!.message).toBe('This memo is accepted but names no approver; expected `approver:` naming who approved it.');
  });

  it('does not fire with an approver, or before acceptance', () => {
    expect(only(check({ [FILE]: goodMemo({ status: 'accepted', approver: 'bob' }) }), RULE)).toEqual([]);
    expect(only(check({ [FILE]: goodMemo({ status: 'accepted', approvers: '[bob, carol]' }) }), RULE)).toEqual([]);
    for (const status of ['draft', 'proposed', 'rejected', 'superseded']) {
      expect(only(check({ [FILE]: goodMemo({ status }) }), RULE)).toEqual([]);
    }
  });

  it('fix adds `approver: APPROVER` at the end of the front matter, and nothing else', () => {
    const original = goodMemo({ status: 'accepted' });
    const f = check({ [FILE]: original });
    const { text, after } = applyFix(f, only(f, RULE)[0]!);
    expect(text).toBe(original.replace('\n---\n# ', '\napprover: APPROVER\n---\n# '));
    expect(only(after, RULE)).toEqual([]);
    expect(rest(after, [RULE, 'placeholder-left'])).toEqual(rest(f, [RULE, 'placeholder-left']));
  });

  it('reports an empty `approver:` at the key and fills it in place', () => {
    const original = goodMemo({ status: 'accepted', approver: '' });
    const f = check({ [FILE]: original });
    const [d] = only(f, RULE, FILE);
    expect(textAt(f, d!)).toBe('approver');
    expect(d!.message).toContain('`approver` names nobody');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe(original.replace('approver: \n', 'approver: [APPROVER] \n'));
    expect(only(after, RULE)).toEqual([]);
  });

  it('fills an empty list or an empty string', () => {
    for (const [value, fixed] of [['[]', '[APPROVER]'], ['""', 'APPROVER']]) {
      const original = goodMemo({ status: 'accepted', approver: value });
      const f = check({ [FILE]: original });
      const { text, after } = applyFix(f, only(f, RULE)[0]!);
      expect(text).toBe(original.replace(`approver: ${value}`, `approver: ${fixed}`));
      expect(only(after, RULE)).toEqual([]);
    }
  });

  it('fires on a MADR-2 record and the fix creates front matter', () => {
    const original = '# Hosting\n\n* Status: accepted\n* Deciders: Ann\n';
    const f = check({ 'docs/adr/0002-hosting.md': original });
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('accepted');
    const { text, after } = applyFix(f, d!);
    expect(text).toBe('---\napprover: APPROVER\n---\n' + original);
    expect(only(after, RULE)).toEqual([]);
  });

  it('stays quiet while the front matter does not parse: front-matter-invalid says where to fix it', () => {
    const f = check({ [FILE]: memo(['status: accepted', 'owners: [alice', 'title: x'], ['# T', '', '## Status', '', 'Accepted']) });
    expect(only(f, RULE, FILE)).toEqual([]);
    expect(f.diagnostics.filter((d) => d.file === FILE).map((d) => d.rule)).toEqual(['front-matter-invalid']);
  });
});
