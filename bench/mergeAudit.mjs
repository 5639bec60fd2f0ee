// Times `decision-memos audit --merge` on synthetic reports: 300 repositories of 1,000 memos each
// (seeded, so every run merges the same files), and writes the figures into its own section of
// bench/RESULTS.md. A benchmark, not a test: it reports what it measured against the target
// (under 5 s and 300 MB).
//   npm run build && node bench/mergeAudit.mjs [--reports N] [--memos N] [--rounds N] [--no-write]
// No environment variables. Its section ends at the next heading or at bench/scale.mjs's
// `<!-- scale:start -->` marker, so that section survives.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const HERE = import.meta.dirname;
const REPO = path.resolve(HERE, '..');
const CLI = path.join(REPO, 'dist/cli.js');
const RESULTS = path.join(HERE, 'RESULTS.md');
const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPORTS = arg('reports', 300);
const MEMOS = arg('memos', 1000);
const ROUNDS = arg('rounds', 3);
const TARGET_MS = 5000;
const TARGET_MB = 300;

/** mulberry32: a small seeded generator, so the reports are the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANY = Array.from({ length: 8 }, (_, i) => `CO-VALUE-${i + 1}`);
const STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

/** One repository's report in the shape `audit --format json --name` writes. */
function report(n) {
  const rnd = random(1000 + n);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const name = `repo-${String(n).padStart(3, '0')}`;
  // The last company tenet is cited nowhere; each repository adds 30 function and team tenets.
  const own = Array.from({ length: 30 }, (_, i) => ({ id: `${name.toUpperCase()}-T${i + 1}`, layer: i < 10 ? 'function' : 'team', parent: pick(COMPANY.slice(0, 7)) }));
  const tenets = [...COMPANY.map((id) => ({ id, layer: 'company', parent: undefined })), ...own].map((t) => ({ ...t, title: `title of ${t.id}`, memos: [] }));
  const citable = tenets.filter((t) => t.id !== COMPANY[7]);
  // A pool of 3,000 people, 40 of whom own memos here: many people own decisions in several repositories.
  const people = Array.from({ length: 40 }, () => `person-${Math.floor(rnd() * 3000)}`);
  const byStatus = Object.fromEntries([...STATUSES, 'unknown'].map((s) => [s, 0]));
  const conflicts = new Map();
  const owners = new Map();
  const overdue = [];
  let citing = 0;
  for (let m = 1; m <= MEMOS; m++) {
    const file = `decisions/${String(m).padStart(4, '0')}-decision-number-${m}-of-${name}.md`;
    const status = rnd() < 0.02 ? 'unknown' : pick(STATUSES);
    byStatus[status]++;
    const cites = rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 3);
    const cited = new Set(Array.from({ length: cites }, () => pick(citable)));
    if (cited.size > 0) citing++;
    for (const t of cited) {
      t.memos.push(file);
      if (rnd() < 0.05) (conflicts.get(t.id) ?? conflicts.set(t.id, []).get(t.id)).push(file);
    }
    const memoOwners = [...new Set([pick(people), ...(rnd() < 0.3 ? [pick(people)] : [])])];
    for (const o of memoOwners) {
      const load = owners.get(o) ?? owners.set(o, { owner: o, open: 0, accepted: 0 }).get(o);
      if (status === 'draft' || status === 'proposed') load.open++;
      if (status === 'accepted') load.accepted++;
    }
    if ((status === 'proposed' || status === 'accepted') && rnd() < 0.06) overdue.push({ file, due: `2026-0${1 + Math.floor(rnd() * 9)}-15`, source: rnd() < 0.7 ? 'review-by' : 'stage gate', owners: memoOwners });
  }
  const usage = tenets.map((t) => ({ id: t.id, title: t.title, layer: t.layer, status: 'active', parent: t.parent, citations: t.memos.length, memos: t.memos }));
  return {
    tool: { name: 'decision-memos', version },
    version: 1,
    name,
    date: '2026-12-01',
    root: `/ci/${name}`,
    memos: MEMOS,
    citing,
    byStatus,
    tenets: usage.sort((a, b) => b.citations - a.citations || (a.id < b.id ? -1 : 1)),
    uncited: usage.filter((t) => t.citations === 0).map((t) => t.id),
    conflicts: [...conflicts].map(([tenet, memos]) => ({ tenet, memos })),
    owners: [...owners.values()],
    evidence: { 'two-way': { memos: 300, meeting: 250, required: 1 }, costly: { memos: 300, meeting: 200, required: 2 }, 'one-way': { memos: 300, meeting: 150, required: 3 } },
    evidenceUnspecified: 100,
    reviews: { overdue: overdue.sort((a, b) => (a.due < b.due ? -1 : 1)), dueSoon: [] },
    scorecardsWithoutPause: [],
    claimsWithoutInvalidation: [],
    awaitingDecision: [],
    authorityFiles: { matrix: null, people: 'people.yaml' },
    escalations: { withoutNeed: [], bypassed: [] },
    departedOwners: [],
    ownerConcentration: { decisions: 0, owners: [], top3: [], held: 0, top3Share: null },
  };
}

function measure(args, scratch) {
  const times = path.join(scratch, 'time.txt');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', times, process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`audit --merge failed (${r.status}): ${r.stderr}`);
  const [kib, user, sys] = fs.readFileSync(times, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
  return { wall, cpu: (user + sys) * 1000, rssMb: (kib * 1024) / 1e6 };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
if (!fs.existsSync('/usr/bin/time')) throw new Error('this benchmark reads CPU time and peak RSS from GNU time (/usr/bin/time)');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-merge-bench-'));
try {
  const reports = path.join(scratch, 'reports');
  fs.mkdirSync(reports);
  let bytes = 0;
  for (let n = 1; n <= REPORTS; n++) {
    const text = JSON.stringify(report(n), null, 2) + '\n';
    bytes += text.length;
    fs.writeFileSync(path.join(reports, `repo-${String(n).padStart(3, '0')}.json`), text);
  }
  for (const f of fs.readdirSync(reports)) fs.readFileSync(path.join(reports, f)); // warm the OS file cache
  const loadStart = os.loadavg();
  const rows = [];
  for (const format of ['json', 'html']) {
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(measure(['audit', '--merge', reports, '--format', format, '-o', path.join(scratch, `merged.${format}`)], scratch));
    const merged = fs.statSync(path.join(scratch, `merged.${format}`)).size;
    rows.push({ format, wall: median(runs.map((r) => r.wall)), min: Math.min(...runs.map((r) => r.wall)), max: Math.max(...runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rss: median(runs.map((r) => r.rssMb)), merged });
  }
  const loadEnd = os.loadavg();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    // Outside a checkout the commit is simply not known.
  }
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`;
  const load = (l) => l.map((v) => v.toFixed(2)).join(', ');
  const section = [
    '## audit --merge',
    '',
    `Written by \`node bench/mergeAudit.mjs\` (\`npm run bench\` rewrites this file without it: run this after). ${REPORTS} synthetic reports (seeded) of ${MEMOS.toLocaleString('en')} memos each, ${(bytes / 1e6).toFixed(1)} MB of JSON: 38 tenets per repository (8 company tenets shared by all, one never cited), 0–3 citations per memo, 5% ✗ judgements, 40 owners per repository from a pool of 3,000, 6% of open memos overdue.`,
    `Command: \`node dist/cli.js audit --merge <folder> --format json|html -o <file>\`; wall time around \`spawnSync\`, CPU (user + system) and peak RSS from GNU time \`-f "%M %U %S"\`; medians of ${ROUNDS} rounds, the files read once before.`,
    '',
    '| measure | format | median wall | min | max | median CPU | peak RSS (median) | output | target (< 5 s, < 300 MB) | commit | machine | load (1, 5, 15 min) start / end |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|',
    ...rows.map((r) => `| audit --merge, ${REPORTS} reports × ${MEMOS.toLocaleString('en')} memos | ${r.format} | ${ms(r.wall)} | ${ms(r.min)} | ${ms(r.max)} | ${ms(r.cpu)} | ${Math.round(r.rss)} MB | ${(r.merged / 1e3).toFixed(0)} kB | ${r.wall < TARGET_MS && r.rss < TARGET_MB ? '**met**' : '**not met**'} | ${commit} | ${machine}; Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z | ${load(loadStart)} / ${load(loadEnd)} |`),
    '',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (!process.argv.includes('--no-write')) {
    // Replace this benchmark's own section (up to the next heading, the marker that opens
    // bench/scale.mjs's section, or the end); leave the rest alone.
    const old = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
    const start = old.indexOf('\n## audit --merge\n');
    let next;
    if (start >= 0) {
      const rest = old.slice(start + 1).search(/\n(## |<!-- scale:start -->)/);
      next = old.slice(0, start + 1) + section + (rest >= 0 ? `\n${old.slice(start + 1 + rest + 1)}` : '');
    } else next = `${old.replace(/\n*$/, '\n\n')}${section}`;
    fs.writeFileSync(RESULTS, next);
    process.stdout.write(`(written to ${path.relative(REPO, RESULTS)})\n`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
