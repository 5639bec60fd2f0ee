// `npm run bench` (last step): how `decision-memos check` scales with the number of memos, on
// realistic memos (~8 KB each, bench/generate.mjs's `realistic` profile, bench/.work/ws-real-N):
// cold, warm `--cache` and markdownlint-cli2 side by side at each size, a run at the largest size
// under a small V8 heap limit, and the goals below met or not. Writes the `## Scaling` section of
// bench/RESULTS.md (between `<!-- scale:start -->` and `<!-- scale:end -->`; the rest of the file
// is left alone, and bench/run.mjs keeps this section when it rewrites the file) and the chart
// bench/scaling.svg. A benchmark, not a test: it reports what it measured and exits 0; only a
// crash of the harness itself exits otherwise. It builds nothing (the npm script builds first).
//
// Environment:
//   BENCH_SCALE                   0 to skip this script
//   BENCH_SCALE_SIZES             memo counts, comma-separated (default 1000,10000,30000,50000)
//   BENCH_SCALE_ROUNDS            timed rounds per size (default 3 up to 10,000 memos, 1 above);
//                                 figures are medians
//   BENCH_SCALE_MARKDOWNLINT_MAX  largest size markdownlint-cli2 runs at (default 30000; above:
//                                 "not run")
//   BENCH_SCALE_HEAP_MIB          V8 heap limit (--max-old-space-size, MiB) of the memory-bound
//                                 run at the largest size (default 200)
//   BENCH_SCALE_TIMEOUT_S         time limit of each command, in seconds (default 1200)
//   BENCH_SCALE_LSP               memo count the language server is measured at, on the synthetic
//                                 and the realistic workspace (default 30000; 0 to skip)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkspace } from './generate.mjs';
import { benchLanguageServer } from './lsp.mjs';
import { lineChart } from './svgChart.mjs';
import { detectCacheSupport, detectRssMode, fmtCount, fmtKiB, fmtMs, fmtRatio, loadAverage, machineInfo, readEveryFile, summarise, timeCommand } from './timing.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const MARKDOWNLINT = path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const RESULTS = path.join(HERE, 'RESULTS.md');
const CHART = path.join(HERE, 'scaling.svg');
const SCALE_START = '<!-- scale:start -->';
const SCALE_END = '<!-- scale:end -->';

const GOALS = {
  size: 10_000, // the size the ratio and parallelism goals are judged at
  coldVsMarkdownlint: 8,
  warmVsMarkdownlint: 30,
  peakRssMiB: 300,
  perMemoDrift: 0.1, // per-memo cost above `size` at most 10% over the cost at `size`
  cpuPerWall: 1.6,
};

/** The language server's goals at scale (judged at CONFIG.lspSize memos). */
const SERVER_GOALS = { readyMs: 6000, idleMs: 20_000, peakRssMiB: 300, editP95Ms: 10 };

const log = (message) => process.stderr.write(`${message}\n`);

function envNumber(name, fallback) {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isFinite(v) && v > 0 ? v : fallback;
}

const CONFIG = {
  sizes: [
    ...new Set(
      (process.env.BENCH_SCALE_SIZES || '1000,10000,30000,50000')
        .split(',')
        .map((x) => Number(x.trim()))
        .filter((x) => Number.isInteger(x) && x > 0),
    ),
  ].sort((a, b) => a - b),
  rounds: (n) => envNumber('BENCH_SCALE_ROUNDS', n > 10_000 ? 1 : 3),
  markdownlintMax: envNumber('BENCH_SCALE_MARKDOWNLINT_MAX', 30_000),
  heapMiB: envNumber('BENCH_SCALE_HEAP_MIB', 200),
  timeoutMs: envNumber('BENCH_SCALE_TIMEOUT_S', 1200) * 1000,
  lspSize: process.env.BENCH_SCALE_LSP === '0' ? 0 : envNumber('BENCH_SCALE_LSP', 30_000),
};

/** The language server on the synthetic and the realistic workspace of `n` memos (bench/lsp.mjs). */
async function benchServerAt(n) {
  const out = [];
  for (const profile of ['default', 'realistic']) {
    const ws = ensureWorkspace(n, { log, profile });
    readEveryFile(ws.root);
    log(`language server on ${fmtCount(n)} ${profile} memos`);
    const lsp = await benchLanguageServer({ root: ws.root, longMemo: ws.longMemo, openMemo: ws.openMemo, expectedMemos: ws.memos, log });
    out.push({ profile, ws, lsp });
  }
  return out;
}

function renderServer(n, runs) {
  const out = ['### Language server', ''];
  out.push(
    `\`node dist/server.js --stdio\` driven as bench/lsp.mjs does (the \`## Language server\` section above, there at the CLI's largest size), on ${fmtCount(n)} memos: the synthetic workspace of bench/run.mjs and the realistic one of this section. Ready: every memo known from its front matter (\`decisionMemos/status\` \`ready\`); complete: every body read too (no \`reading\`); idle: the background check of closed files done. Times from \`initialize\`; \`debounceMs\` answered as 0.`,
    '',
    '| workspace | ready | complete | idle (background pass done) | memo opened at start → diagnostics | edit p50 | edit p95 | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const { profile, ws, lsp } of runs) {
    out.push(`| ${profile === 'realistic' ? 'realistic' : 'synthetic'} (${fmtCount(ws.memos)} memos, ${ws.averageLines} lines each) | ${fmtMs(lsp.indexReadyMs)} | ${fmtMs(lsp.indexCompleteMs)} | ${fmtMs(lsp.idleMs)} | ${fmtMs(lsp.openDuringIndexMs)} | ${fmtMs(lsp.editP50Ms)} | ${fmtMs(lsp.editP95Ms)} | ${fmtKiB(lsp.peakRssKiB)} |`);
  }
  out.push('');
  for (const { profile, lsp } of runs) if (lsp.error) out.push(`- Problem (${profile}): ${lsp.error}`);
  out.push('| goal | synthetic | realistic |', '|---|---|---|');
  const judged = (value, ok) => (value === undefined ? 'not measured' : `${value} **${ok ? 'met' : 'not met'}**`);
  const row = (goal, pick) => out.push(`| ${goal} | ${runs.map(({ lsp }) => pick(lsp)).join(' | ')} |`);
  row(`index ready < ${SERVER_GOALS.readyMs / 1000} s`, (l) => judged(l.indexReadyMs === undefined ? undefined : fmtMs(l.indexReadyMs), l.indexReadyMs < SERVER_GOALS.readyMs));
  row(`background pass done < ${SERVER_GOALS.idleMs / 1000} s`, (l) => judged(l.idleMs === undefined ? undefined : fmtMs(l.idleMs), l.idleMs < SERVER_GOALS.idleMs));
  row(`peak RSS < ${SERVER_GOALS.peakRssMiB} MB`, (l) => judged(l.peakRssKiB === undefined ? undefined : fmtKiB(l.peakRssKiB), l.peakRssKiB / 1024 < SERVER_GOALS.peakRssMiB));
  row(`edit → diagnostics p95 < ${SERVER_GOALS.editP95Ms} ms`, (l) => judged(l.editP95Ms === undefined ? undefined : fmtMs(l.editP95Ms), l.editP95Ms < SERVER_GOALS.editP95Ms));
  out.push('');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Measuring

const countOurs = (run) => JSON.parse(fs.readFileSync(run.stdoutPath, 'utf8')).diagnostics.length;
const countMarkdownlint = (run) => Number(/Summary: (\d+) issue/.exec(fs.readFileSync(run.stdoutPath, 'utf8'))?.[1]);

function commandsFor(ws, n, cacheSupport, markdownlintSkipped) {
  const cold = [process.execPath, CLI, 'check', ws.root, '--format', 'json'];
  const commands = [{ key: 'cold', name: 'decision-memos check (cold)', argv: cold, cwd: REPO, findings: countOurs }];
  if (cacheSupport.cache) {
    const argv = [...cold, '--cache'];
    if (cacheSupport.location) argv.push('--cache-location', ws.cacheFile);
    commands.push({ key: 'warm', name: 'decision-memos check --cache (warm)', argv, cwd: ws.cacheDir, findings: countOurs });
  }
  if (n <= CONFIG.markdownlintMax && !markdownlintSkipped) {
    // Its cwd is its base folder: no configuration of the repository applies (as in bench/run.mjs).
    commands.push({ key: 'markdownlint', name: 'markdownlint-cli2 (default rules)', argv: [process.execPath, MARKDOWNLINT, 'decisions/**/*.md'], cwd: ws.root, findings: countMarkdownlint });
  }
  return commands;
}

/** Runs one command; a failure (exit other than 0/1, a signal, the time limit) is recorded, not thrown. */
function runCommand(c, { outDir, rssMode, problems, env }) {
  const run = timeCommand({ argv: c.argv, cwd: c.cwd, outDir, label: c.key, rssMode, env, timeoutMs: CONFIG.timeoutMs });
  if (run.error || run.timedOut || ![0, 1].includes(run.status)) {
    run.failed = true;
    if (!c.quiet) problems.push(`${c.name}: ${describeFailure(run)}`);
  } else {
    try {
      run.findings = c.findings(run);
    } catch (e) {
      problems.push(`${c.name}: could not count findings (${e instanceof Error ? e.message : e})`);
    }
  }
  log(`  ${c.key.padEnd(12)} wall ${fmtMs(run.ms).padStart(8)}  cpu ${fmtMs(run.cpuMs).padStart(8)}  ${fmtKiB(run.rssKiB).padStart(7)}  ${run.timedOut ? 'timed out' : `exit ${run.status ?? run.signal}`}`);
  return run;
}

function lastStderr(run, lines = 3) {
  try {
    return fs.readFileSync(run.stderrPath, 'utf8').trim().split('\n').slice(-lines).join(' | ').slice(0, 300);
  } catch {
    return '';
  }
}

function describeFailure(run) {
  if (run.timedOut) return `timed out after ${CONFIG.timeoutMs / 1000} s`;
  const how = run.signal ? `signal ${run.signal}` : `exit ${run.status}`;
  return `${how}${run.error ? ` (${run.error})` : ''}: ${lastStderr(run)}`;
}

function benchSize(n, { rssMode, cacheSupport, markdownlintSkipped }) {
  const ws = ensureWorkspace(n, { log, profile: 'realistic' });
  log(`${fmtCount(n)} realistic memos: ${ws.reused ? 'reusing' : 'generated'} ${path.relative(REPO, ws.root)}`);
  ws.cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `decision-memos-scale-cache-${n}-`));
  ws.cacheFile = path.join(ws.cacheDir, 'cache.json');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `decision-memos-scale-out-${n}-`));
  const commands = commandsFor(ws, n, cacheSupport, markdownlintSkipped);
  const runs = Object.fromEntries(commands.map((c) => [c.key, []]));
  const problems = [];
  const rounds = CONFIG.rounds(n);
  /** The cold run with `--cache` that fills it (one thread): a first CI run with the cache pays this once. */
  let fill;
  try {
    readEveryFile(ws.root);
    const warm = commands.find((c) => c.key === 'warm');
    if (warm) {
      log('  (cold run that fills the cache: one run, reported as "cache fill")');
      fill = runCommand(warm, { outDir, rssMode, problems });
      const cacheFile = cacheSupport.location ? ws.cacheFile : path.join(ws.cacheDir, '.decision-memos-cache.json');
      if (!fs.existsSync(cacheFile)) problems.push('the run that fills the cache wrote no cache file: the "warm" figures may be cold ones');
    }
    // Alternating rounds (cold, warm, markdownlint, cold, …): drift in machine load hits every tool alike.
    for (let round = 0; round < rounds; round++) {
      for (const c of commands) {
        if (c.key === 'markdownlint' && runs.markdownlint.some((r) => r.timedOut)) continue;
        runs[c.key].push(runCommand(c, { outDir, rssMode, problems }));
      }
    }
  } finally {
    fs.rmSync(ws.cacheDir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  const stats = Object.fromEntries(commands.map((c) => [c.key, summarise(runs[c.key])]));
  if (fill && !fill.failed) stats.fill = summarise([fill]);
  if (stats.cold && stats.warm && stats.cold.findings !== stats.warm.findings) {
    problems.push(`cold and warm runs report different numbers of findings (${fmtCount(stats.cold.findings)} and ${fmtCount(stats.warm.findings)})`);
  }
  const markdownlint = commands.some((c) => c.key === 'markdownlint')
    ? { ran: true, timedOut: runs.markdownlint.some((r) => r.timedOut) }
    : { ran: false, why: n > CONFIG.markdownlintMax ? `above BENCH_SCALE_MARKDOWNLINT_MAX (${fmtCount(CONFIG.markdownlintMax)})` : 'timed out at a smaller size' };
  return { n, ws, rounds, commands, stats, problems: [...new Set(problems)], markdownlint, textBytes: ws.memoBytes };
}

/** Ours, cold, at the largest size under a V8 heap limit: does it finish, or run out of memory? */
function memoryBound(largest, { rssMode }) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'decision-memos-scale-heap-'));
  try {
    log(`memory bound: ${fmtCount(largest.n)} memos with --max-old-space-size=${CONFIG.heapMiB}`);
    const command = { key: 'heap-bound', name: 'heap-bound run', argv: [process.execPath, CLI, 'check', largest.ws.root, '--format', 'json'], cwd: REPO, findings: countOurs, quiet: true };
    const env = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${CONFIG.heapMiB}`.trim() };
    const run = runCommand(command, { outDir, rssMode, problems: [], env });
    const stderr = fs.readFileSync(run.stderrPath, 'utf8');
    const outOfMemory = /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|Allocation failed/i.test(stderr);
    return { n: largest.n, heapMiB: CONFIG.heapMiB, run, completed: !run.failed, outOfMemory, detail: run.failed ? describeFailure(run) : '' };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Figures and goals

function figures(s) {
  const { cold, warm, markdownlint } = s.stats;
  const per1k = (ms) => (ms === undefined ? undefined : ms / (s.n / 1000));
  return {
    coldPer1kMs: per1k(cold?.medianMs),
    coldCpuPer1kMs: per1k(cold?.medianCpuMs),
    cpuPerWall: cold?.medianCpuMs !== undefined ? cold.medianCpuMs / cold.medianMs : undefined,
    vsCold: markdownlint && cold ? markdownlint.medianMs / cold.medianMs : undefined,
    vsWarm: markdownlint && warm ? markdownlint.medianMs / warm.medianMs : undefined,
  };
}

function verdict(ok) {
  return ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**';
}

function goals(sizes) {
  const at = sizes.find((s) => s.n === GOALS.size);
  const atFig = at && figures(at);
  const where = `${fmtCount(GOALS.size)} memos`;
  const missing = `— (this run has no ${where})`;
  const rows = [];
  const row = (goal, measured, ok) => rows.push(`| ${goal} | ${measured} | ${verdict(ok)} |`);

  const cold = atFig?.vsCold;
  row(`cold check ≥ ${GOALS.coldVsMarkdownlint}× faster than markdownlint-cli2 (${where})`, at ? fmtRatio(cold) : missing, cold === undefined ? undefined : cold >= GOALS.coldVsMarkdownlint);
  const warm = atFig?.vsWarm;
  row(`warm \`--cache\` check ≥ ${GOALS.warmVsMarkdownlint}× faster than markdownlint-cli2 (${where})`, at ? fmtRatio(warm) : missing, warm === undefined ? undefined : warm >= GOALS.warmVsMarkdownlint);

  const rss = sizes.flatMap((s) => ['cold', 'warm', 'fill'].filter((k) => s.stats[k]?.medianRssKiB !== undefined).map((k) => ({ n: s.n, k, kib: s.stats[k].medianRssKiB })));
  const worst = rss.reduce((a, b) => (b.kib > (a?.kib ?? -1) ? b : a), undefined);
  row(
    `peak RSS < ${GOALS.peakRssMiB} MB at every size (ours: cold, warm, and the run that fills the cache)`,
    worst ? `largest ${fmtKiB(worst.kib)} (${worst.k}, ${fmtCount(worst.n)} memos)` : 'not measured',
    worst ? rss.every((x) => x.kib / 1024 < GOALS.peakRssMiB) : undefined,
  );

  const above = sizes.filter((s) => s.n > GOALS.size && s.stats.cold);
  const base = atFig?.coldPer1kMs;
  if (above.length === 0 || base === undefined) {
    row(`cold wall time per memo above ${where} within ${GOALS.perMemoDrift * 100}% of that at ${where}`, base === undefined ? missing : `no size above ${where}`, undefined);
  }
  for (const s of base === undefined ? [] : above) {
    const f = figures(s);
    const drift = f.coldPer1kMs / base - 1;
    row(
      `cold wall time per memo at ${fmtCount(s.n)} within ${GOALS.perMemoDrift * 100}% of that at ${where}`,
      `${fmtMs(f.coldPer1kMs)} vs ${fmtMs(base)} per 1,000 memos (${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)}%; CPU ${fmtMs(f.coldCpuPer1kMs)} vs ${fmtMs(atFig.coldCpuPer1kMs)})`,
      drift <= GOALS.perMemoDrift,
    );
  }

  const cpw = atFig?.cpuPerWall;
  row(`cold check uses ≥ ${GOALS.cpuPerWall} CPU-seconds per wall-second (${where})`, at ? (cpw === undefined ? '—' : cpw.toFixed(2)) : missing, cpw === undefined ? undefined : cpw >= GOALS.cpuPerWall);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Report

const fmtMB = (bytes) => (bytes === undefined ? '—' : (bytes / 1e6).toFixed(1));

function markdownlintCell(s, value) {
  if (!s.markdownlint.ran) return 'not run';
  if (s.markdownlint.timedOut && !s.stats.markdownlint) return 'timed out';
  return s.stats.markdownlint ? value(s.stats.markdownlint) : 'failed';
}

function render({ machine, endLoad, rssMode, sizes, bound, cacheSupport, server }) {
  const out = [];
  out.push('## Scaling', '');
  out.push(
    'Written by `node bench/scale.mjs` (the last step of `npm run bench`; bench/run.mjs keeps this section when it rewrites the file). Realistic memos: bench/generate.mjs `--realistic`, seeded: the synthetic memos of bench/run.mjs plus a detailed analysis, alternatives in depth, risks and a rollout plan, about 8 KB each.',
    '',
  );
  out.push(`- Commit ${machine.commit}; ${machine.date}; Node ${machine.node}`);
  out.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB RAM, ${machine.os}`);
  out.push(`- Load average (1, 5, 15 min) before: ${machine.load}; after: ${endLoad}`);
  out.push(
    `- Wall time around \`spawnSync\`; CPU (user + system) and peak RSS from ${rssMode === 'gnu-time' ? 'GNU time `-f "%M %U %S"`' : 'a `--require` preload (bench/maxrss-preload.cjs)'} (bench/timing.mjs). Medians of the timed rounds; each round runs cold, warm, markdownlint-cli2 in turn, after every file was read once. The warm cache is filled by one cold run with \`--cache\` before the rounds (one run, shown as "cache fill": a first CI run with the cache pays it once). Time limit ${CONFIG.timeoutMs / 1000} s per command.`,
    '',
  );
  out.push('![Wall time and peak RSS against the number of memos: ours cold, ours warm, markdownlint-cli2](scaling.svg)', '');
  out.push(
    '| memos | text MB | rounds | cold wall | cold CPU | cold peak RSS | cold wall / 1k memos | cold CPU / 1k memos | CPU-s per wall-s | warm wall | warm peak RSS | cache fill wall | cache fill peak RSS | markdownlint wall | markdownlint peak RSS | markdownlint / cold | markdownlint / warm |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of sizes) {
    const { cold, warm, fill } = s.stats;
    const f = figures(s);
    const fillCell = (value) => (!cacheSupport.cache ? 'not available' : fill ? value(fill) : 'failed');
    const warmCell = (value) => (!cacheSupport.cache ? 'not available' : warm ? value(warm) : 'failed');
    out.push(
      `| ${fmtCount(s.n)} | ${fmtMB(s.textBytes)} | ${s.rounds} | ${cold ? fmtMs(cold.medianMs) : 'failed'} | ${fmtMs(cold?.medianCpuMs)} | ${fmtKiB(cold?.medianRssKiB)} | ${fmtMs(f.coldPer1kMs)} | ${fmtMs(f.coldCpuPer1kMs)} | ${f.cpuPerWall === undefined ? '—' : f.cpuPerWall.toFixed(2)} | ${warmCell((w) => fmtMs(w.medianMs))} | ${warmCell((w) => fmtKiB(w.medianRssKiB))} | ${fillCell((w) => fmtMs(w.medianMs))} | ${fillCell((w) => fmtKiB(w.medianRssKiB))} | ${markdownlintCell(s, (m) => fmtMs(m.medianMs))} | ${markdownlintCell(s, (m) => fmtKiB(m.medianRssKiB))} | ${markdownlintCell(s, () => fmtRatio(f.vsCold))} | ${markdownlintCell(s, () => fmtRatio(f.vsWarm))} |`,
    );
  }
  out.push('');
  out.push(`- Ratios: markdownlint-cli2's wall time ÷ ours. Text MB: the memo files' bytes (each size has one more memo, the 300-line one the editor benchmark types into). Findings: ${sizes.map((s) => `${fmtCount(s.n)}: ours ${fmtCount(s.stats.cold?.findings)}, markdownlint-cli2 ${s.markdownlint.ran ? fmtCount(s.stats.markdownlint?.findings) : 'not run'}`).join('; ')}.`);
  for (const s of sizes) if (!s.markdownlint.ran) out.push(`- markdownlint-cli2 at ${fmtCount(s.n)} memos: not run (${s.markdownlint.why}).`);
  for (const s of sizes) for (const p of s.problems) out.push(`- Problem at ${fmtCount(s.n)} memos: ${p}`);
  out.push('');

  out.push('### Goals', '', '| goal | measured | verdict |', '|---|---|---|', ...goals(sizes), '');

  out.push('### Memory bound', '');
  if (!bound) out.push('Not run (no size measured).', '');
  else {
    const { run } = bound;
    const outcome = bound.completed
      ? `completed (exit ${run.status})`
      : `failed: ${run.timedOut ? 'timed out' : run.signal ? `signal ${run.signal}` : `exit ${run.status}`}${bound.outOfMemory ? ', "heap out of memory" in stderr' : ''}`;
    out.push(
      `Ours, cold, at the largest size with \`NODE_OPTIONS=--max-old-space-size=${bound.heapMiB}\` (a limit on each V8 heap: the main thread's and each worker thread's). Whether the check fits the limit is reported, not judged.`,
      '',
      '| memos | heap limit | outcome | wall | CPU | peak RSS | findings |',
      '|---:|---:|---|---:|---:|---:|---:|',
      `| ${fmtCount(bound.n)} | ${bound.heapMiB} MiB | ${outcome} | ${fmtMs(run.ms)} | ${fmtMs(run.cpuMs)} | ${fmtKiB(run.rssKiB)} | ${bound.completed ? fmtCount(run.findings) : '—'} |`,
      '',
    );
    if (!bound.completed && bound.detail) out.push(`- stderr (end): ${bound.detail.replace(/\|/g, '\\|')}`, '');
  }

  if (server) out.push(renderServer(CONFIG.lspSize, server));

  out.push('Commands (`<ws>` = bench/.work/ws-real-N, `<tmp>` = a fresh temporary folder):', '');
  out.push('- cold: `node dist/cli.js check <ws> --format json` (default jobs)');
  out.push('- warm: `node dist/cli.js check <ws> --format json --cache --cache-location <tmp>/cache.json` (cwd: `<tmp>`)');
  out.push('- markdownlint-cli2: `node node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs "decisions/**/*.md"` (cwd: `<ws>`)');
  out.push(`- memory bound: the cold command with \`NODE_OPTIONS=--max-old-space-size=${CONFIG.heapMiB}\``);
  return out.join('\n');
}

function chart({ machine, sizes }) {
  const seconds = (st) => (st ? st.medianMs / 1000 : undefined);
  const megabytes = (st) => (st?.medianRssKiB === undefined ? undefined : st.medianRssKiB / 1024);
  const keys = ['cold', 'warm', 'markdownlint'];
  return lineChart({
    title: 'decision-memos check on realistic memos (~8 KB each)',
    subtitle: `commit ${machine.commit}; ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; ${machine.date}; medians`,
    xLabel: 'memos',
    formatX: (x) => x.toLocaleString('en-US'),
    xs: sizes.map((s) => s.n),
    series: [
      { name: 'ours, cold', color: '#1f63c6' },
      { name: 'ours, warm --cache', color: '#2e8b3e', dash: '7 4' },
      { name: 'markdownlint-cli2', color: '#d9731a' },
    ],
    panels: [
      { title: 'Wall time', yLabel: 'wall time (s)', formatY: (y) => `${y}`, values: keys.map((k) => sizes.map((s) => seconds(s.stats[k]))) },
      {
        title: 'Peak RSS',
        yLabel: 'peak RSS (MB)',
        formatY: (y) => `${y}`,
        values: keys.map((k) => sizes.map((s) => megabytes(s.stats[k]))),
        references: [{ y: GOALS.peakRssMiB, label: `goal: < ${GOALS.peakRssMiB} MB` }],
      },
    ],
  });
}

/** Puts the section between its markers in RESULTS.md (appended when the file has none). */
function writeSection(section) {
  const block = `${SCALE_START}\n${section}\n${SCALE_END}\n`;
  const old = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = old.indexOf(SCALE_START);
  const end = start < 0 ? -1 : old.indexOf(SCALE_END, start);
  const next = end >= 0 ? old.slice(0, start) + block + old.slice(end + SCALE_END.length).replace(/^\n/, '') : `${old.replace(/\n*$/, '\n\n')}${block}`;
  fs.writeFileSync(RESULTS, next);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (process.env.BENCH_SCALE === '0') {
    log('scaling benchmark skipped (BENCH_SCALE=0)');
    return;
  }
  if (!fs.existsSync(CLI)) {
    log(`${path.relative(REPO, CLI)} not found: run \`npm run build\` first (npm run bench does).`);
    return;
  }
  if (CONFIG.sizes.length === 0) {
    log('BENCH_SCALE_SIZES names no memo count');
    return;
  }
  const machine = machineInfo(REPO);
  const rssMode = detectRssMode();
  const cacheSupport = detectCacheSupport(CLI);
  log(`scaling on ${CONFIG.sizes.map(fmtCount).join(', ')} realistic memos; peak RSS via ${rssMode}; --cache ${cacheSupport.cache ? 'available' : 'not available'}`);

  const sizes = [];
  for (const n of CONFIG.sizes) {
    const markdownlintSkipped = sizes.some((s) => s.markdownlint.timedOut || (!s.markdownlint.ran && s.markdownlint.why.startsWith('timed out')));
    sizes.push(benchSize(n, { rssMode, cacheSupport, markdownlintSkipped }));
  }
  const bound = memoryBound(sizes[sizes.length - 1], { rssMode });
  const server = CONFIG.lspSize > 0 ? await benchServerAt(CONFIG.lspSize) : undefined;
  const endLoad = loadAverage();

  const section = render({ machine, endLoad, rssMode, sizes, bound, cacheSupport, server });
  fs.writeFileSync(CHART, chart({ machine, sizes }));
  writeSection(section);
  process.stdout.write(`${section}\n(written to ${path.relative(REPO, RESULTS)} and ${path.relative(REPO, CHART)})\n`);
}

await main();
