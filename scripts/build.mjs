// One esbuild call per entry point: the client, the language server and the CLI, each a single
// CommonJS bundle for Node. Type-checking is `tsc -b`'s job, not the bundler's.
//   node scripts/build.mjs [--production] [--only client|server|cli]
// Each bundle is written beside its target and renamed, so a test starting the server while
// a build runs never sees half a file.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * esbuild escapes non-ASCII characters in strings but not in regular expressions or the comments
 * it keeps, and one such character makes V8 hold the whole source as two bytes per character:
 * 4 MB instead of 2 for the CLI bundle, in every thread of a check. Each is written as `\\uXXXX`,
 * which means the same in a regular expression, a string or an identifier and is inert in a
 * comment. A character after a backslash is left alone (an escape of it would change its meaning),
 * and the bundle then simply stays as it was.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  if (/\\[\u0080-\uffff]/.test(text)) return;
  const escape = (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  const ascii = text.replace(/[\u0080-\uffff]/g, escape);
  if (ascii !== text) writeFileSync(file, ascii);
}

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
        asciiOnly(tmp);
        if (common.sourcemap) renameSync(`${tmp}.map`, `${options.outfile}.map`);
        renameSync(tmp, options.outfile);
      }),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
