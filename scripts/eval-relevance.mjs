// `npm run eval:relevance [-- --check] [--details]`: measures the relevance model on the labelled
// sets in test/relevance/ (dev: the set the model was calibrated on; test: written by someone
// else and only measured) and prints hint precision/recall, fix recall@3 and MRR, and the share
// of memos without a relevant tenet that are offered a fix. `--check` fails (exit 1) when a
// figure falls below test/relevance/floors.json: a regression test, not a timed one.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'dm-eval-'));
const outfile = path.join(scratch, 'evaluate.cjs');
try {
  await build({ entryPoints: [path.join(root, 'test/relevance/evaluate.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const { evaluateSet } = createRequire(import.meta.url)(outfile);
  const sets = ['dev', 'test'].map((name) => evaluateSet(name, path.join(root, 'test/relevance', name)));
  const pct = (x) => x.toFixed(2);
  console.log('set   memos  hints  precision  recall  fix-recall@3   MRR  traps-offered-fix  no-tenet-offered-fix');
  for (const s of sets) {
    console.log(
      `${s.name.padEnd(5)} ${String(s.memos).padStart(5)}  ${String(s.hints).padStart(5)}  ${pct(s.hintPrecision).padStart(9)}  ${pct(s.hintRecall).padStart(6)}  ${pct(s.fixRecallAt3).padStart(12)}  ${pct(s.mrr).padStart(4)}  ${`${pct(s.trapsOfferedFix)} of ${s.traps}`.padStart(17)}  ${`${pct(s.unlabelledOfferedFix)} of ${s.unlabelled}`.padStart(20)}`,
    );
  }
  if (process.argv.includes('--details')) {
    for (const s of sets) {
      console.log(`\n## ${s.name}`);
      for (const d of s.details) {
        const miss = d.relevant.filter((t) => !d.cited.includes(t) && !d.hinted.includes(t));
        const wrong = d.hinted.filter((t) => !d.relevant.includes(t));
        console.log(`${d.file}${d.trap ? ' (trap)' : ''}\n  relevant ${d.relevant.join(',') || '-'} | cited ${d.cited.join(',') || '-'} | hinted ${d.hinted.join(',') || '-'}${wrong.length ? ` WRONG ${wrong}` : ''}${d.cited.length && miss.length ? ` MISSED ${miss}` : ''}\n  fixes ${d.fixes.join(',') || '-'}`);
      }
    }
  }
  if (process.argv.includes('--check')) {
    const floors = JSON.parse(readFileSync(path.join(root, 'test/relevance/floors.json'), 'utf8'));
    const failures = [];
    for (const s of sets) {
      for (const [metric, floor] of Object.entries(floors[s.name] ?? {})) {
        const value = s[metric];
        const ok = metric.endsWith('OfferedFix') ? value <= floor : value >= floor;
        if (!ok) failures.push(`${s.name} ${metric} ${pct(value)} (floor ${floor})`);
      }
    }
    if (failures.length > 0) {
      console.error(`relevance below its floors: ${failures.join('; ')}`);
      process.exitCode = 1;
    } else console.log('relevance floors: all met');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
