import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import type { Diagnostic } from '../../server/src/core/types';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, TODAY } from '../helpers/memoWorkspace';

// A whole-workspace check can hand its diagnostics on a file at a time (the CLI streams its
// report that way). What arrives must be exactly the returned report: same diagnostics, same
// order, each file once, whatever sorts between the memos (tenet files, settings, unreadable files).

const FILES: Record<string, string> = {
  '.decisions.yaml': 'memos: ["**/*.md"]\ntenets: ["tenets.yaml", "b-tenets/*.yaml"]\npeople: people.yaml\n',
  'people.yaml': '- id: ann\n  name: [unclosed\n',
  'tenets.yaml': BASE_TENETS,
  'b-tenets/extra.yaml': '- id: BAD\n  layer: nowhere\n',
  'a/0001-first.md': '---\nstatus: proposed\n---\n# First\n',
  'a/0002-binary.md': 'x\u0000y',
  'c/0003-third.md': '---\nstatus: accepted\nowners: [nobody]\nsupersedes: ["9999"]\n---\n# Third\n',
  'z/0004-last.md': '# Last\n\nNo front matter at all.\n',
};

function run(stream: boolean) {
  const ws = new Workspace(new InMemoryWorkspaceFs(FILES), RULE_IDS, TODAY);
  const chunks: Diagnostic[][] = [];
  let begun: number | undefined;
  const result = checkWorkspace(ws, ALL_RULES, {
    ...(stream ? { stream: { begin: (n: number) => (begun = n), file: (list: Diagnostic[]) => chunks.push(list) } } : {}),
  });
  return { result, chunks, begun };
}

describe('checkWorkspace into a stream', () => {
  it('hands on every diagnostic of the report, in its order, a file at a time', () => {
    const whole = run(false).result;
    const streamed = run(true);
    expect(streamed.result.diagnostics).toEqual([]);
    expect(streamed.begun).toBe(whole.memoFiles.length);
    expect(streamed.chunks.flat()).toEqual(whole.diagnostics);
    const files = streamed.chunks.map((c) => c[0]!.file);
    for (const c of streamed.chunks) expect(new Set(c.map((d) => d.file)).size).toBe(1);
    expect(new Set(files).size).toBe(files.length);
    // The people file, a tenet file sorting between memo folders and an unreadable memo are among them.
    expect(files).toEqual(expect.arrayContaining(['a/0002-binary.md', 'b-tenets/extra.yaml', 'c/0003-third.md', 'people.yaml']));
  });
});
