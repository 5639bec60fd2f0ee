// Writes the JSON schemas of schemas/ (.decisions.yaml, people.yaml, YAML tenet files) from the
// checker's own schemas (scripts/schemas.ts). Run it after changing the config's shape, a parser
// of people or tenets, or a rule:
//   npm run gen:schemas            (rewrite schemas/*.json)
//   npm run gen:schemas -- --check (exit 1 if a file is out of date; writes nothing)
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'schemas');
const check = process.argv.includes('--check');

// The schemas are TypeScript: bundle the module to a temporary CommonJS file and load it.
const scratch = mkdtempSync(path.join(tmpdir(), 'gen-schemas-'));
let mod;
try {
  const outfile = path.join(scratch, 'schemas.cjs');
  await build({ entryPoints: [path.join(root, 'scripts', 'schemas.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  mod = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const stale = [];
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(mod.jsonSchemas())) {
  const file = path.join(outDir, name);
  const text = mod.schemaText(schema);
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(name);
  if (!check) writeFileSync(file, text);
}
if (stale.length === 0) console.log('schemas/ is up to date.');
else if (check) {
  console.error(`schemas/ is out of date (${stale.join(', ')}): run \`npm run gen:schemas\`.`);
  process.exit(1);
} else console.log(`schemas/: wrote ${stale.join(', ')}.`);
