import type { MemoModel } from '../memo/memoModel';
import { frontMatterBroken } from '../memo/lifecycle';
import { parseMemo } from '../memo/memoParser';
import type { Finding, Rule, RuleContext } from './rule';
import { applySuppressions } from './suppressions';
import type { TenetFile } from '../tenets/tenetModel';
import type { IndexCounts, MemoSummary } from '../workspace/memoIndex';
import { frontMatterSummary } from '../workspace/frontMatterSummary';
import { summarise } from '../workspace/memoIndex';
import { type Diagnostic } from '../types';
import { inSliceOrder } from './sliceScheduler';
import type { Workspace } from '../workspace/workspace';
import { type Severity, type SeveritySetting } from '../../shared/vocabulary';

/** Severity overrides from outside the config (editor settings); they win over `.decisions.yaml`. */
type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

/**
 * What `checkWorkspace` asks of a result cache (`check --cache`; `node/checkCache.ts` implements
 * it with content hashes). A memo's results are reused only when the cache says nothing they
 * depend on changed.
 */
export interface MemoResultCache {
  /** A fingerprint of a memo's bytes. */
  contentKey(text: string): string;
  /** A fingerprint of what cross-memo rules read: every memo's id and links. */
  indexKey(ws: Workspace): string;
  summary(file: string, key: string): MemoSummary | undefined;
  /** Whether the cache holds a checked memo's entry for the file, whatever its bytes. */
  holds(file: string): boolean;
  /**
   * What the cache holds of a memo whose file stamp (`WorkspaceFs.stamp`) is the one recorded
   * with it: its content key and summary, without reading the file.
   */
  unchanged(file: string, stamp: string): { key: string; summary: MemoSummary } | undefined;
  /** The front-matter index entry (`frontMatterSummary`) recorded with this stamp by a check of named files. */
  indexEntry(file: string, stamp: string): MemoSummary | undefined;
  /** Records a memo's index entry for later checks of named files. */
  rememberIndexEntry(file: string, stamp: string, summary: MemoSummary): void;
  /** Reused diagnostics; `stamp`, when known, is recorded with the entry for the next run. */
  diagnostics(ws: Workspace, file: string, key: string, index: string, stamp: string | undefined): Diagnostic[] | undefined;
  /**
   * Sets a memo's whole summary aside for `store`, between the passes (the index itself keeps
   * only what checks read); the cache may hold it anywhere, the disk included.
   */
  pack(summary: MemoSummary): PackedSummary;
  /** Sets aside a summary another thread packed (`packSummary` in the cache's module), as `pack` does. */
  setAside(packed: string): PackedSummary;
  /** Records a checked memo; `summary` is its set-aside summary, or undefined when the cache's own entry for these bytes has it. */
  store(ws: Workspace, memo: MemoModel, key: string, stamp: string | undefined, summary: PackedSummary | undefined, index: string, diagnostics: Diagnostic[]): void;
  /** What the memo's evidence paths resolve to now, as `store` records it. */
  evidenceOf(ws: Workspace, memo: MemoModel): string;
  /** Records a memo checked on another thread (which fingerprinted, packed and resolved what `store` would). */
  storeChecked(file: string, record: CheckedRecord, index: string, diagnostics: Diagnostic[]): void;
}

declare const packedSummary: unique symbol;
/** A summary set aside by a result cache (`MemoResultCache.pack`): only that cache can read it. */
export interface PackedSummary {
  readonly [packedSummary]: true;
}

/** What a cache records of a memo besides its results: made by `store` itself, or by a pool thread. */
export interface CheckedRecord {
  /** The content key of the bytes checked. */
  hash: string;
  /** The file's stamp, taken before the bytes were read. */
  stamp: string | undefined;
  /** The memo's whole summary, set aside (`pack`). */
  summary: PackedSummary | undefined;
  /** What its evidence paths resolved to, as the cache records it. */
  evidence: string;
}

/**
 * Other threads that share a whole-workspace check (`node/checkPool.ts`; the core never starts
 * one). A shared check hands them slices of the memo files (`inSliceOrder`), once to index and
 * once to check, and merges the answers in file order, so the result is what one thread computes.
 */
export interface MemoPool {
  /** How many threads share the work, the caller's own included. */
  readonly shares: number;
  /** Fewer memos than this are checked on the calling thread alone (starting threads would cost more). */
  readonly minMemos: number;
  /**
   * Starts reading, parsing and summarising the files on the pool's threads; `collect` waits for
   * them. `light`: from the front matter where it suffices (`frontMatterSummary`).
   */
  summarise(files: readonly string[][], light?: boolean): { collect(): { summaries: (MemoSummary | undefined)[]; unreadable: Diagnostic[] }[] };
  /**
   * Hands thread `worker` (0 is the pool's first thread) a slice to index: it keeps what a check
   * reads of each memo (`MemoIndex.keepOnlyWhatChecksRead`) and answers with the entries and the
   * slice's counts (for `MemoIndex.setCounted` and `addCounts`). `forCache`: also with each
   * memo's content key, stamp and packed summary (`records`), for a result cache.
   */
  index(worker: number, files: readonly string[], forCache: boolean): void;
  /** Completes thread `worker`'s index before checking: the entries it did not index itself, and the whole workspace's counts. */
  prepare(worker: number, others: readonly MemoSummary[], counts: IndexCounts): void;
  /**
   * Hands thread `worker` a slice to check against the whole index: it answers with each memo's
   * diagnostics, in order. `forCache`: suppressed ones included, with each memo's content key and
   * evidence record (`stored`) for a result cache.
   */
  check(worker: number, files: readonly string[], forCache: boolean): void;
  /** Thread `worker`'s answer to the oldest slice it has not answered: waited for when `wait`, else undefined if not there yet. */
  take(worker: number, wait: boolean): SliceAnswer | undefined;
  /** Throws if one of the pool's threads died: the calling thread then stops instead of finishing for nothing. */
  throwIfStopped(): void;
}

/** A pool thread's answer for one slice. */
export type SliceAnswer =
  | { kind: 'index'; entries: MemoSummary[]; counts: IndexCounts; unreadable: Diagnostic[]; records?: SliceRecord[] }
  | { kind: 'check'; diagnostics: Diagnostic[][]; stored?: (SliceStored | undefined)[] };

/** A memo of an indexed slice, for a result cache: the key and stamp of the bytes indexed, and its packed summary. */
export interface SliceRecord {
  file: string;
  hash: string;
  stamp: string | undefined;
  summary: string;
}

/** A memo of a checked slice, for a result cache: the key of the bytes checked and its evidence record. */
export interface SliceStored {
  hash: string;
  evidence: string;
}

export interface CheckOptions {
  overrides?: SeverityOverrides;
  /** Leave quick fixes out of the results (the CLI prints none; they are most of a result's size). */
  withoutFixes?: boolean;
  /**
   * Called when a rule throws: the other rules still run, and the caller decides how to log.
   * Without it the error propagates, so a rule that throws fails its tests instead of passing
   * them by reporting nothing.
   */
  onRuleError?: (ruleId: string, file: string, error: unknown) => void;
  /** Keep the diagnostics that suppression comments silence, marked `suppressed` (for SARIF). */
  includeSuppressed?: boolean;
}

function effectiveSeverity(rule: Rule, ctx: RuleContext, overrides?: SeverityOverrides): SeveritySetting {
  return overrides?.[rule.id] ?? ctx.config.rules[rule.id] ?? rule.defaultSeverity;
}

function toDiagnostic(rule: Rule, severity: Severity, file: string, f: Finding, withFixes = true): Diagnostic {
  const d: Diagnostic = { rule: rule.id, severity, message: f.message, file, range: f.range };
  if (f.related?.length) d.related = f.related;
  if (withFixes && f.fixes?.length) d.fixes = f.fixes;
  return d;
}

/** Runs every memo rule on one parsed memo. */
export function checkMemo(memo: MemoModel, rules: readonly Rule[], ctx: RuleContext, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const broken = frontMatterBroken(memo);
  for (const rule of rules) {
    if (rule.target !== 'memo' || (broken && !rule.bodyOnly)) continue;
    const severity = effectiveSeverity(rule, ctx, options.overrides);
    if (severity === 'off') continue;
    try {
      rule.check(memo, ctx, (f) => out.push(toDiagnostic(rule, severity, memo.file, f, !options.withoutFixes)));
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(rule.id, memo.file, error);
    }
  }
  const sorted = sortDiagnostics(out);
  const suppressions = memo.suppressions;
  if (suppressions.length === 0) return sorted;
  const { diagnostics, unused } = applySuppressions(sorted, suppressions, new Set(rules.map((r) => r.id)));
  for (const rule of rules) {
    if (rule.target !== 'memo' || !rule.checkSuppressions || unused.length === 0) continue;
    const severity = effectiveSeverity(rule, ctx, options.overrides);
    if (severity === 'off') continue;
    rule.checkSuppressions(memo, unused, (f) => diagnostics.push(toDiagnostic(rule, severity, memo.file, f, !options.withoutFixes)));
  }
  const all = sortDiagnostics(diagnostics);
  return options.includeSuppressed ? all : all.filter((d) => !d.suppressed);
}

/** Runs every tenet rule on one tenet file, plus its load problems. */
export function checkTenetFile(file: TenetFile, rules: readonly Rule[], ctx: RuleContext, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, ctx, options.overrides);
    if (severity === 'off') continue;
    if (rule.target === 'tenet-file') {
      try {
        rule.check(file, ctx, (f) => out.push(toDiagnostic(rule, severity, file.file, f)));
      } catch (error) {
        if (!options.onRuleError) throw error;
        options.onRuleError(rule.id, file.file, error);
      }
    } else if (rule.id === 'tenet-file-invalid') {
      for (const p of file.problems) out.push(toDiagnostic(rule, p.severity === 'warning' ? 'warning' : severity, file.file, p));
    }
  }
  return sortDiagnostics(out);
}

/** Load problems (config, people, unreadable files) with their severities resolved; `off` drops them. */
export function loadDiagnostics(ws: Workspace, rules: readonly Rule[], options: CheckOptions = {}): Diagnostic[] {
  const ctx = ws.context();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: Diagnostic[] = [];
  for (const d of [...ws.sharedFileDiagnostics(), ...ws.unreadable.values()]) {
    const rule = byId.get(d.rule);
    const severity = rule ? effectiveSeverity(rule, ctx, options.overrides) : d.severity;
    if (severity === 'off') continue;
    out.push({ ...d, severity: d.severity === 'warning' && severity === 'error' ? 'warning' : severity });
  }
  return out;
}

export interface WorkspaceCheck {
  /** Every diagnostic, sorted; empty when they went to a `DiagnosticStream`. */
  diagnostics: Diagnostic[];
  memoFiles: string[];
  tenetFiles: string[];
}

/**
 * Where `checkWorkspace` hands its diagnostics as they are found, instead of returning them: a
 * file at a time, in the order `sortDiagnostics` gives, so a large check holds none of them.
 */
export interface DiagnosticStream {
  /** Called once, before any file, with the number of memos to be checked. */
  begin(memoCount: number): void;
  /** One file's diagnostics (sorted, never empty); files come in order. */
  file(diagnostics: Diagnostic[]): void;
}

/**
 * Puts the diagnostics in report order as memo results arrive in memo file order: the others
 * (tenet files, settings, unreadable files) are known before the memos are checked, and each is
 * handed on just before the first memo file that sorts after it.
 */
class FileOrder {
  private next = 0;

  constructor(
    private readonly others: readonly Diagnostic[],
    private readonly out: (diagnostics: Diagnostic[]) => void,
  ) {}

  /** One memo's diagnostics, sorted; memos come in file order. */
  memo(file: string, diagnostics: Diagnostic[]): void {
    this.flush(file);
    const same: Diagnostic[] = [];
    while (this.next < this.others.length && this.others[this.next]!.file === file) same.push(this.others[this.next++]!);
    const all = same.length > 0 ? sortDiagnostics([...diagnostics, ...same]) : diagnostics;
    if (all.length > 0) this.out(all);
  }

  /** Everything not handed on yet. */
  finish(): void {
    this.flush(undefined);
  }

  /** Hands on the others that sort before `file` (all of them when undefined), a file at a time. */
  private flush(file: string | undefined): void {
    while (this.next < this.others.length && (file === undefined || this.others[this.next]!.file < file)) {
      const from = this.next;
      const at = this.others[from]!.file;
      while (this.next < this.others.length && this.others[this.next]!.file === at) this.next++;
      this.out(this.others.slice(from, this.next));
    }
  }
}

/** Above this many memos, `checkWorkspace` parses each memo twice rather than holding all parses. */
const KEEP_MODELS_UP_TO = 2000;
/**
 * Up to this many memos, checking named files indexes the others in full (the result is exactly
 * that of a whole-workspace check); above it, from their front matter (`frontMatterSummary`):
 * fast, with relevance drawing on the registry and the named memos only.
 */
const FULL_INDEX_UP_TO = 1000;
/** How much cheaper a front-matter summary is than a checked memo, for when threads pay off. */
const LIGHT_WORK_RATIO = 8;

/**
 * Checks a whole workspace: settings, tenets, then every memo (or just `onlyFiles`) against
 * the index of all memos. Used by the CLI; the server does the same work incrementally.
 */
export function checkWorkspace(
  ws: Workspace,
  rules: readonly Rule[],
  options: CheckOptions & { onlyFiles?: string[]; cache?: (ws: Workspace) => MemoResultCache; fullIndexUpTo?: number; pool?: MemoPool; stream?: DiagnosticStream } = {},
): WorkspaceCheck {
  ws.loadSharedFiles();
  const memoFiles = ws.listMemoFiles();
  const cache = options.cache?.(ws);
  const only = options.onlyFiles ? new Set(options.onlyFiles) : undefined;
  const checked = only ? memoFiles.filter((f) => only.has(f)) : memoFiles;
  const diagnostics: Diagnostic[] = [];
  const stream = options.stream;
  stream?.begin(checked.length);
  const out = stream ? (list: Diagnostic[]) => stream.file(list) : (list: Diagnostic[]) => diagnostics.push(...list);
  const tenetFiles = ws.registry.tenetFiles.map((f) => f.file);
  const result = (): WorkspaceCheck => ({ diagnostics: sortDiagnostics(diagnostics), memoFiles: checked, tenetFiles });
  const frontMatterIndex = only !== undefined && memoFiles.length > (options.fullIndexUpTo ?? FULL_INDEX_UP_TO);
  const pool = options.pool;
  // A cache that knows fewer than half the memos (a first run, new settings) is filled on every
  // thread; a warm one mostly reuses results, which one thread does faster than starting others.
  const coldCache = cache !== undefined && memoFiles.filter((f) => !cache.holds(f)).length * 2 >= memoFiles.length;
  // Most memos will be read (none is known to the cache by its stamp): the disk may fetch them meanwhile.
  if (!only && (!cache || coldCache)) ws.fs.readSoon?.(memoFiles);
  if (pool && pool.shares > 1 && (!cache || coldCache) && !only && !ws.base && memoFiles.length >= Math.max(pool.minMemos, pool.shares)) {
    checkShared(ws, rules, options, pool, memoFiles, out, cache);
    return result();
  }
  // Named files of a large workspace: the others' front matter is read on the pool's threads too.
  // Reading front matter is several times cheaper than a check: threads pay off on more memos.
  const shared = pool && pool.shares > 1 && frontMatterIndex && !cache && memoFiles.length >= Math.max(pool.minMemos * LIGHT_WORK_RATIO, pool.shares) ? shareOut(memoFiles.filter((f) => !only!.has(f)), pool.shares) : undefined;
  const elsewhere = new Set(shared?.slice(1).flat());
  const indexing = shared ? pool!.summarise(shared.slice(1), true) : undefined;
  // Parsed memos are kept between the passes for small workspaces; a large one reads and parses
  // again in the second pass instead, which costs a little time and keeps memory flat: a parsed
  // memo is tens of kilobytes, and even the texts of 30,000 memos were most of the process.
  const keepModels = memoFiles.length <= KEEP_MODELS_UP_TO;
  // A whole check asks nothing of the index but what checks read. A cache stores whole summaries,
  // which a later run may index from: the cache sets them aside (`MemoResultCache.pack`) until stored.
  if (!only) ws.memos.keepOnlyWhatChecksRead();
  // First pass: index every memo (from the cache when its bytes are unchanged).
  const pending: { file: string; text: string | undefined; hash: string | undefined; stamp: string | undefined; model: MemoModel | undefined; summary?: PackedSummary }[] = [];
  /** Indexes a parsed memo; its whole summary packed for the cache, when there is one. */
  const indexParsed = (model: MemoModel): PackedSummary | undefined => {
    const summary = ws.indexMemo(model);
    return cache?.pack(summary);
  };
  /** Whether a memo was indexed from its front matter alone (results then may differ from a full check's). */
  let partialIndex = false;
  for (const file of memoFiles) {
    if (elsewhere.has(file)) continue;
    // A memo whose file stamp is the one the cache recorded is not even read: its summary, and its
    // results when the index is unchanged, come from the cache. Named files in a large workspace
    // then cost a stat per other memo.
    const stamp = cache ? ws.fs.stamp?.(file) : undefined;
    const known = stamp !== undefined ? cache!.unchanged(file, stamp) : undefined;
    if (known) {
      ws.memos.set(known.summary);
      pending.push({ file, text: undefined, hash: known.key, stamp, model: undefined });
      continue;
    }
    const indexedOnly = frontMatterIndex && !only.has(file);
    const entry = indexedOnly && stamp !== undefined ? cache!.indexEntry(file, stamp) : undefined;
    if (entry) {
      ws.memos.set(entry);
      partialIndex = true;
      continue;
    }
    const text = ws.readMemoText(file);
    if (text === undefined) continue;
    // A memo only indexed is fingerprinted only when the cache holds its summary under some hash.
    const hash = cache && (!indexedOnly || cache.holds(file)) ? cache.contentKey(text) : undefined;
    const cached = cache && hash ? cache.summary(file, hash) : undefined;
    const light = !cached && indexedOnly ? frontMatterSummary(file, text) : undefined;
    // A memo only indexed is not checked: nothing of it is kept for the second pass.
    if (cached) {
      ws.memos.set(cached);
      if (!indexedOnly) pending.push({ file, text: keepModels ? text : undefined, hash, stamp, model: undefined });
    } else if (light) {
      ws.memos.set(light);
      partialIndex = true;
    } else {
      const model = parseMemo(file, text);
      const summary = indexParsed(model);
      if (!indexedOnly) pending.push({ file, text: keepModels ? text : undefined, hash, stamp, model: keepModels ? model : undefined, ...(hash !== undefined && summary !== undefined ? { summary } : {}) });
    }
    if (indexedOnly && !cached && stamp !== undefined) cache!.rememberIndexEntry(file, stamp, ws.memos.get(file)!);
  }
  if (indexing) partialIndex = true;
  for (const part of indexing?.collect() ?? []) {
    for (const summary of part.summaries) if (summary) ws.memos.set(summary);
    for (const d of part.unreadable) ws.unreadable.set(d.file, d);
  }
  const ctx = ws.context();
  const index = cache ? cache.indexKey(ws) : '';
  const order = new FileOrder(notOfMemos(ws, rules, ctx, options, only), out);
  // Second pass: check each memo against the complete index.
  for (const p of pending) {
    if (only && !only.has(p.file)) continue;
    const reused = cache && p.hash ? cache.diagnostics(ws, p.file, p.hash, index, p.stamp) : undefined;
    // Suppressed results are kept in the cache, so a later SARIF run can report them.
    const visible = (list: Diagnostic[]) => (options.includeSuppressed ? list : list.filter((d) => !d.suppressed));
    if (reused) {
      order.memo(p.file, visible(reused));
      continue;
    }
    // Not held since the first pass (a large workspace, or known by its stamp): read again.
    const text = p.text ?? ws.readMemoText(p.file);
    if (text === undefined) {
      // It became unreadable since the first pass: that is what there is to say of it.
      order.memo(p.file, loadDiagnostics(ws, rules, options).filter((d) => d.file === p.file));
      continue;
    }
    const model = p.model ?? parseMemo(p.file, text);
    p.model = undefined;
    // Changed since the first pass: the text read now is what is checked and recorded.
    const hash = p.text === undefined && cache ? cache.contentKey(text) : p.hash;
    const stamp = hash === p.hash ? p.stamp : undefined;
    const summary = hash !== p.hash ? indexParsed(model) : p.summary;
    const found = checkMemo(model, rules, ctx, { ...options, includeSuppressed: true });
    // Results against a front-matter index may differ in relevance: a later full check must not reuse them.
    if (cache && hash && !partialIndex) cache.store(ws, model, hash, stamp, summary, index, found);
    order.memo(p.file, visible(found));
  }
  order.finish();
  return result();
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * The diagnostics no memo check gives, sorted: the tenet files' and the load problems (of the
 * `only` files when given, and the config's always), for `FileOrder` to slot in between the memos.
 */
function notOfMemos(ws: Workspace, rules: readonly Rule[], ctx: RuleContext, options: CheckOptions, only: ReadonlySet<string> | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const tf of ws.registry.tenetFiles) if (!only || only.has(tf.file)) out.push(...checkTenetFile(tf, rules, ctx, options));
  out.push(...loadDiagnostics(ws, rules, options).filter((d) => !only || only.has(d.file) || d.file === '.decisions.yaml'));
  return sortDiagnostics(out);
}

/** How many memos in a row one thread indexes or checks in a shared check. */
const SLICE = 64;

function slicesOf(files: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < files.length; i += SLICE) out.push(files.slice(i, i + SLICE));
  return out;
}

/** Contiguous shares of the files, as even as can be: the first goes to the calling thread. */
function shareOut(files: readonly string[], shares: number): string[][] {
  const out: string[][] = [];
  const size = Math.ceil(files.length / shares);
  for (let i = 0; i < files.length; i += size) out.push(files.slice(i, i + size));
  return out;
}

/**
 * A whole-workspace check shared with a pool: slices of the memos go to whichever thread is free
 * (`inSliceOrder`), this one included, once to index and once to check against the full index.
 * Diagnostics come back in memo file order, as the one-thread loop produces them. With a result
 * cache (a cold one: `checkWorkspace` decides), every memo's results are stored as that loop
 * stores them, in the same order: the threads fingerprint, pack and resolve, this one records.
 */
function checkShared(ws: Workspace, rules: readonly Rule[], options: CheckOptions, pool: MemoPool, memoFiles: string[], out: (diagnostics: Diagnostic[]) => void, cache: MemoResultCache | undefined): void {
  const slices = slicesOf(memoFiles);
  const workers = pool.shares - 1;
  const forCache = cache !== undefined;
  /** For the cache: each memo's key, stamp and set-aside summary as indexed, until its results are stored. */
  const records = new Map<string, { hash: string; stamp: string | undefined; summary: PackedSummary }>();
  // Every thread keeps only what a check reads of each memo, and the counts relevance weighs move
  // between threads as data: a thread holds the entries it indexed and is sent the others'.
  ws.memos.keepOnlyWhatChecksRead();
  const indexedBy: number[] = [];
  inSliceOrder<SliceAnswer | undefined>(
    slices.length,
    {
      workers,
      post: (worker, slice) => {
        indexedBy[slice] = worker;
        pool.index(worker, slices[slice]!, forCache);
      },
      take: (worker, wait) => pool.take(worker, wait),
      local: (slice) => {
        for (const file of slices[slice]!) {
          pool.throwIfStopped();
          // The stamp before the read, as the one-thread loop takes it.
          const stamp = cache ? ws.fs.stamp?.(file) : undefined;
          const text = ws.readMemoText(file);
          if (text === undefined) continue;
          const summary = summarise(parseMemo(file, text));
          if (cache) records.set(file, { hash: cache.contentKey(text), stamp, summary: cache.pack(summary) });
          ws.memos.set(summary);
        }
        return undefined;
      },
    },
    (slice, answer) => {
      if (answer?.kind !== 'index') return;
      // An entry's path arrives as a copy: the index keeps this thread's own string of it.
      const own = new Map(slices[slice]!.map((file) => [file, file]));
      for (const entry of answer.entries) ws.memos.setCounted({ ...entry, file: own.get(entry.file) ?? entry.file });
      ws.memos.addCounts(answer.counts);
      for (const d of answer.unreadable) ws.unreadable.set(d.file, d);
      // Set aside as they arrive: held as text until the check pass, 50,000 summaries were hundreds of megabytes.
      if (cache) for (const r of answer.records ?? []) records.set(own.get(r.file) ?? r.file, { hash: r.hash, stamp: r.stamp, summary: cache.setAside(r.summary) });
    },
    Infinity,
  );
  const counts = ws.memos.counts();
  for (let worker = 0; worker < workers; worker++) {
    const others = slices.flatMap((files, slice) => (indexedBy[slice] === worker ? [] : files.map((f) => ws.memos.get(f)).filter((e) => e !== undefined)));
    pool.prepare(worker, others, counts);
  }
  const ctx = ws.context();
  const index = cache ? cache.indexKey(ws) : '';
  const order = new FileOrder(notOfMemos(ws, rules, ctx, options, undefined), out);
  // Suppressed results are kept in the cache, so a later SARIF run can report them.
  const visible = (list: Diagnostic[]) => (!forCache || options.includeSuppressed ? list : list.filter((d) => !d.suppressed));
  inSliceOrder<{ diagnostics: Diagnostic[][]; stored?: (SliceStored | undefined)[] }>(
    slices.length,
    {
      workers,
      post: (worker, slice) => pool.check(worker, slices[slice]!, forCache),
      take: (worker, wait) => {
        const answer = pool.take(worker, wait);
        if (answer && answer.kind !== 'check') throw new Error('a check worker answered out of turn');
        return answer;
      },
      local: (slice) => {
        const checked = slices[slice]!.map((file) => {
          pool.throwIfStopped();
          return checkMemoFile(ws, rules, ctx, options, file, cache);
        });
        return { diagnostics: checked.map((c) => c.diagnostics), stored: checked.map((c) => c.stored) };
      },
    },
    (slice, answer) =>
      slices[slice]!.forEach((file, i) => {
        const diagnostics = answer.diagnostics[i] ?? [];
        const stored = answer.stored?.[i];
        const record = records.get(file);
        // Stored only when the bytes checked are the bytes indexed (a memo saved between the passes is not).
        if (cache && stored && record && record.hash === stored.hash) cache.storeChecked(file, { hash: record.hash, stamp: record.stamp, summary: record.summary, evidence: stored.evidence }, index, diagnostics);
        records.delete(file);
        order.memo(file, visible(diagnostics));
      }),
  );
  order.finish();
}

/**
 * One memo of a shared check, read and parsed again (a large check holds no parses between its
 * passes): a memo unreadable when it was indexed has only its load problem, which the report
 * slots in; one that became unreadable since says so. With `record` (results a cache will
 * store): the suppressed diagnostics too, and the content key and evidence record of the bytes
 * checked, made as the cache makes them (the cache itself, or the same functions on a pool thread).
 */
export function checkMemoFile(
  ws: Workspace,
  rules: readonly Rule[],
  ctx: RuleContext,
  options: CheckOptions,
  file: string,
  record?: Pick<MemoResultCache, 'contentKey' | 'evidenceOf'>,
): { diagnostics: Diagnostic[]; stored: SliceStored | undefined } {
  if (!ws.memos.get(file)) return { diagnostics: [], stored: undefined };
  const text = ws.readMemoText(file);
  if (text === undefined) return { diagnostics: loadDiagnostics(ws, rules, options).filter((d) => d.file === file), stored: undefined };
  const model = parseMemo(file, text);
  if (!record) return { diagnostics: checkMemo(model, rules, ctx, options), stored: undefined };
  const diagnostics = checkMemo(model, rules, ctx, { ...options, includeSuppressed: true });
  return { diagnostics, stored: { hash: record.contentKey(text), evidence: record.evidenceOf(ws, model) } };
}
