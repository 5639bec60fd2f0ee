import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../server/src/core/workspace/config';
import { check, goodMemo, only, textAt } from '../../helpers/memoWorkspace';

const RULE = 'config-invalid';
const CONFIG = '.decisions.yaml';
/** A memo without owners: owner-missing shows which severities are in force. */
const MEMO = { 'decisions/0001-x.md': goodMemo({ owners: undefined }) };

function withConfig(config: string, files: Record<string, string> = MEMO) {
  const f = check({ [CONFIG]: config, ...files });
  return { f, ds: only(f, RULE, CONFIG) };
}

describe('config-invalid', () => {
  it('does not fire on a valid config, or without one', () => {
    const { f, ds } = withConfig('memos: ["decisions/**/*.md"]\nevidence:\n  maxAgeDays: 90\nrules:\n  owner-missing: off\n');
    expect(ds).toEqual([]);
    expect(f.ws.config.evidence.maxAgeDays).toBe(90);
    expect(only(f, 'owner-missing')).toEqual([]);
    expect(only(check(MEMO), RULE)).toEqual([]);
  });

  it('fires at the exact position of a YAML syntax error, and the defaults apply', () => {
    const { f, ds } = withConfig('memos: [decisions/**/*.md\nrules:\n  owner-missing: off\n');
    const [d, ...more] = ds;
    expect(more).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(d!.range.start).toEqual({ line: 1, character: 0 });
    expect(d!.message).toContain('Flow sequence');
    expect(f.ws.config).toBe(DEFAULT_CONFIG);
    expect(only(f, 'owner-missing')).toHaveLength(1);
  });

  it('fires at a tab used as indentation', () => {
    const { f, ds } = withConfig('evidence:\n\tmaxAgeDays: 3\n');
    expect(ds.map((d) => [d.range.start, textAt(f, d)])).toEqual([[{ line: 1, character: 0 }, '\t']]);
  });

  it('fires at a duplicate key', () => {
    const { f, ds } = withConfig('memos: a/*.md\nmemos: b/*.md\n');
    expect(ds.map((d) => textAt(f, d))).toEqual(['m']);
    expect(ds[0]!.range.start).toEqual({ line: 1, character: 0 });
  });

  it('fires at a value of the wrong type, and the defaults apply', () => {
    const { f, ds } = withConfig('evidence:\n  maxAgeDays: ten\nrules:\n  owner-missing: off\n');
    expect(ds.map((d) => textAt(f, d))).toEqual(['ten']);
    expect(ds[0]!.message).toBe('`evidence.maxAgeDays` must be integer.');
    expect(f.ws.config).toBe(DEFAULT_CONFIG);
    expect(only(f, 'owner-missing')).toHaveLength(1);
  });

  it('fires at an unknown setting key', () => {
    const { f, ds } = withConfig('memo: decisions/*.md\nevidence:\n  maxAge: 30\n');
    expect(ds.map((d) => [textAt(f, d), d.message])).toEqual([
      ['memo', 'Unknown setting `memo`.'],
      ['maxAge', 'Unknown setting `maxAge` in `evidence`.'],
    ]);
  });

  it('fires at an unknown rule id (at the key) and at an unknown severity (at the value)', () => {
    const { f, ds } = withConfig('rules:\n  owner-missing: loud\n  no-such-rule: off\n  also-not: warning\n');
    expect(ds.map((d) => [textAt(f, d), d.message])).toEqual([
      ['loud', '`rules.owner-missing` must be one of: error, warning, info, hint, off.'],
      ['no-such-rule', 'Unknown rule id `no-such-rule`.'],
      ['also-not', 'Unknown rule id `also-not`.'],
    ]);
  });

  it('reports a broken people directory named by the config on that file', () => {
    const f = check({ [CONFIG]: 'people: team.yaml\n', 'team.yaml': '- id: [broken\n', ...MEMO });
    const ds = only(f, RULE, 'team.yaml');
    // Found when the file ran out, the unclosed `[` is shown on its own line, not on the empty line after it.
    const flow = ds.find((d) => d.message.startsWith('Flow sequence'));
    expect(flow?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
    expect(only(f, RULE, CONFIG)).toEqual([]);
  });
});
