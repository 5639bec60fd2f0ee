import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { DependencyGraph, mergeAffected, nothingAffected } from '../../server/src/core/workspace/dependencyGraph';
import { MemoIndex, summarise } from '../../server/src/core/workspace/memoIndex';
import { memo } from '../helpers/memoWorkspace';

function indexed(files: Record<string, string>): { index: MemoIndex; graph: DependencyGraph } {
  const index = new MemoIndex();
  const graph = new DependencyGraph(index);
  for (const [file, text] of Object.entries(files)) {
    const m = parseMemo(file, text);
    index.set(summarise(m));
    graph.setMemo(m);
  }
  return { index, graph };
}

describe('DependencyGraph', () => {
  const files = {
    'decisions/0001-a.md': memo(['id: "0001"', 'supersedes: ["0002"]', 'evidence: [reports/slo.md]']),
    'decisions/0002-b.md': memo(['id: "0002"']),
    'decisions/0003-c.md': memo(['id: "0003"', 'superseded-by: ["0001"]', 'evidence: [{path: ../reports/q3/}]']),
    'decisions/0004-dup.md': memo(['id: "0002"']),
  };

  it('a changed id affects the memos with that id and the memos linking to either id', () => {
    const { index, graph } = indexed(files);
    const before = index.get('decisions/0001-a.md');
    const after = summarise(parseMemo('decisions/0001-a.md', memo(['id: "0009"', 'supersedes: ["0002"]'])));
    expect(graph.memoChanged('decisions/0001-a.md', before, after).files.sort()).toEqual(['decisions/0002-b.md', 'decisions/0003-c.md', 'decisions/0004-dup.md']);
  });

  it('an edit that keeps id and links affects no other memo, and says whether citations changed', () => {
    const { index, graph } = indexed(files);
    const before = index.get('decisions/0002-b.md');
    const after = summarise(parseMemo('decisions/0002-b.md', memo(['id: "0002"', 'tenets: [CO-TRUST]'])));
    expect(graph.memoChanged('decisions/0002-b.md', before, after)).toEqual({ ...nothingAffected(), citationsChanged: true });
  });

  it('a file appearing affects the memos whose evidence names it (relative to the memo or the root), or a folder above it', () => {
    const { graph } = indexed(files);
    expect(graph.presenceChanged('decisions/reports/slo.md').files).toEqual(['decisions/0001-a.md']);
    expect(graph.presenceChanged('reports/slo.md').files).toEqual(['decisions/0001-a.md']);
    expect(graph.presenceChanged('reports').files.sort()).toEqual(['decisions/0001-a.md', 'decisions/0003-c.md']);
    expect(graph.presenceChanged('unrelated.md').files).toEqual([]);
  });

  it('tenets and people affect every file; the config also asks for a new index', () => {
    const { graph } = indexed(files);
    expect(graph.tenetsChanged(true)).toMatchObject({ all: true, reindex: false });
    expect(graph.peopleChanged(false)).toEqual(nothingAffected());
    expect(graph.configChanged(true)).toMatchObject({ all: true, reindex: true });
  });

  it('merges the effects of a batch', () => {
    const a = { ...nothingAffected(), files: ['x', 'y'], citationsChanged: true };
    const b = { ...nothingAffected(), files: ['y', 'z'], removed: ['w'], all: true };
    expect(mergeAffected(a, b)).toEqual({ reindex: false, all: true, files: ['x', 'y', 'z'], removed: ['w'], citationsChanged: true });
  });
});
