// Edit-to-diagnostics on the shipped example workspace: a copy of examples/workspace plus one
// 300-line memo written in its vocabulary, driven through the language server like the 10k
// benchmark (bench/lsp.mjs). Used by bench/run.mjs; also runnable alone:
//   node bench/exampleEdit.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLanguageServer } from './lsp.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLE = path.join(HERE, '..', 'examples', 'workspace');
const WORK = path.join(HERE, '.work', 'example-ws');
const LONG = 'decisions/0006-long-memo-for-editing.md';

function longMemo() {
  const lines = [
    '---',
    'id: "0006"',
    'title: Partition the search index by tenant',
    'status: proposed',
    'date: 2026-11-01',
    'owners: [priya]',
    'reversibility: costly',
    'scope: engineering',
    'tenets: [ENG-LATENCY, CO-TRUST]',
    'evidence:',
    '  - path: evidence/search-slo-report-2026-q3.md',
    '    limits: Four-week window only.',
    '    date: 2026-10-20',
    '---',
    '',
    '# Partition the search index by tenant',
    '',
    '## Context',
    '',
  ];
  for (let part = 1; lines.length < 280; part++) {
    lines.push(
      `### Part ${part}`,
      '',
      `Search latency for large tenants grows with the shared index; part ${part} of the analysis looks at p95 latency,`,
      'shard sizes and the cost of rebuilding an index while queries keep arriving from the API.',
      '',
      '- Query volume per tenant follows a long tail.',
      '- Large tenants dominate the p95 latency of the shared cluster.',
      '- A rebuild of the shared index takes hours and blocks schema changes.',
      '',
    );
  }
  lines.push(
    '## Relevant tenets',
    '',
    '- [[ENG-LATENCY]] ✓ Small per-tenant indexes keep p95 latency inside the objective.',
    '- [[CO-TRUST]] ✓ One tenant can no longer see another tenant\'s documents through a shared index.',
    '',
    'Claim: We believe per-tenant indexes keep search p95 under 200 ms because shard sizes stay small and rebuilds are isolated.',
    'Boundary: This reduces uncertainty about latency for large tenants; it does not prove the operating cost stays flat.',
    '',
  );
  while (lines.length < 300) lines.splice(lines.length - 8, 0, 'More context on the migration plan and its rollback.', '');
  return lines.slice(0, 300).join('\n') + '\n';
}

/** Copies the example, adds the long memo, and measures; resolves to the LSP figures and the workspace used. */
export async function benchExampleEdits({ edits, log = () => {} } = {}) {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.cpSync(EXAMPLE, WORK, { recursive: true });
  fs.writeFileSync(path.join(WORK, LONG), longMemo());
  const memos = fs.readdirSync(path.join(WORK, 'decisions'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
  const lsp = await benchLanguageServer({ root: WORK, longMemo: LONG, openMemo: 'decisions/0002-cache-repeated-search-queries.md', expectedMemos: memos, ...(edits ? { edits } : {}), log });
  return { lsp, memos, longMemo: LONG };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await benchExampleEdits({ log: (m) => console.error(m) });
  console.log(JSON.stringify(r, null, 2));
}
