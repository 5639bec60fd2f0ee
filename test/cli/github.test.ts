import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { configOnly, makeDir, memo, runCli } from './cliHarness';

// `check --format github`: workflow commands GitHub Actions turns into annotations. The test reads
// them back the way the runner does (split at the first `::` after the properties, properties at
// `,`, then unescape) and checks they point where the JSON output points.

interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

function parseCommands(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries(m[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescapeProperty(p.slice(p.indexOf('=') + 1))]));
    out.push({ level: m[1]!, props, message: unescapeData(m[3]!) });
  }
  return out;
}

describe('--format github', () => {
  it('escapes data and property values as GitHub specifies', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('prints one workflow command per diagnostic that reads back to the same file, line and column', () => {
    const dir = makeDir({
      '.decisions.yaml': configOnly({ 'owner-missing': undefined, 'status-invalid': undefined, 'date-invalid': 'info' }),
      // Commas, colons and percent signs in the path and the message must survive the trip.
      'decisions/0001-a, b: 100%.md': memo(['status: maybe', 'owners: [ann]']),
      'decisions/0002-b.md': memo(['status: draft', 'date: 2026-02-30']),
    });
    const r = runCli(['check', '--format', 'github'], dir, { GITHUB_WORKSPACE: undefined });
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { diagnostics: { file: string; rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] };
    const annotations = parseCommands(r.stdout);
    expect(annotations.length).toBe(json.diagnostics.length);
    expect(annotations.length).toBeGreaterThanOrEqual(3);
    annotations.forEach((a, i) => {
      const d = json.diagnostics[i]!;
      expect(a.props).toEqual({ file: d.file, line: String(d.line), col: String(d.column), endLine: String(d.endLine), endColumn: String(d.endColumn), title: d.rule });
      expect(a.message).toBe(d.message);
      expect(a.level).toBe(d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice');
    });
    expect(new Set(annotations.map((a) => a.level))).toEqual(new Set(['error', 'warning', 'notice']));
    expect(annotations.some((a) => a.props.file === 'decisions/0001-a, b: 100%.md')).toBe(true);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^decision-memos: 2 memos checked: 1 errors, \d+ warnings, \d+ infos, 0 hints\.$/);
    expect(r.status).toBe(1);
  });

  it('makes paths relative to GITHUB_WORKSPACE when the checked folder is inside it', () => {
    const repo = makeDir({ 'docs/.decisions.yaml': configOnly({ 'owner-missing': undefined }), 'docs/decisions/0001-a.md': memo(['status: draft']) });
    const r = runCli(['check', '--format', 'github', 'docs'], repo, { GITHUB_WORKSPACE: repo });
    expect(parseCommands(r.stdout).map((a) => a.props.file)).toEqual(['docs/decisions/0001-a.md']);
    const fromInside = runCli(['check', '--format', 'github', '.'], path.join(repo, 'docs'), { GITHUB_WORKSPACE: repo });
    expect(parseCommands(fromInside.stdout).map((a) => a.props.file)).toEqual(['docs/decisions/0001-a.md']);
  });
});
