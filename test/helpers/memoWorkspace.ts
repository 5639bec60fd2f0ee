import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import { checkWorkspace } from '../../server/src/core/check/checker';
import type { Diagnostic } from '../../server/src/core/types';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';

/** A fixed "today" so staleness tests do not depend on the clock. */
export const TODAY = '2026-06-01';

/** Tenets most fixtures share: one per layer, plus a retired and a product one. */
export const BASE_TENETS = `- id: CO-TRUST
  layer: company
  title: trust over growth
  tags: [trust, customers, privacy]
  statement: When growth and customer trust conflict, we choose trust over growth because churned trust does not come back.
- id: CO-SPEED
  layer: company
  status: retired
  statement: When speed and polish conflict, we choose speed over polish because learning beats guessing.
- id: ENG-LATENCY
  layer: function
  function: engineering
  parent: CO-TRUST
  title: latency over throughput
  tags: [latency, performance, api]
  statement: When latency and throughput conflict, we choose latency over throughput because users work in flows where milliseconds matter.
- id: PROD-SIMPLE
  layer: function
  function: product
  parent: CO-TRUST
  tags: [onboarding, simplicity]
  statement: When features and simplicity conflict, we choose simplicity over features because new users leave confusing products.
`;

export interface Fixture {
  ws: Workspace;
  fs: InMemoryWorkspaceFs;
  diagnostics: Diagnostic[];
}

/** Checks an in-memory workspace. `files` maps workspace paths to contents; tenets.yaml defaults to BASE_TENETS. */
export function check(files: Record<string, string>): Fixture {
  const fs = new InMemoryWorkspaceFs({ 'tenets.yaml': BASE_TENETS, ...files });
  const ws = new Workspace(fs, RULE_IDS, TODAY);
  const { diagnostics } = checkWorkspace(ws, ALL_RULES);
  return { ws, fs, diagnostics };
}

/** Diagnostics of one rule (optionally on one file). */
export function only(fixture: Fixture, rule: string, file?: string): Diagnostic[] {
  return fixture.diagnostics.filter((d) => d.rule === rule && (file === undefined || d.file === file));
}

/** The text a range covers in a file of the fixture. */
export function textAt(fixture: Fixture, d: Diagnostic): string {
  const text = fixture.fs.files.get(d.file) ?? '';
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = stripped.split(/\r\n|\r|\n/);
  if (d.range.start.line === d.range.end.line) return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
  return [lines[d.range.start.line]!.slice(d.range.start.character), ...lines.slice(d.range.start.line + 1, d.range.end.line), lines[d.range.end.line]!.slice(0, d.range.end.character)].join('\n');
}

/**
 * Applies the fix of a diagnostic and re-checks: returns the new text and diagnostics, and
 * asserts nothing about them (the test does).
 */
export function applyFix(fixture: Fixture, d: Diagnostic, fixIndex = 0, files: Record<string, string> = {}): { text: string; after: Fixture } {
  const fix = d.fixes?.[fixIndex];
  if (!fix) throw new Error(`no fix ${fixIndex} on ${d.rule}`);
  const original = fixture.fs.files.get(d.file)!;
  const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = bom + applyEdits(bom ? original.slice(1) : original, fix.edits);
  const all: Record<string, string> = Object.fromEntries(fixture.fs.files);
  all[d.file] = text;
  if (fix.createFile) all[fix.createFile.path] = fix.createFile.content;
  return { text, after: check({ ...all, ...files }) };
}

/** A memo from front matter lines and body lines. */
export function memo(frontMatter: string[] | undefined, body: string[] = ['# A decision', '']): string {
  const fm = frontMatter ? ['---', ...frontMatter, '---'] : [];
  return [...fm, ...body].join('\n') + '\n';
}

/** A memo with everything a good memo has: use as a base and break one thing per test. */
export function goodMemo(overrides: Record<string, string | undefined> = {}, body?: string[]): string {
  const fields: Record<string, string | undefined> = {
    id: '0001',
    title: 'Use a cache for the search API',
    status: 'proposed',
    date: '2026-05-01',
    owners: '[alice]',
    reversibility: 'two-way',
    tenets: '[ENG-LATENCY]',
    evidence: '\n  - url: https://example.com/slo-report\n    limits: four-week window only\n    date: 2026-04-01',
    ...overrides,
  };
  const fm = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}:${v!.startsWith('\n') ? '' : ' '}${v}`);
  return memo(
    fm,
    body ?? [
      '# Use a cache for the search API',
      '',
      '## Relevant tenets',
      '',
      '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency of the search API.',
      '',
      'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
      'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
    ],
  );
}

export { applyEdits };
