import { countedArtifacts, reversibilityOf } from './evidenceEntries';
import type { MemoModel, MemoStatus, Reversibility } from './memoModel';
import type { Located, Range } from './types';

/** What the workspace remembers of a memo that is not open: enough for cross-memo rules, navigation and the audit. */
export interface MemoSummary {
  file: string;
  id: string;
  idRange: Range;
  title: string | undefined;
  status: MemoStatus | undefined;
  date: string | undefined;
  owners: string[];
  /** Unique tenet ids the memo cites (front matter and inline). */
  cited: string[];
  /** Tenets the memo judged ✗. */
  conflicts: string[];
  supersedes: Located<string>[];
  /** From `superseded-by:` and from a MADR `superseded by X` status. */
  supersededBy: Located<string>[];
  reversibility: Reversibility | undefined;
  evidenceCount: number;
  hasFrontMatter: boolean;
}

export function summarise(memo: MemoModel): MemoSummary {
  return {
    file: memo.file,
    id: memo.id.value,
    idRange: memo.id.range,
    title: memo.title?.value,
    status: memo.statusValue,
    date: memo.date?.value,
    owners: memo.owners.map((o) => o.value),
    cited: [...new Set(memo.citations.map((c) => c.id))],
    conflicts: [...new Set(memo.verdicts.filter((v) => v.verdict === 'conflicts').map((v) => v.id))],
    supersedes: memo.supersedes,
    supersededBy: memo.statusSupersededBy ? [...memo.supersededBy, memo.statusSupersededBy] : memo.supersededBy,
    reversibility: reversibilityOf(memo),
    // Counted as the evidence rules count, so the audit agrees with the diagnostics.
    evidenceCount: countedArtifacts(memo).length,
    hasFrontMatter: memo.frontMatter !== undefined,
  };
}

/** Every memo of the workspace by file and by id; updated one file at a time. */
export class MemoIndex {
  private readonly byFile = new Map<string, MemoSummary>();
  private readonly byId = new Map<string, Set<string>>();

  set(summary: MemoSummary): void {
    this.delete(summary.file);
    this.byFile.set(summary.file, summary);
    let files = this.byId.get(summary.id);
    if (!files) this.byId.set(summary.id, (files = new Set()));
    files.add(summary.file);
  }

  delete(file: string): boolean {
    const old = this.byFile.get(file);
    if (!old) return false;
    this.byFile.delete(file);
    const files = this.byId.get(old.id);
    files?.delete(file);
    if (files && files.size === 0) this.byId.delete(old.id);
    return true;
  }

  get(file: string): MemoSummary | undefined {
    return this.byFile.get(file);
  }

  /** Memos with this id, in file order (more than one is a duplicate). */
  withId(id: string): MemoSummary[] {
    return [...(this.byId.get(id) ?? [])].sort().map((f) => this.byFile.get(f)!);
  }

  get all(): MemoSummary[] {
    return [...this.byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  get size(): number {
    return this.byFile.size;
  }

  /** Memos that cite a tenet. */
  citing(tenetId: string): MemoSummary[] {
    return this.all.filter((m) => m.cited.includes(tenetId));
  }

  /** Memos that name `id` in `supersedes` or `superseded-by`: whose diagnostics change when `id` changes. */
  linkedTo(id: string): MemoSummary[] {
    return this.all.filter((m) => m.supersedes.some((s) => s.value === id) || m.supersededBy.some((s) => s.value === id));
  }
}
