// `npm run bench`: times `decision-memos check` against markdownlint-cli2 and remark-lint on the
// same synthetic memos, then the language server on the largest workspace, and writes
// bench/RESULTS.md. A benchmark, not a test: it reports what it measured (targets met or not)
// and exits 0; only a crash of the harness itself exits otherwise. It builds nothing itself
// (the npm script runs `npm run build` first).
//
// Environment:
//   BENCH_SIZES   memo counts, comma-separated (default 1000,10000)
//   BENCH_ROUNDS  timed rounds per size (default 5 for ≤ 1,000 memos, 3 above)
//   BENCH_WARMUP  untimed warm-up rounds per size (default 1 for ≤ 1,000 memos, 0 above: the files
//                 are read once before timing anyway, so the OS file cache is warm for every tool)
//   BENCH_LSP     0 to skip the language-server part
// RESULTS.md is rewritten, except the `## Scaling` section between `<!-- scale:start -->` and
// `<!-- scale:end -->` (bench/scale.mjs's), which is kept at the end. Timing code: bench/timing.mjs.
// (The whole benchmark in one script so a run is one command; over 300 lines on purpose.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkspace } from './generate.mjs';
import { benchExampleEdits } from './exampleEdit.mjs';
import { benchLanguageServer, SERVER } from './lsp.mjs';
import { detectCacheSupport, detectRssMode, fmtCount, fmtKiB, fmtMs, fmtRatio, loadAverage, machineInfo, readEveryFile, summarise, timeCommand } from './timing.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const MARKDOWNLINT = path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const REMARK = path.join(REPO, 'node_modules', 'remark-cli', 'cli.js');
// Absolute paths: remark resolves `--use` from its cwd (the workspace), which has no node_modules.
const REMARK_PLUGINS = ['remark-frontmatter/index.js', 'remark-preset-lint-recommended/index.js'].map((p) => path.join(REPO, 'node_modules', p));
const RESULTS = path.join(HERE, 'RESULTS.md');
// Marks bench/scale.mjs's section of RESULTS.md (see keptScalingSection).
const SCALE_START = '<!-- scale:start -->';
const SCALE_END = '<!-- scale:end -->';

const TARGETS = {
  coldVsMarkdownlint: 3,
  warmVsMarkdownlint: 20,
  indexMs: 10_000,
  editP95Ms: 50,
  peakRssMiB: 300,
};

const log = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// The commands

function commandsFor(ws, cacheSupport) {
  const commands = [
    {
      key: 'ours',
      name: 'decision-memos check',
      argv: [process.execPath, CLI, 'check', ws.root, '--format', 'json'],
      cwd: REPO,
      okStatus: [0, 1], // 1: the workspace has errors, as intended
      findings: (run) => JSON.parse(fs.readFileSync(run.stdoutPath, 'utf8')).diagnostics.length,
    },
    {
      key: 'markdownlint',
      name: 'markdownlint-cli2 (default rules)',
      argv: [process.execPath, MARKDOWNLINT, 'decisions/**/*.md'],
      // Its cwd is its base folder: config files are looked up there and below, never above, so
      // nothing of the repository applies; with no config it writes no output file.
      cwd: ws.root,
      okStatus: [0, 1],
      findings: (run) => Number(/Summary: (\d+) issue/.exec(fs.readFileSync(run.stdoutPath, 'utf8'))?.[1]),
    },
    {
      key: 'remark',
      name: 'remark-lint (preset-lint-recommended)',
      argv: [process.execPath, REMARK, 'decisions', ...REMARK_PLUGINS.flatMap((p) => ['--use', p]), '--no-config', '--no-ignore', '--no-stdout', '--quiet', '--no-color'],
      cwd: ws.root,
      okStatus: [0],
      findings: (run) => Number(/(\d+) warnings?/.exec(fs.readFileSync(run.stderrPath, 'utf8').split('\n').slice(-4).join('\n'))?.[1] ?? 0),
    },
  ];
  if (cacheSupport.cache) {
    const argv = [process.execPath, CLI, 'check', ws.root, '--format', 'json', '--cache'];
    // `--cache-location` names the cache file (a folder would make the write fail).
    if (cacheSupport.location) argv.push('--cache-location', ws.cacheFile);
    commands.push({ ...commands[0], key: 'warm', name: 'decision-memos check --cache (warm)', argv, cwd: ws.cacheDir });
  }
  return commands;
}

function displayCommand(c, ws) {
  const rel = (p) => (p.startsWith(REPO) ? path.relative(REPO, p) || '.' : p);
  const args = c.argv.slice(1).map((a) => (a === ws.root ? '<ws>' : a === ws.cacheFile ? '<tmp>/cache.json' : rel(a)));
  const where = c.cwd === ws.root ? ' (cwd: <ws>)' : c.cwd === REPO ? '' : ' (cwd: <tmp>)';
  return `node ${args.map((a) => (/[*\s]/.test(a) ? `"${a}"` : a)).join(' ')}${where}`;
}

// ---------------------------------------------------------------------------------------------
// One size

function benchSize(n, { rounds, warmup, rssMode, cacheSupport }) {
  const ws = ensureWorkspace(n, { log });
  log(`${n} memos: ${ws.reused ? 'reusing' : 'generated'} ${path.relative(REPO, ws.root)}`);
  ws.cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `decision-memos-bench-cache-${n}-`));
  ws.cacheFile = path.join(ws.cacheDir, 'cache.json');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `decision-memos-bench-out-${n}-`));
  const commands = commandsFor(ws, cacheSupport);
  const runs = Object.fromEntries(commands.map((c) => [c.key, []]));
  const problems = [];

  const runOnce = (c, timed) => {
    const run = timeCommand({ argv: c.argv, cwd: c.cwd, outDir, label: c.key, rssMode });
    if (run.error || !c.okStatus.includes(run.status)) {
      const stderr = fs.readFileSync(run.stderrPath, 'utf8').trim().split('\n').slice(-3).join(' | ');
      problems.push(`${c.name}: exit ${run.status ?? run.signal}${run.error ? ` (${run.error})` : ''}: ${stderr.slice(0, 300)}`);
      run.failed = true;
    } else {
      try {
        run.findings = c.findings(run);
      } catch (e) {
        problems.push(`${c.name}: could not count findings (${e instanceof Error ? e.message : e})`);
      }
    }
    if (timed) runs[c.key].push(run);
    log(`  ${timed ? 'timed ' : 'warmup'} ${c.key.padEnd(12)} wall ${fmtMs(run.ms).padStart(8)}  cpu ${fmtMs(run.cpuMs).padStart(8)}  ${fmtKiB(run.rssKiB).padStart(7)}  exit ${run.status}`);
    return run;
  };

  readEveryFile(ws.root);
  // The warm variant's cache is filled once before anything is timed.
  const warm = commands.find((c) => c.key === 'warm');
  if (warm) {
    runOnce(warm, false);
    // Without --cache-location the cache goes to its default file in the cwd (the temporary folder).
    const written = fs.existsSync(cacheSupport.location ? ws.cacheFile : path.join(ws.cacheDir, '.decision-memos-cache.json'));
    if (!written) problems.push('the warm-up run with --cache wrote no cache file into the cache folder: the "warm" figures may be cold ones');
  }
  for (let w = 0; w < warmup; w++) for (const c of commands) runOnce(c, false);
  // Alternating rounds (A B C A B C …): drift in machine load hits every tool alike.
  for (let round = 0; round < rounds; round++) for (const c of commands) runOnce(c, true);

  fs.rmSync(ws.cacheDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  const stats = Object.fromEntries(commands.map((c) => [c.key, summarise(runs[c.key])]));
  return { n, ws, rounds, warmup, commands, stats, problems, cacheSupport };
}

// ---------------------------------------------------------------------------------------------
// Report

function ratio(a, b) {
  return a && b ? a.medianMs / b.medianMs : undefined;
}

function cpuRatio(a, b) {
  return a?.medianCpuMs && b?.medianCpuMs ? a.medianCpuMs / b.medianCpuMs : undefined;
}

function verdict(ok) {
  return ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**';
}

function render({ machine, rssMode, sizes, lsp, lspSize, endLoad }) {
  const out = [];
  out.push('# Benchmark results', '');
  out.push('Written by `npm run bench` (bench/run.mjs). Synthetic workspaces from bench/generate.mjs (seeded, so every run lints the same text).', '');
  out.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB RAM, ${machine.os}`);
  out.push(`- Node ${machine.node}; date ${machine.date}; commit ${machine.commit}`);
  out.push(`- Load average (1, 5, 15 min) at start: ${machine.load}; at end: ${endLoad}`);
  out.push(
    `- Wall time: \`performance.now()\` around \`spawnSync\`; CPU time (user + system) and peak RSS: ${rssMode === 'gnu-time' ? 'GNU time `-f "%M %U %S"` (getrusage of the child)' : 'getrusage recorded at exit by a `--require` preload (bench/maxrss-preload.cjs)'}. CPU time is the steadier figure when other work shares the machine (see the load average).`,
  );
  out.push('- Every workspace file is read once before timing (warm OS file cache for all tools). Each round runs the commands one after the other (A B C A B C …); figures are medians of the timed rounds.', '');

  for (const s of sizes) {
    out.push(`## CLI on ${fmtCount(s.n)} memos`, '');
    out.push(
      `Workspace: ${fmtCount(s.ws.memos)} memo files (average ${s.ws.averageLines} lines), ${s.ws.tenets} tenets, ${s.ws.people} people, ${fmtCount(s.ws.evidenceFiles)} evidence files. ${s.rounds} timed round${s.rounds === 1 ? '' : 's'} after ${s.warmup} untimed warm-up round${s.warmup === 1 ? '' : 's'}.`,
      '',
    );
    out.push('| tool | median wall | min | max | median CPU | peak RSS (median) | findings | wall vs ours | CPU vs ours |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    const ours = s.stats.ours;
    for (const c of s.commands) {
      const st = s.stats[c.key];
      if (!st) {
        out.push(`| ${c.name} | failed | | | | | | | |`);
        continue;
      }
      out.push(
        `| ${c.name} | ${fmtMs(st.medianMs)} | ${fmtMs(st.minMs)} | ${fmtMs(st.maxMs)} | ${fmtMs(st.medianCpuMs)} | ${fmtKiB(st.medianRssKiB)} | ${fmtCount(st.findings)} | ${fmtRatio(ratio(st, ours))} | ${fmtRatio(cpuRatio(st, ours))} |`,
      );
    }
    if (!s.cacheSupport.cache) out.push('| decision-memos check --cache (warm) | not available | | | | | | | |');
    out.push('');
    out.push(
      `- markdownlint-cli2 time / ours: **${fmtRatio(ratio(s.stats.markdownlint, ours))}** wall (${fmtRatio(cpuRatio(s.stats.markdownlint, ours))} CPU); remark time / ours: **${fmtRatio(ratio(s.stats.remark, ours))}** wall (${fmtRatio(cpuRatio(s.stats.remark, ours))} CPU).`,
    );
    if (s.cacheSupport.cache) {
      out.push(
        `- markdownlint-cli2 time / ours with a warm \`--cache\`: **${fmtRatio(ratio(s.stats.markdownlint, s.stats.warm))}** wall (${fmtRatio(cpuRatio(s.stats.markdownlint, s.stats.warm))} CPU); our cold / warm: ${fmtRatio(ratio(ours, s.stats.warm))} wall.`,
      );
    } else out.push('- Warm `--cache`: not available (the built CLI has no `--cache` option yet).');
    for (const p of new Set(s.problems)) out.push(`- Problem: ${p}`);
    out.push('', 'Commands (`<ws>` = the workspace folder, `<tmp>` = a fresh temporary folder):', '');
    for (const c of s.commands) out.push(`- ${c.name}: \`${displayCommand(c, s.ws)}\``);
    out.push('');
  }

  out.push(`## Language server${lspSize ? ` on ${fmtCount(lspSize.n)} memos` : ''}`, '');
  if (!lsp) out.push('Not run.', '');
  else {
    out.push(
      `\`node dist/server.js --stdio\`, driven over stdio with vscode-jsonrpc; client capabilities like VS Code's (\`window.workDoneProgress\`, \`workspace.configuration\`). \`decisionMemos.debounceMs\` is answered as **${lsp.debounceMs}** through \`workspace/configuration\` for these figures (the default is 150 ms, which a user waits on top); every other setting is at its default (\`problemsScope: openFiles\`).`,
      '',
    );
    out.push('| measure | value |', '|---|---:|');
    out.push(`| \`initialize\` → response | ${fmtMs(lsp.initializeMs)} |`);
    out.push(`| \`initialize\` → index ready (\`decisionMemos/status\` \`ready\`: every memo known from its front matter) | ${fmtMs(lsp.indexReadyMs)} (${fmtCount(lsp.indexedMemos)} memos) |`);
    out.push(`| \`initialize\` → index complete (every memo body read too) | ${fmtMs(lsp.indexCompleteMs)} |`);
    out.push(`| server CPU time until the index was ready (start-up included) | ${fmtMs(lsp.indexCpuMs)} |`);
    out.push(`| \`initialize\` → end of \`$/progress\` | ${fmtMs(lsp.progressEndMs)} |`);
    out.push(`| \`initialize\` → server idle (background check of closed files done) | ${fmtMs(lsp.idleMs)} |`);
    out.push(
      `| memo opened right after \`initialized\` → its first diagnostics | ${lsp.openDuringIndexMs === null ? 'never' : fmtMs(lsp.openDuringIndexMs)}${lsp.openDiagnosticsBeforeReady === undefined ? '' : lsp.openDiagnosticsBeforeReady ? ' (before the index was ready)' : ' (after the index was ready)'} |`,
    );
    out.push(`| edit → diagnostics, p50 (${lsp.edits} one-character ${lsp.sync} edits, ${lsp.editLineCount ?? '?'}-line memo) | ${fmtMs(lsp.editP50Ms)} |`);
    out.push(`| edit → diagnostics, p95 | ${fmtMs(lsp.editP95Ms)} |`);
    out.push(`| edit → diagnostics, max | ${fmtMs(lsp.editMaxMs)} |`);
    out.push(`| server CPU time per edit (mean) | ${fmtMs(lsp.editCpuMeanMs)} |`);
    out.push(`| server peak RSS (VmHWM) | ${fmtKiB(lsp.peakRssKiB)} |`);
    out.push('');
    if (lsp.error) out.push(`- Problem: ${lsp.error}`);
    for (const e of lsp.serverErrors ?? []) out.push(`- Server logged an error: ${e}`);
    if (lsp.error || lsp.serverErrors) out.push('');
  }

  out.push('## Targets', '');
  out.push('| target | measured | verdict |', '|---|---|---|');
  for (const s of sizes) {
    const cold = ratio(s.stats.markdownlint, s.stats.ours);
    out.push(
      `| cold check ≥ ${TARGETS.coldVsMarkdownlint}× faster than markdownlint-cli2 (${fmtCount(s.n)} memos) | ${fmtRatio(cold)} wall (${fmtRatio(cpuRatio(s.stats.markdownlint, s.stats.ours))} CPU) | ${verdict(cold === undefined ? undefined : cold >= TARGETS.coldVsMarkdownlint)} |`,
    );
    const warm = s.cacheSupport.cache ? ratio(s.stats.markdownlint, s.stats.warm) : undefined;
    out.push(
      `| warm \`--cache\` check ≥ ${TARGETS.warmVsMarkdownlint}× faster than markdownlint-cli2 (${fmtCount(s.n)} memos) | ${s.cacheSupport.cache ? `${fmtRatio(warm)} wall (${fmtRatio(cpuRatio(s.stats.markdownlint, s.stats.warm))} CPU)` : 'not available'} | ${verdict(warm === undefined ? undefined : warm >= TARGETS.warmVsMarkdownlint)} |`,
    );
    const rss = s.stats.ours?.medianRssKiB;
    out.push(`| CLI peak RSS < ${TARGETS.peakRssMiB} MB (${fmtCount(s.n)} memos) | ${fmtKiB(rss)} | ${verdict(rss === undefined ? undefined : rss / 1024 < TARGETS.peakRssMiB)} |`);
  }
  if (lsp) {
    const n = lspSize ? ` (${fmtCount(lspSize.n)} memos)` : '';
    out.push(`| server index ready < ${TARGETS.indexMs / 1000} s${n} | ${fmtMs(lsp.indexReadyMs)} | ${verdict(lsp.indexReadyMs === undefined ? undefined : lsp.indexReadyMs < TARGETS.indexMs)} |`);
    out.push(`| edit → diagnostics p95 < ${TARGETS.editP95Ms} ms${n} | ${fmtMs(lsp.editP95Ms)} | ${verdict(lsp.editP95Ms === undefined ? undefined : lsp.editP95Ms < TARGETS.editP95Ms)} |`);
    out.push(`| server peak RSS < ${TARGETS.peakRssMiB} MB${n} | ${fmtKiB(lsp.peakRssKiB)} | ${verdict(lsp.peakRssKiB === undefined ? undefined : lsp.peakRssKiB / 1024 < TARGETS.peakRssMiB)} |`);
  }
  out.push('');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isInteger(x) && x > 0);
  const machine = machineInfo(REPO);
  if (!fs.existsSync(CLI)) {
    log(`${path.relative(REPO, CLI)} not found: run \`npm run build\` first (npm run bench does).`);
    return;
  }
  const rssMode = detectRssMode();
  const cacheSupport = detectCacheSupport(CLI);
  log(`peak RSS via ${rssMode}; --cache ${cacheSupport.cache ? 'available' : 'not available'}`);

  const results = [];
  for (const n of sizes) {
    const rounds = Number(process.env.BENCH_ROUNDS) > 0 ? Number(process.env.BENCH_ROUNDS) : n <= 1000 ? 5 : 3;
    const warmup = process.env.BENCH_WARMUP === undefined ? (n <= 1000 ? 1 : 0) : Math.max(0, Number(process.env.BENCH_WARMUP) || 0);
    results.push(benchSize(n, { rounds, warmup, rssMode, cacheSupport }));
  }

  let lsp;
  let lspSize;
  if (process.env.BENCH_LSP !== '0' && results.length > 0) {
    lspSize = results.reduce((a, b) => (b.n > a.n ? b : a));
    log(`language server on ${lspSize.n} memos${fs.existsSync(SERVER) ? '' : ' (dist/server.js missing)'}`);
    lsp = await benchLanguageServer({ root: lspSize.ws.root, longMemo: lspSize.ws.longMemo, openMemo: lspSize.ws.openMemo, expectedMemos: lspSize.ws.memos, log });
  }

  let example;
  if (process.env.BENCH_LSP !== '0') {
    log('language server on the example workspace with a 300-line memo');
    example = await benchExampleEdits({ log });
  }

  const endLoad = loadAverage();
  const report = render({ machine, rssMode, sizes: results, lsp, lspSize, endLoad }) + (example ? renderExample(example) : '');
  fs.writeFileSync(RESULTS, report + keptScalingSection());
  process.stdout.write(`${report}\n(written to ${path.relative(REPO, RESULTS)})\n`);
}

/**
 * The `## Scaling` section bench/scale.mjs keeps between its markers in RESULTS.md: carried over
 * (at the end) when this script rewrites the file, so a run of one does not erase the other's figures.
 */
function keptScalingSection() {
  const old = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const start = old.indexOf(SCALE_START);
  const end = start < 0 ? -1 : old.indexOf(SCALE_END, start);
  return end < 0 ? '' : `\n${old.slice(start, end + SCALE_END.length)}\n`;
}

function renderExample({ lsp, memos, longMemo }) {
  const ms = (x) => (typeof x === 'number' ? `${x.toFixed(1)} ms` : 'n/a');
  return `
## Language server on the example workspace

A copy of \`examples/workspace\` (${memos} memos) plus \`${longMemo}\`, a 300-line memo in the example's vocabulary
(\`bench/exampleEdit.mjs\`). ${lsp.edits} one-character edits, each waiting for the diagnostics of its version; \`debounceMs\` answered as 0,
so a user sees the configured debounce (150 ms by default) on top of these figures.

| measure | value |
|---|---:|
| \`initialize\` → index ready | ${ms(lsp.indexReadyMs)} |
| edit → fresh diagnostics, p50 | ${ms(lsp.editP50Ms)} |
| edit → fresh diagnostics, p95 | ${ms(lsp.editP95Ms)} |
| edit → fresh diagnostics, max | ${ms(lsp.editMaxMs)} |
| server peak RSS | ${lsp.peakRssKiB ? `${Math.round(lsp.peakRssKiB / 1024)} MB` : 'n/a'} |
${lsp.error ? `\nError: ${lsp.error}\n` : ''}`;
}

await main();
