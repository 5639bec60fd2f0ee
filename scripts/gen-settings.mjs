// Writes `contributes.configuration` of package.json from the rule registry and the settings
// defaults (scripts/settingsSchema.ts). Run it after adding or changing a rule or a setting:
//   npm run gen:settings            (rewrite package.json)
//   npm run gen:settings -- --check (exit 1 if package.json is out of date; writes nothing)
// Only that key changes; package.json is written back in npm's own layout (two-space JSON), so the
// rest of the file stays as it was.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const packageJsonPath = path.join(root, 'package.json');
const check = process.argv.includes('--check');

// The registry is TypeScript: bundle the schema module to a temporary CommonJS file and load it.
const scratch = mkdtempSync(path.join(tmpdir(), 'gen-settings-'));
let configuration;
try {
  const outfile = path.join(scratch, 'settingsSchema.cjs');
  await build({
    entryPoints: [path.join(root, 'scripts', 'settingsSchema.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  configuration = createRequire(import.meta.url)(outfile).configurationContribution();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const text = readFileSync(packageJsonPath, 'utf8');
const pkg = JSON.parse(text);
const current = JSON.stringify(pkg.contributes?.configuration);
if (current === JSON.stringify(configuration)) {
  console.log('package.json settings are up to date.');
  process.exit(0);
}
if (check) {
  console.error('package.json `contributes.configuration` is out of date: run `npm run gen:settings`.');
  process.exit(1);
}
pkg.contributes = { ...pkg.contributes, configuration };
writeFileSync(packageJsonPath, JSON.stringify(pkg, null, 2) + (text.endsWith('\n') ? '\n' : ''));
console.log(`package.json: wrote ${Object.keys(configuration.properties).length} settings, ${Object.keys(configuration.properties['decisionMemos.rules'].properties).length} rules.`);
