import { createHash } from 'node:crypto';
import { resolveEvidencePath } from '../core/evidence/evidencePaths';
import type { MemoSummary } from '../core/workspace/memoIndex';
import type { MemoModel } from '../core/memo/memoModel';
import type { Diagnostic } from '../core/types';
import type { CheckedRecord, MemoResultCache } from '../core/check/checker';
import type { Workspace } from '../core/workspace/workspace';

// The result cache behind `check --cache`. A memo's diagnostics are reused only when nothing
// they depend on can have changed:
//   - the memo's own bytes (content hash; a memo whose size and modification time are those
//     recorded with the hash is taken as unchanged without being read, as ESLint's cache does);
//   - the settings: tool version, `.decisions.yaml`, the people directory, every tenet file,
//     severity overrides and today's date (staleness depends on it) — any change drops the
//     whole cache;
//   - the cross-memo facts (ids and supersede links of every memo) — the index key;
//   - what its evidence paths resolve to on disk right now (re-checked with a stat each run).
// The cache is plain JSON, safe to delete, and a file that does not parse is ignored.
//
// An entry's summary, evidence and diagnostics are held as JSON text inside the JSON (parsed when
// a run asks for them): 50,000 entries read as objects were most of a warm run's memory, and a run
// that fills the cache held every memo's summary and results as objects until its end (1.2 GB at
// 30,000 memos). As text, an entry costs about its size in the file.

const CACHE_FORMAT = 7;

interface CacheEntry {
  hash: string;
  /** The file's stamp when `hash` was taken (`WorkspaceFs.stamp`), if it had one. */
  stamp?: string;
  /** The memo's whole summary (`MemoSummary`), as JSON. */
  summary: string;
  indexKey: string;
  /** Evidence targets and what they resolved to when the entry was written (`[target, resolution][]`), as JSON. */
  evidence: string;
  /** Its diagnostics without fixes (`Diagnostic[]`), as JSON. */
  diagnostics: string;
}

/** A memo that was only indexed (`frontMatterSummary`), by a check of named files: its entry (JSON) and the file's stamp. */
interface IndexEntry {
  stamp: string;
  summary: string;
}

export interface CacheData {
  format: number;
  settingsKey: string;
  entries: Record<string, CacheEntry>;
  /** Index entries of memos that checks of named files read and did not check. */
  indexed?: Record<string, IndexEntry>;
}

/** A fingerprint of a memo's bytes (`MemoResultCache.contentKey`); check workers take it too. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The settings fingerprint: any difference invalidates every entry. */
export function settingsKey(ws: Workspace, extra: string): string {
  const h = createHash('sha1');
  h.update(`${CACHE_FORMAT}\0${extra}\0${ws.today}\0`);
  // Every settings file a check reads: the config, people, CODEOWNERS, the authority matrix, and
  // the shared configs `extends` looked at (a change in any of them changes every result).
  for (const file of [...new Set([...ws.settingsFiles(), ...ws.extendsFiles])].sort()) {
    const read = ws.fs.readText(file);
    h.update(`${file}\0${read.ok ? read.text : `(${read.reason})`}\0`);
  }
  for (const tf of ws.registry.tenetFiles.sort((a, b) => (a.file < b.file ? -1 : 1))) h.update(`${tf.file}\0${tf.text}\0`);
  return h.digest('base64url');
}

/** The fingerprint of what cross-memo rules read: every memo's id and links. */
function indexKey(ws: Workspace): string {
  const h = createHash('sha1');
  for (const m of ws.memos.all) {
    h.update(`${m.file}\0${m.id}\0${m.status ?? ''}\0${m.supersedes.map((l) => l.value).join(',')}\0${m.supersededBy.map((l) => l.value).join(',')}\n`);
  }
  return h.digest('base64url');
}

export class CheckCache implements MemoResultCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly next: Record<string, CacheEntry> = {};
  private readonly indexed: Record<string, IndexEntry>;
  private readonly nextIndexed: Record<string, IndexEntry> = {};
  private stored = false;
  hits = 0;

  constructor(
    previous: unknown,
    private readonly settings: string,
  ) {
    const data = previous as Partial<CacheData> | undefined;
    const usable = data && data.format === CACHE_FORMAT && data.settingsKey === settings && typeof data.entries === 'object' && data.entries !== null;
    this.entries = usable ? (data.entries as Record<string, CacheEntry>) : {};
    this.indexed = usable && typeof data.indexed === 'object' && data.indexed !== null ? data.indexed : {};
  }

  contentKey(text: string): string {
    return contentHash(text);
  }

  indexKey(ws: Workspace): string {
    return indexKey(ws);
  }

  /** The cached summary of a memo whose bytes have not changed. */
  summary(file: string, hash: string): MemoSummary | undefined {
    const e = this.entries[file];
    return e && e.hash === hash ? parsedSummary(e.summary) : undefined;
  }

  pack(summary: MemoSummary): string {
    return packSummary(summary);
  }

  holds(file: string): boolean {
    return Object.hasOwn(this.entries, file);
  }

  unchanged(file: string, stamp: string): { key: string; summary: MemoSummary } | undefined {
    const e = this.entries[file];
    const summary = e && e.stamp === stamp ? parsedSummary(e.summary) : undefined;
    return summary ? { key: e!.hash, summary } : undefined;
  }

  indexEntry(file: string, stamp: string): MemoSummary | undefined {
    const e = this.indexed[file];
    return e && e.stamp === stamp ? parsedSummary(e.summary) : undefined;
  }

  rememberIndexEntry(file: string, stamp: string, summary: MemoSummary): void {
    this.nextIndexed[file] = { stamp, summary: this.pack(summary) };
    this.stored = true;
  }

  /** Cached diagnostics, when the index and the memo's evidence on disk are as they were. */
  diagnostics(ws: Workspace, file: string, hash: string, index: string, stamp: string | undefined): Diagnostic[] | undefined {
    const e = this.entries[file];
    if (!e || e.hash !== hash || e.indexKey !== index) return undefined;
    const evidence = parsed<[string, string][]>(e.evidence);
    const diagnostics = parsed<Diagnostic[]>(e.diagnostics);
    if (!Array.isArray(evidence) || !Array.isArray(diagnostics)) return undefined;
    for (const [target, was] of evidence) {
      if (JSON.stringify(resolveEvidencePath(target, file, ws.fs)) !== was) return undefined;
    }
    this.hits++;
    // Same bytes under a new stamp (touched, checked out again): the next run need not read it.
    if (e.stamp === stamp) this.next[file] = e;
    else {
      this.next[file] = { ...e, stamp };
      this.stored = true;
    }
    return diagnostics;
  }

  store(ws: Workspace, memo: MemoModel, hash: string, stamp: string | undefined, summary: string | undefined, index: string, diagnostics: Diagnostic[]): void {
    this.storeChecked(memo.file, { hash, stamp, summary, evidence: this.evidenceOf(ws, memo) }, index, diagnostics);
  }

  evidenceOf(ws: Workspace, memo: MemoModel): string {
    return evidenceRecord(memo, ws.fs);
  }

  storeChecked(file: string, record: CheckedRecord, index: string, diagnostics: Diagnostic[]): void {
    const previous = this.entries[file];
    const packed = record.summary ?? (previous?.hash === record.hash ? previous.summary : undefined);
    // Without the summary of these bytes there is nothing a later run could index from.
    if (packed === undefined) return;
    // Fixes are for editors; the CLI prints none, and they would double the file.
    const lean = diagnostics.map(({ fixes: _fixes, ...d }) => d);
    this.next[file] = {
      hash: record.hash,
      ...(record.stamp !== undefined ? { stamp: record.stamp } : {}),
      summary: packed,
      indexKey: index,
      evidence: record.evidence,
      diagnostics: JSON.stringify(lean),
    };
    this.stored = true;
  }

  /** Whether this run's entries differ from what was read (new results, or memos gone). */
  get changed(): boolean {
    return this.stored || Object.keys(this.entries).length !== Object.keys(this.next).length;
  }

  /**
   * What to write back: the entries of this run only, so deleted memos drop out (a check of named
   * files merges them into what it read, `checkRun.ts`).
   */
  toJSON(): CacheData {
    const indexed = Object.keys(this.nextIndexed).length > 0 ? { indexed: this.nextIndexed } : {};
    return { format: CACHE_FORMAT, settingsKey: this.settings, entries: this.next, ...indexed };
  }
}

/** A memo's whole summary as the cache holds it (`MemoResultCache.pack`); check workers pack them too. */
export function packSummary(summary: MemoSummary): string {
  return JSON.stringify(summary);
}

/** What a memo's evidence paths resolve to now (`[target, resolution][]`, as JSON): a stored result holds only while they resolve the same. */
export function evidenceRecord(memo: MemoModel, fs: Workspace['fs']): string {
  const evidence = memo.evidence
    .filter((e) => e.kind === 'path' && e.target !== '')
    .map((e): [string, string] => [e.target, JSON.stringify(resolveEvidencePath(e.target, memo.file, fs))]);
  return JSON.stringify(evidence);
}

/** A summary read back; undefined when the text is not one, so the memo is read and indexed afresh. */
function parsedSummary(text: unknown): MemoSummary | undefined {
  const s = parsed<Partial<MemoSummary>>(text);
  return s && typeof s === 'object' && typeof s.file === 'string' && typeof s.id === 'string' ? (s as MemoSummary) : undefined;
}

/** A JSON text of the cache parsed, or undefined when it is not one (a damaged or hand-edited file). */
function parsed<T>(text: unknown): T | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
