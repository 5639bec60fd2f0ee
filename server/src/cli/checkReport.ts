import { type Diagnostic } from '../core/types';
import { type Severity } from '../shared/vocabulary';

// What one `check` run found, across every workspace it was given: the input of every output
// format. Paths are relative to `root` with `/` separators.

export interface CheckReport {
  /** Absolute path the diagnostics' files are relative to: the workspace root, or the deepest folder holding every root checked. */
  root: string;
  /** How many memos were checked. */
  memoCount: number;
  /** Sorted by file, then position, then rule. */
  diagnostics: Diagnostic[];
}

export type SeverityCounts = Record<Severity, number>;

/** How many diagnostics of each severity. */
export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** 1-based line and column of a 0-based LSP position; columns count UTF-16 code units, as editors do. */
export function oneBased(position: { line: number; character: number }): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}
