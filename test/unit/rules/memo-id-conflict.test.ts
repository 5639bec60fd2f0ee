import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../../server/src/core/check/checker';
import type { BaseRef } from '../../../server/src/core/workspace/baseRef';
import { InMemoryWorkspaceFs } from '../../../server/src/core/workspace/memoryFs';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../../server/src/rules/registry';
import { BASE_TENETS, check, goodMemo, only, textAt, TODAY, type Fixture } from '../../helpers/memoWorkspace';

// The rule's git side (reading the base with git) is tested in test/cli/base.test.ts; here the
// base is given as the CLI hands it over.

const RULE = 'memo-id-conflict';

function base(memoFiles: string[], idsAdded: Record<string, string[]>): BaseRef {
  return { name: 'origin/main', files: new Set(memoFiles), idsAdded: new Map(Object.entries(idsAdded)) };
}

function checkWithBase(files: Record<string, string>, b: BaseRef | undefined, rules: Record<string, string> = {}): Fixture {
  const config: Record<string, string> = Object.keys(rules).length ? { '.decisions.yaml': `rules:\n${Object.entries(rules).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n` } : {};
  const fs = new InMemoryWorkspaceFs({ 'tenets.yaml': BASE_TENETS, ...config, ...files });
  const ws = new Workspace(fs, RULE_IDS, TODAY);
  ws.base = b;
  return { ws, fs, diagnostics: checkWorkspace(ws, ALL_RULES).diagnostics };
}

describe('memo-id-conflict', () => {
  it('fires at the id of a memo this branch adds when the base gave the id to another file', () => {
    const f = checkWithBase({ 'decisions/0042-cache.md': goodMemo({ id: '0042' }), 'decisions/0001-old.md': goodMemo({ id: '0001' }) }, base(['decisions/0001-old.md', 'decisions/0042-queue.md'], { '0042': ['decisions/0042-queue.md'] }));
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.file).toBe('decisions/0042-cache.md');
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('0042');
    expect(d!.message).toBe(
      'The id `0042` is also the id of decisions/0042-queue.md on origin/main; expected an id the base does not use (run `decision-memos new --base origin/main` for a free one, or set `id:`).',
    );
  });

  it('reports an id taken from the file name at the first line', () => {
    const f = checkWithBase({ 'decisions/0042-cache.md': goodMemo({ id: undefined }) }, base(['decisions/0042-queue.md'], { '0042': ['decisions/0042-queue.md'] }));
    const [d] = only(f, RULE);
    expect(textAt(f, d!)).toBe('---');
  });

  it('does not fire on a memo the base has too, on a clash this branch already has, or without a base', () => {
    const files = { 'decisions/0042-cache.md': goodMemo({ id: '0042' }), 'decisions/0042-queue.md': goodMemo({ id: '0042' }) };
    // The base has this very file: the id is the base's own.
    expect(only(checkWithBase(files, base(['decisions/0042-cache.md', 'decisions/0042-queue.md'], { '0042': ['decisions/0042-queue.md'] })), RULE)).toEqual([]);
    // Both files are here with the id: a duplicate, which memo-duplicate-id reports.
    const dup = checkWithBase(files, base(['decisions/0042-queue.md'], { '0042': ['decisions/0042-queue.md'] }));
    expect(only(dup, RULE)).toEqual([]);
    expect(only(dup, 'memo-duplicate-id')).toHaveLength(2);
    expect(only(checkWithBase(files, undefined), RULE)).toEqual([]);
    expect(only(check(files), RULE)).toEqual([]);
  });

  it("fires when the base's file is here under another id (the base renumbered it), and can be turned off", () => {
    const files = { 'decisions/0042-cache.md': goodMemo({ id: '0042' }), 'decisions/0041-queue.md': goodMemo({ id: '0041' }) };
    const b = base(['decisions/0041-queue.md'], { '0042': ['decisions/0041-queue.md'] });
    expect(only(checkWithBase(files, b), RULE)).toHaveLength(1);
    expect(only(checkWithBase(files, b, { [RULE]: 'off' }), RULE)).toEqual([]);
    expect(only(checkWithBase(files, b, { [RULE]: 'warning' }), RULE)[0]!.severity).toBe('warning');
  });
});
