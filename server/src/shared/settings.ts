import { type SeveritySetting } from './vocabulary';

// The settings the VS Code client contributes under `decisionMemos.*` and the server reads
// per resource through `workspace/configuration`. The client's `package.json` schema is
// checked against this file and the rule registry by a test (no drift).

export const SETTINGS_SECTION = 'decisionMemos';

export interface DecisionMemosSettings {
  /** Turns the checker off for a folder. */
  enable: boolean;
  /** Severity per rule id; wins over `.decisions.yaml`. Missing ids use the config or the default. */
  rules: Record<string, SeveritySetting>;
  /** Also publish diagnostics of memos that are not open (workspace-wide Problems). */
  problemsScope: 'openFiles' | 'workspace';
  /** Delay after typing before a memo is re-checked, in milliseconds. */
  debounceMs: number;
  /** Show the "cited by N memos" code lens on tenet definitions. */
  codeLens: boolean;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: DecisionMemosSettings = {
  enable: true,
  rules: {},
  problemsScope: 'openFiles',
  debounceMs: 150,
  codeLens: true,
  trace: { server: 'off' },
};
