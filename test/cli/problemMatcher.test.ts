import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configOnly, makeDir, memo, runCli } from './cliHarness';

// The `$decision-memos` problem matcher (package.json `problemMatchers`) reads the stylish output
// of a task into the Problems view. This test runs VS Code's multi-line matching (a file line,
// then a looping pattern for each problem line) over real `check` output and compares what it
// finds with the JSON output of the same check.

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { contributes: { problemMatchers: { name: string; pattern: Pattern[] }[] } };
const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'decision-memos')!;

function match(output: string): { file: string; line: number; column: number; severity: string; message: string; code: string }[] {
  const [filePattern, problemPattern] = matcher.pattern.map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const out = [];
  let file: string | undefined;
  let looping = false;
  for (const line of output.split('\n')) {
    if (looping) {
      const m = problemPattern!.re.exec(line);
      if (m) {
        out.push({ file: file!, line: Number(m[problemPattern!.line!]), column: Number(m[problemPattern!.column!]), severity: m[problemPattern!.severity!]!, message: m[problemPattern!.message!]!, code: m[problemPattern!.code!]! });
        continue;
      }
      looping = false;
    }
    const f = filePattern!.re.exec(line);
    if (f) {
      file = f[filePattern!.file!];
      looping = true;
    }
  }
  return out;
}

describe('the $decision-memos problem matcher', () => {
  it('finds every problem of the stylish output at its file, line and column', () => {
    const dir = makeDir({
      '.decisions.yaml': configOnly({ 'owner-missing': undefined, 'status-invalid': undefined, 'date-invalid': 'info', 'supersede-broken': undefined }),
      'decisions/0001-a.md': memo(['status: maybe', 'date: 2026-02-30', 'supersedes: ["0042"]']),
      'decisions/sub folder/0002-b.md': memo(['status: draft']),
    });
    expect(matcher.pattern).toHaveLength(2);
    expect(matcher.pattern[1]!.loop).toBe(true);
    const stylish = runCli(['check', '--no-color'], dir).stdout;
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; message: string; rule: string }[] };
    expect(json.diagnostics.length).toBeGreaterThanOrEqual(5);
    expect(match(stylish)).toEqual(json.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, message: d.message, code: d.rule })));
  });

  it('finds nothing in a clean run', () => {
    const dir = makeDir({ '.decisions.yaml': configOnly({}), 'decisions/0001-a.md': memo(['status: draft']) });
    expect(match(runCli(['check', '--no-color'], dir).stdout)).toEqual([]);
  });
});
