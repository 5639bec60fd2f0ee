import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Diagnostic as LspDiagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkWorkspace } from '../../server/src/core/check/checker';
import { NodeWorkspaceFs } from '../../server/src/node/nodeWorkspaceFs';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { toLspDiagnostic } from '../../server/src/service/convert';
import { localToday } from '../../server/src/core/dates';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS } from '../helpers/memoWorkspace';
import { MARKDOWN_TENETS, PEOPLE } from '../protocol/fixture';
import { LspHarness, makeWorkspace, uriOf, writeFiles, type StartOptions } from '../protocol/lspHarness';
import { burstableMemo, typingStream, TypedDoc, type TextChange } from './typingStream';

// The language server under a storm of edits, over stdio as an editor drives it: every request
// is answered (latency measured), every published diagnostic set equals what a fresh check of
// the same text says, and memory goes back down once the documents are closed. Every wait is
// for a message, with a timeout that fails the test.
// (The storms share one harness and one tear-down; over 300 lines on purpose.)

const PUBLISH = 'textDocument/publishDiagnostics';
/** A request must be answered within this while the storm goes on (typical answers take milliseconds). */
const MAX_LATENCY_MS = 2000;
/** How much the server's resident memory may stay above its idle level once the documents are closed and garbage collected. */
const RSS_SLACK_MB = 60;
/** Live heap (after a full GC) the server may keep above idle after a storm: caches and counts, not documents. */
const HEAP_SLACK_MB = 8;
/** Live heap growth allowed from the first storm cycle to the third: anything that leaks per edit exceeds it. */
const HEAP_GROWTH_MB = 2;
const GC_HOOK = path.join(__dirname, 'gcOnSignal.cjs');
/** Starting a server and waiting for its first full pass takes a second alone, far longer beside other test files on two cores. */
const HOOK_TIMEOUT_MS = 60_000;

/** Disk files every test workspace holds: config, people, tenets in YAML and markdown, an evidence file. */
function baseFiles(): Record<string, string> {
  return {
    '.decisions.yaml': 'people: people.yaml\nevidence:\n  maxAgeDays: 3650\n',
    'people.yaml': PEOPLE,
    'tenets.yaml': BASE_TENETS,
    'tenets/search.md': MARKDOWN_TENETS,
    'evidence/slo.md': '# SLO report\n',
  };
}

/** Memos on disk that are not typed into: one without an owner, one citing an unknown tenet. */
function closedMemos(numbers: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of numbers) {
    let text = burstableMemo(n);
    if (n % 2 === 0) text = text.replace('owners: [alice]\n', '');
    else text = text.replace('tenets: [ENG-LATENCY]', 'tenets: [ENG-LATENCY, NOPE-1]');
    out[memoPath(n)] = text;
  }
  return out;
}

function memoPath(n: number): string {
  return `decisions/${String(n).padStart(4, '0')}-cache-part-${n}.md`;
}

/**
 * A fresh check the way the CLI does it: a copy of the workspace on disk, with the given texts
 * written in, checked as a whole by the core. Diagnostics are converted as the server converts
 * them, with related locations pointing into the server's workspace, so they compare as equal.
 */
class FreshCheck {
  private readonly copy: string;

  constructor(private readonly root: string) {
    this.copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'decision-memos-fresh-')));
    fs.cpSync(root, this.copy, { recursive: true });
  }

  /** Diagnostics per workspace-relative file, after writing `texts` into the copy. */
  run(texts: Record<string, string>): Map<string, LspDiagnostic[]> {
    writeFiles(this.copy, texts);
    const ws = new Workspace(new NodeWorkspaceFs(this.copy), RULE_IDS, localToday());
    const out = new Map<string, LspDiagnostic[]>();
    for (const d of checkWorkspace(ws, ALL_RULES).diagnostics) {
      const list = out.get(d.file) ?? [];
      list.push(plain(toLspDiagnostic(d, (rel) => uriOf(this.root, rel))));
      out.set(d.file, list);
    }
    return out;
  }

  /** Errors and warnings over the whole workspace (what the server's status notification counts). */
  totals(texts: Record<string, string>): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const list of this.run(texts).values()) {
      for (const d of list) {
        if (d.severity === 1) errors++;
        else if (d.severity === 2) warnings++;
      }
    }
    return { errors, warnings };
  }

  dispose(): void {
    fs.rmSync(this.copy, { recursive: true, force: true });
  }
}

/** A value as it looks after a trip through JSON (no undefined properties). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Math.round(Number(kb) / 102.4) / 10;
}

/** One step of a scripted session: a `didChange` event, or a request with what its answer must show. */
type Step =
  | { kind: 'change'; doc: TypedDoc; version: number; changes: TextChange[]; text: string }
  | { kind: 'request'; method: string; params: unknown; check: (result: any) => string | undefined };

/** `count` keystrokes of a document's typing stream from burst `first` on, with `extra(n)` steps after the n-th. */
function keystrokes(doc: TypedDoc, count: number, first = 0, extra: (n: number) => Step[] = () => []): Step[] {
  const steps: Step[] = [];
  const stream = typingStream(doc, first);
  for (let n = 1; n <= count; n++) {
    const changes = stream.next().value as TextChange[];
    steps.push({ kind: 'change', doc, version: ++doc.version, changes, text: doc.text });
    steps.push(...extra(n));
  }
  return steps;
}

/** A hover on the body's `[[ENG-LATENCY]]` citation of a memo whose text (when the request is sent) is `text`. */
function hoverCitation(s: LspHarness, rel: string, text: string): Step {
  const at = new TypedDoc(rel, text);
  const line = at.positionAt(at.lineStart('- [[ENG-LATENCY]]')).line;
  return {
    kind: 'request',
    method: 'textDocument/hover',
    params: { textDocument: { uri: s.uri(rel) }, position: { line, character: 6 } },
    check: (h: Hover | null) => ((h?.contents as { value?: string } | undefined)?.value?.includes('**ENG-LATENCY**') ? undefined : `hover on line ${line}: ${JSON.stringify(h)} in\n${text}`),
  };
}

/** Tenet completion just inside `tenets: [`. */
function completeTenets(s: LspHarness, doc: TypedDoc): Step {
  const line = doc.positionAt(doc.lineStart('tenets: [')).line;
  return {
    kind: 'request',
    method: 'textDocument/completion',
    params: { textDocument: { uri: s.uri(doc.rel) }, position: { line, character: 9 } },
    check: (list: CompletionList | null) => (list?.items.some((i) => i.label === 'CO-TRUST') ? undefined : `completion on line ${line}: ${JSON.stringify(list)?.slice(0, 300)}`),
  };
}

interface Answer {
  method: string;
  latencyMs: number;
  problem: string | undefined;
}

/**
 * Sends the steps as fast as the pipe takes them: notifications are not waited for, requests
 * are timed from when they are sent to when their answer arrives. Resolves once every request
 * is answered.
 */
async function play(s: LspHarness, steps: Step[]): Promise<Answer[]> {
  const answers: Array<Promise<Answer>> = [];
  for (const step of steps) {
    if (step.kind === 'change') {
      void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: s.uri(step.doc.rel), version: step.version }, contentChanges: step.changes });
      continue;
    }
    const sent = performance.now();
    const answered = s.request(step.method, step.params).then((result) => ({ method: step.method, latencyMs: performance.now() - sent, problem: step.check(result) }));
    answers.push(withTimeout(answered, MAX_LATENCY_MS * 5, `${step.method} was not answered`));
  }
  return Promise.all(answers);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The last diagnostics the server published for a URI. */
function lastPublished(s: LspHarness, uri: string): PublishDiagnosticsParams | undefined {
  for (let i = s.received.length - 1; i >= 0; i--) {
    const m = s.received[i]!;
    if (m.method === PUBLISH && m.params.uri === uri) return m.params as PublishDiagnosticsParams;
  }
  return undefined;
}

/** Resolves once `done()` holds, re-evaluated on every diagnostics notification; fails after `timeoutMs`. */
async function until(s: LspHarness, done: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  if (done()) return;
  await s.waitFor(PUBLISH, () => done(), timeoutMs).catch(() => {
    throw new Error(`not settled within ${timeoutMs} ms: ${describe()}`);
  });
}

function latencyReport(answers: Answer[]): { max: number; median: number; count: number } {
  const sorted = answers.map((a) => a.latencyMs).sort((a, b) => a - b);
  return { max: Math.round(sorted[sorted.length - 1] ?? 0), median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0), count: sorted.length };
}

describe.each([
  { debounceMs: 150, label: 'default debounce' },
  { debounceMs: 0, label: 'no debounce: every keystroke checked' },
])('1,000 keystrokes in one memo ($label)', ({ debounceMs }) => {
  const TYPED = 'decisions/0100-typed.md';
  let s: LspHarness;
  let root: string;
  let fresh: FreshCheck;

  beforeAll(async () => {
    root = makeWorkspace({ ...baseFiles(), ...closedMemos([1, 2, 3, 4]), [TYPED]: burstableMemo(100), 'decisions/0101-next.md': burstableMemo(101) });
    fresh = new FreshCheck(root);
    s = await LspHarness.start(root, { settings: { debounceMs } });
    await s.waitForReady();
  }, HOOK_TIMEOUT_MS);

  afterAll(() => tearDown(s, fresh, root), HOOK_TIMEOUT_MS);

  it('answers every request in the storm, and every published version equals a fresh check of that version', async () => {
    const doc = new TypedDoc(TYPED, burstableMemo(100));
    const opened = s.waitForDiagnostics(TYPED, (p) => p.version === 1);
    await s.open(TYPED, doc.text);
    await opened;

    const steps: Step[] = [];
    const textOf = new Map<number, string>([[1, doc.text]]);
    // The typing stream, with a hover and a completion after every 50 keystrokes.
    const stream = keystrokes(doc, 1000, 0, (n) => (n % 50 === 0 ? [hoverCitation(s, doc.rel, doc.text), completeTenets(s, doc)] : []));
    for (const step of stream) {
      if (step.kind === 'change') textOf.set(step.version, step.text);
      steps.push(step);
    }
    const finalVersion = doc.version;
    expect(finalVersion).toBe(1001);
    const uri = s.uri(TYPED);
    const firstIndex = s.received.length;
    const final = s.waitForDiagnostics(TYPED, (p) => p.version === finalVersion, 30_000);

    const answers = await play(s, steps);
    const published = await final;
    // One more round trip: whatever the last check scheduled has run by the time this is answered.
    await s.request('workspace/symbol', { query: 'cache' });

    const latency = latencyReport(answers);
    console.log(`1,000 keystrokes (debounce ${debounceMs} ms): ${latency.count} requests, max latency ${latency.max} ms, median ${latency.median} ms`);
    expect(answers.filter((a) => a.problem).map((a) => a.problem)).toEqual([]);
    expect(latency.max).toBeLessThan(MAX_LATENCY_MS);

    // Every diagnostics message of the storm: versions never go backwards, and each one is what
    // a fresh check of that version's text says.
    const publishes = s.received.slice(firstIndex).filter((m) => m.method === PUBLISH && m.params.uri === uri).map((m) => m.params as PublishDiagnosticsParams);
    const versions = publishes.map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const p of publishes) {
      const text = textOf.get(p.version!);
      expect(text, `published version ${p.version} was never sent`).toBeDefined();
      expect({ version: p.version, diagnostics: p.diagnostics }).toEqual({ version: p.version, diagnostics: fresh.run({ [TYPED]: text! }).get(TYPED) ?? [] });
    }
    expect(published.version).toBe(finalVersion);
    expect(lastPublished(s, uri)).toEqual(published);
    console.log(`  ${publishes.length} diagnostics messages during the storm; the final one has ${published.diagnostics.length} diagnostics (${[...new Set(published.diagnostics.map((d) => d.code))].join(', ')})`);
  }, 60_000);
});


/** After a storm: the server logged no handler error and exits cleanly; the scratch folder goes. */
async function tearDown(s: LspHarness | undefined, fresh: FreshCheck | undefined, root: string | undefined): Promise<void> {
  if (s) {
    expect(s.handlerErrors()).toEqual([]);
    expect(await s.stop()).toBe(0);
  }
  fresh?.dispose();
  if (root) fs.rmSync(root, { recursive: true, force: true });
}

describe('50 open memos edited round-robin', () => {
  const OPEN = Array.from({ length: 50 }, (_, i) => i + 1);
  const CLOSED = Array.from({ length: 10 }, (_, i) => i + 51);
  const eolOf = (n: number) => (n % 7 === 0 ? '\r\n' : '\n');
  let s: LspHarness;
  let root: string;
  let fresh: FreshCheck;
  let diskTotals: { errors: number; warnings: number };
  let memory: ServerMemory;
  let idleHeap: number;
  const rss: Record<string, number> = {};

  beforeAll(async () => {
    const files: Record<string, string> = { ...baseFiles(), ...closedMemos(CLOSED) };
    // Every seventh memo has Windows line endings.
    for (const n of OPEN) files[memoPath(n)] = burstableMemo(n, eolOf(n));
    root = makeWorkspace(files);
    fresh = new FreshCheck(root);
    diskTotals = fresh.totals({});
    s = await startWithGcHook(root, { settings: { debounceMs: 0 } });
    memory = new ServerMemory(s);
    // Indexed, and the background pass over the closed files has counted them all: the status says what the disk holds.
    await untilStatus(s, { state: 'ready', ...diskTotals });
    await s.request('workspace/symbol', { query: '' });
    rss.idle = memory.rss();
    idleHeap = (await memory.collect()).heapUsedMb;
  }, HOOK_TIMEOUT_MS);

  afterAll(() => tearDown(s, fresh, root), HOOK_TIMEOUT_MS);

  /** Opens the 50 memos (as on disk) and waits for their first diagnostics. */
  async function openAll(): Promise<TypedDoc[]> {
    const docs = OPEN.map((n) => new TypedDoc(memoPath(n), burstableMemo(n, eolOf(n)), eolOf(n)));
    const opened = docs.map((d) => s.waitForDiagnostics(d.rel, (p) => p.version === 1, 20_000));
    for (const d of docs) await s.open(d.rel, d.text);
    await Promise.all(opened);
    return docs;
  }

  /**
   * 20 keystrokes per memo, each memo starting at a different burst (`shift` moves them all on),
   * sent round-robin: one keystroke to each memo in turn, then a workspace symbol search and a
   * hover, whose answers are awaited before the next round (as an editor's requests would be).
   */
  async function storm(docs: TypedDoc[], shift: number): Promise<Answer[]> {
    const perDoc = docs.map((d, i) => keystrokes(d, 20, i + shift));
    const answers: Answer[] = [];
    for (let round = 0; round < 20; round++) {
      const steps: Step[] = perDoc.map((list) => list[round]!);
      // The hovered memo as it reads after this round's keystroke.
      const hovered = perDoc[(round * 7) % docs.length]![round]! as Extract<Step, { kind: 'change' }>;
      steps.push(
        {
          kind: 'request',
          method: 'workspace/symbol',
          params: { query: 'cachepart' },
          check: (symbols: unknown[] | null) => (symbols && symbols.length >= OPEN.length ? undefined : `workspace/symbol found ${symbols?.length}`),
        },
        hoverCitation(s, hovered.doc.rel, hovered.text),
      );
      answers.push(...(await play(s, steps)));
    }
    return answers;
  }

  /** Waits until each memo's last published diagnostics carry its final version and equal a fresh check of all final texts. */
  async function settle(docs: TypedDoc[]): Promise<void> {
    const expected = fresh.run(Object.fromEntries(docs.map((d) => [d.rel, d.text])));
    const want = new Map(docs.map((d) => [s.uri(d.rel), plain({ version: d.version, diagnostics: expected.get(d.rel) ?? [] })]));
    const shown = (uri: string) => {
      const last = lastPublished(s, uri);
      return plain({ version: last?.version, diagnostics: last?.diagnostics });
    };
    const mismatches = () =>
      [...want]
        .filter(([uri, w]) => !isDeepStrictEqual(shown(uri), w))
        .map(([uri, w]) => `${uri}: want v${w.version} ${JSON.stringify(w.diagnostics.map((d) => d.code))}, shown v${shown(uri).version} ${JSON.stringify(shown(uri).diagnostics?.map((d) => d.code))}`)
        .join('\n');
    await until(s, () => mismatches() === '', 30_000, mismatches);
    // Nothing the last checks scheduled changes the picture afterwards.
    await s.request('workspace/symbol', { query: '' });
    expect(mismatches()).toBe('');
  }

  /** Closes the memos and waits until the server holds the disk's state again. */
  async function closeAll(): Promise<void> {
    for (const n of OPEN) await s.close(memoPath(n));
    await s.request('workspace/symbol', { query: '' });
    await untilStatus(s, { state: 'ready', ...diskTotals });
  }

  it('stays responsive and ends with each memo showing what a fresh check of its final text says', async () => {
    const docs = await openAll();
    await s.request('workspace/symbol', { query: '' });
    rss.opened = memory.rss();
    const t0 = performance.now();
    const answers = await storm(docs, 0);
    const sentMs = performance.now() - t0;
    await settle(docs);
    const settledMs = performance.now() - t0;
    rss.storm = memory.rss();

    const latency = latencyReport(answers);
    console.log(`50 memos x 20 keystrokes: sent in ${Math.round(sentMs)} ms, settled after ${Math.round(settledMs)} ms; ${latency.count} requests, max latency ${latency.max} ms, median ${latency.median} ms`);
    expect(answers.filter((a) => a.problem).map((a) => a.problem)).toEqual([]);
    expect(latency.max).toBeLessThan(MAX_LATENCY_MS);
  }, 60_000);

  it.skipIf(process.platform !== 'linux')('returns to its idle memory and to the disk state once the memos are closed, storm after storm', async () => {
    expect(rss.storm, 'the storm test ran first').toBeDefined();
    // Closing drops every unsaved buffer: the problem counts are the disk's again, the closed
    // documents are unknown to requests, and the index holds the titles on disk.
    await closeAll();
    for (const n of OPEN.slice(0, 5)) {
      expect(await s.request('textDocument/hover', { textDocument: { uri: s.uri(memoPath(n)) }, position: { line: 16, character: 6 } })).toBeNull();
    }
    const symbols = await s.request<Array<{ name: string }>>('workspace/symbol', { query: 'cachepart' });
    expect(symbols.map((x) => x.name).sort()).toEqual([...OPEN, ...CLOSED].map((n) => `${String(n).padStart(4, '0')}: Cache the search results, part ${n}`).sort());
    rss.closed = memory.rss();

    // Live objects (after a full collection) against the idle server, after one storm and after
    // two more: state that outlives its documents would grow with every cycle.
    const heap: number[] = [];
    heap.push((await memory.collect()).heapUsedMb);
    // Resident memory once the garbage of the storm is collected (V8 keeps freed pages otherwise).
    rss.collected = memory.rss();
    expect(rss.collected).toBeLessThan(rss.idle! + RSS_SLACK_MB);
    for (const shift of [5, 9]) {
      const docs = await openAll();
      await storm(docs, shift);
      await settle(docs);
      await closeAll();
      heap.push((await memory.collect()).heapUsedMb);
    }
    console.log(`server RSS: idle ${rss.idle} MB, 50 memos open ${rss.opened} MB, after the storm ${rss.storm} MB, after closing ${rss.closed} MB, after a full GC ${rss.collected} MB`);
    console.log(`server live heap after a full GC: idle ${idleHeap} MB, after storm cycles 1-3: ${heap.join(', ')} MB`);
    expect(heap[0]!).toBeLessThan(idleHeap + HEAP_SLACK_MB);
    expect(heap[2]!).toBeLessThan(heap[0]! + HEAP_GROWTH_MB);
  }, 60_000);
});

/** Starts the server with `gcOnSignal.cjs` preloaded (and `--expose-gc`), so the test can ask it to collect garbage. */
async function startWithGcHook(root: string, options: StartOptions): Promise<LspHarness> {
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${before ?? ''} --expose-gc --require ${JSON.stringify(GC_HOOK)}`.trim();
  try {
    return await LspHarness.start(root, options);
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
}

interface Status {
  state: string;
  errors: number;
  warnings: number;
}

/**
 * Resolves once the latest status notification says `want` (it may already have arrived: the
 * check of what was received and the wait for what comes next happen in the same tick).
 */
async function untilStatus(s: LspHarness, want: Status): Promise<void> {
  const matches = (p: Status | undefined) => p !== undefined && p.state === want.state && p.errors === want.errors && p.warnings === want.warnings;
  const latest = () => [...s.received].reverse().find((m) => m.method === 'decisionMemos/status')?.params as Status | undefined;
  if (matches(latest())) return;
  await s.waitFor('decisionMemos/status', (p: Status) => matches(p), 20_000).catch(() => {
    throw new Error(`the status never said ${JSON.stringify(want)}; the last said ${JSON.stringify(latest())}`);
  });
}

/** The server process's memory: resident size, and live heap after a full GC (through gcOnSignal.cjs). */
class ServerMemory {
  private collections = 0;

  constructor(private readonly s: LspHarness) {}

  rss(): number {
    return rssMb(this.s.proc.pid!);
  }

  /** Signals the server to collect garbage and resolves with what it reports afterwards. */
  async collect(): Promise<{ heapUsedMb: number; rssMb: number }> {
    const n = ++this.collections;
    const marker = new RegExp(`\\[gcOnSignal\\] collected ${n} heapUsed=([\\d.]+) heapTotal=[\\d.]+ rss=([\\d.]+)`);
    const reported = new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no GC report ${n} on stderr:\n${this.s.stderr}`)), 10_000);
      const look = () => {
        const m = marker.exec(this.s.stderr);
        if (!m) return;
        clearTimeout(timer);
        this.s.proc.stderr!.off('data', look);
        resolve(m);
      };
      this.s.proc.stderr!.on('data', look);
      look();
    });
    process.kill(this.s.proc.pid!, 'SIGUSR2');
    const m = await reported;
    return { heapUsedMb: Number(m[1]), rssMb: Number(m[2]) };
  }
}
