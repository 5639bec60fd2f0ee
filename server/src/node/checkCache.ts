import { createHash } from 'node:crypto';
import { resolveEvidencePath } from '../core/evidence/evidencePaths';
import type { MemoSummary } from '../core/workspace/memoIndex';
import type { MemoModel } from '../core/memo/memoModel';
import type { Diagnostic } from '../core/types';
import type { CheckedRecord, MemoResultCache, PackedSummary } from '../core/check/checker';
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
// The cache file is JSON lines (`cli/cacheFile.ts`), safe to delete; one that does not read is ignored.
//
// An entry's summary and results stay on disk: the run holds where they are (`Span`) and reads
// one when it asks for it; what this run records is set aside on disk too, and the file is
// composed from both at the end. 50,000 entries held as text were most of a warm run's memory,
// and a run that fills the cache held every memo's summary and results until its end (749 MB at
// 50,000 memos).

const CACHE_FORMAT = 8;

/** Where a piece of an entry lies: in the cache file read at the start, or set aside by this run. */
export interface Span {
  source: 'read' | 'aside';
  offset: number;
  length: number;
}

/** The bytes behind the spans (`cli/cacheFile.ts`). */
export interface CacheBytes {
  /** The text at a span; undefined when it cannot be read whole (a file cut short). */
  read(span: Span): string | undefined;
  /** Writes text aside for the file composed at the end. */
  setAside(text: string): Span;
}

export interface CacheEntry {
  hash: string;
  /** The file's stamp when `hash` was taken (`WorkspaceFs.stamp`), if it had one. */
  stamp?: string;
  indexKey: string;
  /** The memo's whole summary (`MemoSummary`), as JSON. */
  summary: Span;
  /** `[evidence, diagnostics]` as JSON: the evidence targets and what they resolved to when the entry was written (`[target, resolution][]`), and its diagnostics without fixes. */
  results: Span;
}

/** A memo that was only indexed (`frontMatterSummary`), by a check of named files: the file's stamp and its entry (JSON). */
export interface IndexEntry {
  stamp: string;
  summary: Span;
}

/** One workspace root's entries, in file order. */
export interface CacheData {
  settingsKey: string;
  entries: Map<string, CacheEntry>;
  /** Index entries of memos that checks of named files read and did not check. */
  indexed: Map<string, IndexEntry>;
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
  private readonly entries: ReadonlyMap<string, CacheEntry>;
  private readonly next = new Map<string, CacheEntry>();
  private readonly indexed: ReadonlyMap<string, IndexEntry>;
  private readonly nextIndexed = new Map<string, IndexEntry>();
  private stored = false;
  hits = 0;

  constructor(
    previous: CacheData | undefined,
    private readonly settings: string,
    private readonly bytes: CacheBytes,
  ) {
    const usable = previous?.settingsKey === settings;
    this.entries = usable ? previous.entries : new Map();
    this.indexed = usable ? previous.indexed : new Map();
  }

  contentKey(text: string): string {
    return contentHash(text);
  }

  indexKey(ws: Workspace): string {
    return indexKey(ws);
  }

  /** The cached summary of a memo whose bytes have not changed. */
  summary(file: string, hash: string): MemoSummary | undefined {
    const e = this.entries.get(file);
    return e && e.hash === hash ? this.summaryAt(e.summary) : undefined;
  }

  pack(summary: MemoSummary): PackedSummary {
    return this.setAside(packSummary(summary));
  }

  setAside(packed: string): PackedSummary {
    return this.bytes.setAside(packed) as unknown as PackedSummary;
  }

  holds(file: string): boolean {
    return this.entries.has(file);
  }

  unchanged(file: string, stamp: string): { key: string; summary: MemoSummary } | undefined {
    const e = this.entries.get(file);
    const summary = e && e.stamp === stamp ? this.summaryAt(e.summary) : undefined;
    return summary ? { key: e!.hash, summary } : undefined;
  }

  indexEntry(file: string, stamp: string): MemoSummary | undefined {
    const e = this.indexed.get(file);
    return e && e.stamp === stamp ? this.summaryAt(e.summary) : undefined;
  }

  rememberIndexEntry(file: string, stamp: string, summary: MemoSummary): void {
    this.nextIndexed.set(file, { stamp, summary: this.bytes.setAside(packSummary(summary)) });
    this.stored = true;
  }

  /** Cached diagnostics, when the index and the memo's evidence on disk are as they were. */
  diagnostics(ws: Workspace, file: string, hash: string, index: string, stamp: string | undefined): Diagnostic[] | undefined {
    const e = this.entries.get(file);
    if (!e || e.hash !== hash || e.indexKey !== index) return undefined;
    const results = parsed<[unknown, unknown]>(this.bytes.read(e.results));
    if (!Array.isArray(results)) return undefined;
    const [evidence, diagnostics] = results as [[string, string][], Diagnostic[]];
    if (!Array.isArray(evidence) || !Array.isArray(diagnostics)) return undefined;
    for (const pair of evidence) {
      if (!Array.isArray(pair)) return undefined;
      const [target, was] = pair;
      if (typeof target !== 'string' || JSON.stringify(resolveEvidencePath(target, file, ws.fs)) !== was) return undefined;
    }
    this.hits++;
    // Same bytes under a new stamp (touched, checked out again): the next run need not read it.
    if (e.stamp === stamp) this.next.set(file, e);
    else {
      this.next.set(file, { ...e, ...(stamp !== undefined ? { stamp } : {}) });
      this.stored = true;
    }
    return diagnostics;
  }

  store(ws: Workspace, memo: MemoModel, hash: string, stamp: string | undefined, summary: PackedSummary | undefined, index: string, diagnostics: Diagnostic[]): void {
    this.storeChecked(memo.file, { hash, stamp, summary, evidence: this.evidenceOf(ws, memo) }, index, diagnostics);
  }

  evidenceOf(ws: Workspace, memo: MemoModel): string {
    return evidenceRecord(memo, ws.fs);
  }

  storeChecked(file: string, record: CheckedRecord, index: string, diagnostics: Diagnostic[]): void {
    const previous = this.entries.get(file);
    const summary = (record.summary as unknown as Span | undefined) ?? (previous?.hash === record.hash ? previous.summary : undefined);
    // Without the summary of these bytes there is nothing a later run could index from.
    if (summary === undefined) return;
    // Fixes are for editors; the CLI prints none, and they would double the file.
    const lean = diagnostics.map(({ fixes: _fixes, ...d }) => d);
    this.next.set(file, {
      hash: record.hash,
      ...(record.stamp !== undefined ? { stamp: record.stamp } : {}),
      indexKey: index,
      summary,
      results: this.bytes.setAside(`[${record.evidence},${JSON.stringify(lean)}]`),
    });
    this.stored = true;
  }

  /** Whether this run's entries differ from what was read (new results, or memos gone). */
  get changed(): boolean {
    return this.stored || this.entries.size !== this.next.size;
  }

  /**
   * What to write back: the entries of this run only, so deleted memos drop out (a check of named
   * files merges them into what it read, `checkRun.ts`).
   */
  toData(): CacheData {
    return { settingsKey: this.settings, entries: this.next, indexed: this.nextIndexed };
  }

  private summaryAt(span: Span): MemoSummary | undefined {
    return parsedSummary(this.bytes.read(span));
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
