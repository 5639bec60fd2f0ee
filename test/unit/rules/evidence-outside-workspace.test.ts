import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../../server/src/core/check/checker';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { type ReadResult } from '../../../server/src/core/workspace/workspaceFs';
import { ALL_RULES, RULE_IDS } from '../../../server/src/rules/registry';
import { BASE_TENETS, check, goodMemo, only, textAt, TODAY } from '../../helpers/memoWorkspace';
import { InMemoryWorkspaceFs } from '../../../server/src/core/workspace/memoryFs';

const RULE = 'evidence-outside-workspace';
const FILE = 'decisions/0001-cache.md';
const withPath = (path: string) => goodMemo({ evidence: `\n  - path: ${path}\n    limits: one week only` });

describe(RULE, () => {
  it('fires on a `..` escape at the path, as an error that says the file was not read', () => {
    const f = check({ [FILE]: withPath('../../etc/passwd') });
    const [d, ...rest] = only(f, RULE);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(textAt(f, d!)).toBe('../../etc/passwd');
    expect(d!.message).toBe(
      "Evidence `../../etc/passwd` climbs out of the workspace with `..`, so it was not read; expected a path inside the workspace (relative to the memo's folder or the workspace root) or an http(s) URL.",
    );
    expect(d!.fixes).toBeUndefined();
  });

  it('fires on absolute, Windows, network-share, home-folder and file: URL targets, in any entry shape', () => {
    const cases: [string, string][] = [
      ['/etc/hosts', 'is an absolute path'],
      ['C:\\reports\\slo.md', 'is a Windows drive or network path'],
      ['c:/reports/slo.md', 'is a Windows drive or network path'],
      ['\\\\server\\share\\slo.md', 'is a Windows drive or network path'],
      ['//server/share/slo.md', 'is a Windows drive or network path'],
      ['~/notes/slo.md', 'points into a home folder'],
      ['file:///etc/hosts', 'is a `file:` URL'],
    ];
    for (const [target, why] of cases) {
      const quoted = JSON.stringify(target);
      for (const evidence of [`[${quoted}]`, `\n  - url: ${quoted}\n    limits: l`]) {
        const f = check({ [FILE]: goodMemo({ evidence }) });
        const [d, ...rest] = only(f, RULE);
        expect(rest, evidence).toEqual([]);
        expect(d!.message, evidence).toContain(why);
        expect(textAt(f, d!), evidence).toBe(quoted);
        expect(only(f, 'evidence-not-found'), evidence).toEqual([]);
      }
    }
  });

  it('does not fire on paths inside the workspace, `..` that stays inside, names that merely start with `~`, or web URLs', () => {
    for (const path of ['../reports/slo.md', 'reports/../reports/slo.md', '~draft.md', 'https://example.com/slo']) {
      expect(only(check({ [FILE]: withPath(path) }), RULE), path).toEqual([]);
    }
  });

  it('fires on a symlink that leads out of the workspace, and on a missing file under such a folder', () => {
    const fs = new InMemoryWorkspaceFs({ 'tenets.yaml': BASE_TENETS, [FILE]: goodMemo({ evidence: '[linked.md, ext/new.md]' }) });
    fs.escapingLinks.add('decisions/linked.md');
    fs.escapingLinks.add('decisions/ext');
    const reads: string[] = [];
    const readText = fs.readText.bind(fs);
    fs.readText = (path: string): ReadResult => {
      reads.push(path);
      return readText(path);
    };
    const { diagnostics } = checkWorkspace(new Workspace(fs, RULE_IDS, TODAY), ALL_RULES);
    const found = diagnostics.filter((d) => d.rule === RULE);
    expect(found.map((d) => d.message)).toEqual([
      "Evidence `linked.md` leads through a symbolic link to a place outside the workspace, so it was not read; expected a path inside the workspace (relative to the memo's folder or the workspace root) or an http(s) URL.",
      "Evidence `ext/new.md` leads through a symbolic link to a place outside the workspace, so it was not read; expected a path inside the workspace (relative to the memo's folder or the workspace root) or an http(s) URL.",
    ]);
    // No template is offered for the missing file: creating it would write outside the workspace.
    expect(diagnostics.filter((d) => d.rule === 'evidence-not-found')).toEqual([]);
    expect(reads.filter((p) => p.includes('linked') || p.includes('ext'))).toEqual([]);
  });
});
