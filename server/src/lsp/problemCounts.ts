import type { Diagnostic } from '../core/types';
import type { ProjectFolder } from '../service/projectFolder';

/** Errors and warnings of one file. */
type Tally = [errors: number, warnings: number];

/** Errors and warnings per folder and file, open or not: what the status bar counts. */
export class ProblemCounts {
  private readonly counts = new Map<ProjectFolder, Map<string, Tally>>();

  set(folder: ProjectFolder, rel: string, diagnostics: Diagnostic[]): void {
    let map = this.counts.get(folder);
    if (!map) this.counts.set(folder, (map = new Map()));
    map.set(rel, tally(diagnostics));
  }

  delete(folder: ProjectFolder, rel: string): void {
    this.counts.get(folder)?.delete(rel);
  }

  /** Replaces a folder's counts with a fresh pass's, keeping the entries of `keep` (open documents). */
  replace(folder: ProjectFolder, fresh: Map<string, Tally>, keep: readonly string[]): void {
    const old = this.counts.get(folder);
    for (const rel of keep) {
      const c = old?.get(rel);
      if (c) fresh.set(rel, c);
    }
    this.counts.set(folder, fresh);
  }

  clearFolder(folder: ProjectFolder): void {
    this.counts.delete(folder);
  }

  /** The files of a folder that have errors or warnings, with their counts. */
  filesWithProblems(folder: ProjectFolder): Array<{ rel: string; errors: number; warnings: number }> {
    return [...(this.counts.get(folder) ?? [])].filter(([, [e, w]]) => e + w > 0).map(([rel, [errors, warnings]]) => ({ rel, errors, warnings }));
  }

  totals(folders: readonly ProjectFolder[]): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const folder of folders) {
      for (const [e, w] of this.counts.get(folder)?.values() ?? []) {
        errors += e;
        warnings += w;
      }
    }
    return { errors, warnings };
  }
}

export function tally(diagnostics: Diagnostic[]): Tally {
  let e = 0;
  let w = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') e++;
    else if (d.severity === 'warning') w++;
  }
  return [e, w];
}
