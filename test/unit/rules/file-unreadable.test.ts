import { describe, expect, it } from 'vitest';
import { check, goodMemo, only } from '../../helpers/memoWorkspace';

const RULE = 'file-unreadable';

describe('file-unreadable', () => {
  it('fires on a binary memo at the start of the file, and the other memos are still checked', () => {
    const f = check({ 'decisions/0001-diagram.md': 'PNG\0\0\0binary', 'decisions/0002-ok.md': goodMemo({ id: '0002', owners: undefined }) });
    const [d, ...more] = only(f, RULE);
    expect(more).toEqual([]);
    expect(d).toMatchObject({
      file: 'decisions/0001-diagram.md',
      severity: 'error',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'This file is not text (it contains NUL bytes); it was not checked.',
    });
    expect(f.diagnostics.filter((x) => x.file === 'decisions/0001-diagram.md')).toHaveLength(1);
    expect(only(f, 'owner-missing', 'decisions/0002-ok.md')).toHaveLength(1);
  });

  it('fires on a binary tenet file', () => {
    const f = check({ 'tenets/eng.md': '\0' });
    expect(only(f, RULE).map((d) => d.file)).toEqual(['tenets/eng.md']);
  });

  it('fires on a memo that resolves outside the workspace', () => {
    const f = check({ 'decisions/0003-link.md': goodMemo({ id: '0003' }) });
    f.fs.escapingLinks.add('decisions/0003-link.md');
    f.ws.loadSharedFiles();
    expect(f.ws.readMemo('decisions/0003-link.md')).toBeUndefined();
    expect(f.ws.unreadable.get('decisions/0003-link.md')?.message).toBe('This file resolves outside the workspace and was not read.');
  });

  it('can be turned off in the config', () => {
    const f = check({ '.decisions.yaml': 'rules:\n  file-unreadable: off\n', 'decisions/0001-x.md': '\0' });
    expect(only(f, RULE)).toEqual([]);
  });

  it('does not fire on text memos', () => {
    expect(only(check({ 'decisions/0001-x.md': goodMemo() }), RULE)).toEqual([]);
  });
});
