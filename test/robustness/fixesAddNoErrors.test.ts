import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import type { Diagnostic } from '../../server/src/core/types';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';

// Every quick fix, on every fixture workspace, applied and re-checked: it must not bring a new
// error-level diagnostic anywhere in the workspace (its blanks may be warnings to fill, never
// errors), and the diagnostic it fixes must change.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKSPACES = ['examples/workspace', 'test/e2e/fixtures/workspace', 'test/fixtures/corpus/adr__madr', 'test/fixtures/corpus/JabRef__jabref', 'test/relevance/dev'];
const TODAY = '2026-12-01';

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) {
        const bytes = fs.readFileSync(path.join(dir, r));
        out[r] = bytes.includes(0) ? '\0binary' : bytes.toString('utf8');
      }
    }
  };
  walk('');
  return out;
}

function check(files: Record<string, string>): Diagnostic[] {
  return checkWorkspace(new Workspace(new InMemoryWorkspaceFs(files), RULE_IDS, TODAY), ALL_RULES).diagnostics;
}

const errorKeys = (ds: Diagnostic[]) => new Set(ds.filter((d) => d.severity === 'error').map((d) => `${d.file}\0${d.rule}\0${d.message}`));

describe('no quick fix adds an error', () => {
  for (const rel of WORKSPACES) {
    it(`on ${rel}`, () => {
      const files = readTree(path.join(ROOT, rel));
      const before = check(files);
      const errorsBefore = errorKeys(before);
      let applied = 0;
      for (const d of before) {
        for (const fix of d.fixes ?? []) {
          const text = files[d.file]!;
          const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
          const next = { ...files, [d.file]: bom + applyEdits(bom ? text.slice(1) : text, fix.edits) };
          if (fix.createFile) next[fix.createFile.path] = fix.createFile.content;
          const after = check(next);
          const added = [...errorKeys(after)].filter((k) => !errorsBefore.has(k)).map((k) => k.replace(/\0/g, ' | '));
          expect(added, `${d.rule} fix "${fix.title}" on ${d.file}`).toEqual([]);
          applied++;
        }
      }
      expect(applied).toBeGreaterThan(0);
    }, 120_000);
  }
});
