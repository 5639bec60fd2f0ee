import { describe, expect, it } from 'vitest';
import { runCheck, type CommandIo } from '../../server/src/cli/checkCommand';
import { CliError, errorLine } from '../../server/src/cli/cliError';
import type { MemoRule } from '../../server/src/core/check/rule';
import { ALL_RULES } from '../../server/src/rules/registry';
import { makeDir, memo } from './cliHarness';

// In-process checks of what the spawned CLI cannot easily be made to do: a rule that crashes.

function captureIo(cwd: string): CommandIo & { out: string; notes: string[] } {
  const io = {
    cwd,
    env: {},
    stdoutIsTTY: false,
    today: '2026-06-01',
    out: '',
    notes: [] as string[],
    stdout: (text: string) => void (io.out += text),
    note: (line: string) => void io.notes.push(line),
  };
  return io;
}

describe('runCheck', () => {
  it('reports a crashing rule in one line and exits 2, while the other rules still report', () => {
    const crashing: MemoRule = {
      id: 'crashing-rule',
      target: 'memo',
      description: 'Crashes.',
      defaultSeverity: 'error',
      check() {
        throw new Error('boom\n    at somewhere (file.ts:1:1)');
      },
    };
    const dir = makeDir({ 'decisions/0001-a.md': memo(['owners: []']) });
    const io = captureIo(dir);
    const code = runCheck([], { format: 'json' }, io, [...ALL_RULES, crashing]);
    expect(code).toBe(2);
    expect(io.notes).toEqual(['rule crashing-rule failed on decisions/0001-a.md: boom']);
    expect(JSON.parse(io.out).diagnostics.some((d: { rule: string }) => d.rule === 'owner-missing')).toBe(true);
  });
});

describe('errorLine', () => {
  it('shows a CLI error as is and anything else as one line of internal error', () => {
    expect(errorLine(new CliError('no such file or directory: x'))).toBe('no such file or directory: x');
    expect(errorLine(new TypeError('bad thing\n    at f (x.ts:1:1)'))).toBe('internal error: bad thing');
    expect(errorLine('plain')).toBe('internal error: plain');
  });
});
