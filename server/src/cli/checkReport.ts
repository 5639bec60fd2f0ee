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

/**
 * An output format written a file at a time: a whole-workspace `check` hands each file's
 * diagnostics on as soon as they are known and holds none (`checkCommand.ts`), and a report
 * already in memory goes through the same calls (`writeReport`), so both print the same bytes.
 */
export interface ReportWriter {
  /** The text before the first file. */
  begin(root: string, memoCount: number): string;
  /** One file's diagnostics (sorted, not empty); files come in report order. */
  file(diagnostics: readonly Diagnostic[]): string;
  /** The text after the last file. */
  end(): string;
}

/** A writer with nothing before the first file, told the root, and the counts of what it wrote at the end. */
export function tallyingWriter(parts: { file(diagnostics: readonly Diagnostic[], root: string): string; end(counts: SeverityCounts, memoCount: number): string }): ReportWriter {
  let root = '';
  let memoCount = 0;
  const counts = countSeverities([]);
  return {
    begin(r, n) {
      root = r;
      memoCount = n;
      return '';
    },
    file(diagnostics) {
      countSeverities(diagnostics, counts);
      return parts.file(diagnostics, root);
    },
    end: () => parts.end(counts, memoCount),
  };
}

/** A whole report through a writer. */
export function writeReport(writer: ReportWriter, report: CheckReport): string {
  let out = writer.begin(report.root, report.memoCount);
  let from = 0;
  const list = report.diagnostics;
  for (let i = 1; i <= list.length; i++) {
    if (i < list.length && list[i]!.file === list[from]!.file) continue;
    out += writer.file(list.slice(from, i));
    from = i;
  }
  return out + writer.end();
}

/** How many diagnostics of each severity (added to `counts` when given). */
export function countSeverities(diagnostics: readonly Diagnostic[], counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 }): SeverityCounts {
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** 1-based line and column of a 0-based LSP position; columns count UTF-16 code units, as editors do. */
export function oneBased(position: { line: number; character: number }): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}
