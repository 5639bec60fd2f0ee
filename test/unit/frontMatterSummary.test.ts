import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { parseMemo } from '../../server/src/core/memo/memoParser';
import { frontMatterSummary } from '../../server/src/core/workspace/frontMatterSummary';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { summarise, type MemoSummary } from '../../server/src/core/workspace/memoIndex';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, TODAY } from '../helpers/memoWorkspace';

// Checking a few named files of a large workspace indexes the other memos from their front matter
// alone. What cross-memo rules read of them (ids, supersede links) must be exactly what the full
// parse gives, or a pre-commit hook would report duplicate ids and broken links that CI does not.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The fields the front-matter summary promises to get right. */
function indexed(s: MemoSummary) {
  return { file: s.file, id: s.id, idRange: s.idRange, supersedes: s.supersedes, supersededBy: s.supersededBy };
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(abs));
    else if (entry.name.endsWith('.md')) out.push(abs);
  }
  return out;
}

const TRICKY: Record<string, string> = {
  'd/0001-plain.md': '---\nid: "0001"\nstatus: accepted\nsupersedes: ["0000"]\n---\n# A\n',
  'd/0002-crlf.md': '---\r\nid: X-2\r\nstatus: proposed\r\nsuperseded-by: [0003-next.md]\r\n---\r\n# B\r\n',
  'd/0003-bom.md': '\ufeff---\nstatus: superseded\nsupersedes:\n  - "[ADR-1](0001-plain.md)"\n  - 0002\n---\nbody\n',
  'd/0004-underscore.md': '---\nstatus: deprecated\nsuperseded_by: "0005"\n...\nbody\n',
  'd/0005-by-status.md': '---\nstatus: superseded by [ADR-6](0006-x.md)\n---\n',
  'd/0006-no-status.md': '---\nid: "0006"\n---\n## Status\n\nSuperseded by [ADR-7](0007-x.md)\n',
  'd/0007-none.md': '# No front matter\n\n## Status\n\nAccepted\n',
  'd/0008-unclosed.md': '---\nid: "0008"\nstatus: draft\n',
  'd/0009-broken.md': '---\nid: [unclosed\nstatus: draft\n---\n',
  'd/0010-list.md': '---\nid: 10\nstatus: accepted\nsupersedes: 0009\nsuperseded-by:\nsuperseded_by: ["0011"]\n---\n',
  'd/0011-indented.md': '---\n  id: "0011"\n  status: accepted\n---\n',
  'd/0012-cr.md': '---\rid: "0012"\rstatus: accepted\r---\rbody\r',
  'd/0013-last-line.md': '---\nid: "0013"\nstatus: accepted\n---',
  'd/0014-empty-id.md': '---\nid:\nstatus: accepted\n---\n',
  'd/0015-bold-status.md': '---\nstatus: "**Superseded** by 0016"\n---\n',
};

describe('frontMatterSummary', () => {
  it('gives the ids and links the full parse gives, on every memo of the example workspace, the corpus and tricky shapes', () => {
    const samples: [string, string][] = Object.entries(TRICKY);
    for (const dir of ['examples/workspace', 'test/fixtures/corpus']) {
      for (const abs of markdownFiles(path.join(ROOT, dir))) samples.push([path.relative(ROOT, abs).split(path.sep).join('/'), fs.readFileSync(abs, 'utf8')]);
    }
    let summarised = 0;
    for (const [file, text] of samples) {
      const light = frontMatterSummary(file, text);
      if (!light) continue;
      summarised++;
      expect(indexed(light), file).toEqual(indexed(summarise(parseMemo(file, text))));
    }
    // Most memos have front matter with a status: the fast path is the common one.
    expect(summarised).toBeGreaterThan(40);
  });

  it('declines when the body or a full parse may say otherwise', () => {
    for (const file of ['d/0005-by-status.md', 'd/0006-no-status.md', 'd/0007-none.md', 'd/0008-unclosed.md', 'd/0009-broken.md', 'd/0015-bold-status.md']) {
      expect(frontMatterSummary(file, TRICKY[file]!), file).toBeUndefined();
    }
  });
});

describe('checking named files of a large workspace', () => {
  const files: Record<string, string> = {
    'tenets.yaml': BASE_TENETS,
    'decisions/0001-a.md': '---\nid: "0001"\nstatus: accepted\nowners: [ann]\n---\n# A\n',
    'decisions/0002-b.md': '---\nid: "0002"\nstatus: accepted\nsupersedes: ["0001"]\n---\n# B\n',
    'decisions/0003-c.md': '---\nid: "0002"\nstatus: draft\n---\n# C\n',
    'decisions/0004-d.md': '# D\n\n## Status\n\nSuperseded by [ADR-1](0001-a.md)\n',
    'decisions/0005-e.md': '---\nstatus: proposed\nsuperseded-by: ["0009"]\n---\n# E\n',
  };
  for (let i = 10; i < 40; i++) files[`decisions/00${i}-filler.md`] = `---\nstatus: draft\nowners: [ann]\n---\n# Filler ${i} about latency\n`;

  function crossMemo(fullIndexUpTo: number, only: string[]) {
    const ws = new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY);
    const { diagnostics } = checkWorkspace(ws, ALL_RULES, { onlyFiles: only, fullIndexUpTo });
    return { ws, found: diagnostics.filter((d) => d.rule === 'memo-duplicate-id' || d.rule === 'supersede-broken') };
  }

  it('reports the same duplicate ids and supersede links from a front-matter index as from a full one', () => {
    const named = ['decisions/0001-a.md', 'decisions/0002-b.md', 'decisions/0005-e.md'];
    const full = crossMemo(1000, named);
    const light = crossMemo(0, named);
    // The filler memos were indexed from their front matter in the second run only.
    expect(full.ws.memos.get('decisions/0010-filler.md')?.keyTerms).not.toEqual([]);
    expect(light.ws.memos.get('decisions/0010-filler.md')?.keyTerms).toEqual([]);
    expect(full.found.map((d) => `${d.file} ${d.rule}`)).toEqual([
      'decisions/0001-a.md supersede-broken',
      'decisions/0001-a.md supersede-broken',
      'decisions/0002-b.md memo-duplicate-id',
      'decisions/0005-e.md supersede-broken',
    ]);
    expect(light.found).toEqual(full.found);
  });
});
