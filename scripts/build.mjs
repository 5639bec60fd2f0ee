// One esbuild call per entry point: the client, the language server and the CLI, each a single
// CommonJS bundle for Node. Type-checking is `tsc -b`'s job, not the bundler's.
//   node scripts/build.mjs [--production] [--only client|server|cli]
// Each bundle is written beside its target and renamed, so a test starting the server while
// a build runs never sees half a file.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const root = path.resolve(import.meta.dirname, '..');
const production = process.argv.includes('--production');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;

const common = {
  absWorkingDir: process.cwd(),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // fdir (under tinyglobby) ships an ES module that looks for `picomatch` at run time with
  // `createRequire(import.meta.url)`, i.e. in whatever node_modules lies above the installed
  // bundle. Its CommonJS build requires it statically, so picomatch is bundled instead.
  alias: { fdir: path.join(root, 'node_modules', 'fdir', 'dist', 'index.cjs') },
};

const bundles = {
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  server: { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  cli: { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
};

mkdirSync(path.join(process.cwd(), 'dist'), { recursive: true });
// Same file names in a scratch folder, so the `sourceMappingURL` comments stay right after the move.
const scratch = mkdtempSync(path.join(process.cwd(), 'dist', '.build-'));
try {
  await Promise.all(
    Object.entries(bundles)
      .filter(([name]) => !only || name === only)
      .map(async ([, options]) => {
        const tmp = path.join(scratch, path.basename(options.outfile));
        await build({ ...common, ...options, outfile: tmp });
        if (common.sourcemap) renameSync(`${tmp}.map`, `${options.outfile}.map`);
        renameSync(tmp, options.outfile);
      }),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
