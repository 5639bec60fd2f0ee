// `npm run package`: production bundles, then `vsce package` into decision-memos-<version>.vsix.
//
// It packages from a staging folder (.vscode-test/vsix-stage) so the development build in dist/,
// which tests and the editor use, is never replaced by minified bundles or removed mid-run.
// vsce needs Node >= 22: it runs on the Node 24 binary of the e2e tools folder (installed by
// scripts/e2e-tools.sh when missing). The .vsix contents are chosen by .vscodeignore.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, resolveTools } from './e2e-env.mjs';

// Where relative links and images of README.md point once the README is shown from the Marketplace
// (vsce rewrites them; it cannot guess them from a repository URL that is not on GitHub).
const CONTENT_BASE = 'https://github.com/decision-memos/decision-memos/blob/main';
const IMAGES_BASE = 'https://github.com/decision-memos/decision-memos/raw/main';

function run(command, args, options) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { version, name } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${name}-${version}.vsix`);
const tools = resolveTools();

const stage = path.join(ROOT, '.vscode-test', 'vsix-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
// Sources through symlinks: scripts/build.mjs writes dist/ under its working directory.
for (const dir of ['client', 'server', 'node_modules']) symlinkSync(path.join(ROOT, dir), path.join(stage, dir), 'dir');
for (const item of ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'syntaxes', 'snippets', 'schemas', 'docs']) {
  if (existsSync(path.join(ROOT, item))) cpSync(path.join(ROOT, item), path.join(stage, item), { recursive: true });
}
// package.json's `files` chooses the npm package (the CLI); the .vsix is chosen by .vscodeignore,
// and vsce refuses a package that has both.
const staged = JSON.parse(readFileSync(path.join(stage, 'package.json'), 'utf8'));
delete staged.files;
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(staged, null, 2) + '\n');
run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: stage });
for (const dir of ['client', 'server', 'node_modules']) rmSync(path.join(stage, dir));
run(path.join(tools.node24BinDir, 'node'), [
  path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
  '--no-dependencies', '--baseContentUrl', CONTENT_BASE, '--baseImagesUrl', IMAGES_BASE, '--out', vsix,
], { cwd: stage, env: { ...process.env, PATH: `${tools.node24BinDir}:${process.env.PATH}` } });
console.log(`packaged ${path.relative(ROOT, vsix)}`);
