import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAction } from './actionHarness';
import { configOnly, makeDir, memo, writeFiles } from './cliHarness';

// The CLI as an npm package: `npm pack` makes a tarball that, installed into an empty folder
// with the registry out of reach (`--offline`: the package has no runtime dependencies, the
// bundle holds everything), runs `npx decision-memos check` on a workspace. The tarball packs
// the dist/cli.js the other CLI tests run (`--ignore-scripts`: the prepack build is for
// publishing and for installs from git, such as pre-commit's).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string>; private?: boolean; bin: Record<string, string> };

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  // A clean environment for npm: the variables of the npm that started the tests would steer it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  it('declares no runtime dependency and is publishable', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'decision-memos': 'dist/cli.js' });
  });

  it('installs offline into an empty folder and runs npx decision-memos check', { timeout: 120_000 }, () => {
    const out = makeDir();
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    expect(info!.files.map((f) => f.path).sort()).toEqual(['LICENSE', 'README.md', 'dist/cli.js', 'package.json', 'schemas/authority.schema.json', 'schemas/decisions.schema.json', 'schemas/people.schema.json', 'schemas/tenets.schema.json']);

    const project = makeDir();
    const installed = npm(['install', '--offline', '--no-audit', '--no-fund', path.join(out, info!.filename)], project);
    expect(installed.status, installed.stderr).toBe(0);
    writeFiles(project, {
      'ws/.decisions.yaml': configOnly({ 'owner-missing': undefined, 'status-invalid': undefined }),
      'ws/decisions/0001-a.md': memo(['status: maybe', 'owners: [ann]']),
      'ws/decisions/0002-b.md': memo(['status: draft']),
    });

    const version = npm(['exec', '--offline', '--no', '--', 'decision-memos', '--version'], project);
    expect(version.stdout.trim()).toBe(pkg.version);
    const check = npm(['exec', '--offline', '--no', '--', 'decision-memos', 'check', 'ws', '--format', 'json'], project);
    expect(check.status, check.stderr).toBe(1);
    const report = JSON.parse(check.stdout) as { files: number; diagnostics: { file: string; rule: string }[] };
    expect(report.files).toBe(2);
    expect(report.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(['decisions/0001-a.md status-invalid', 'decisions/0002-b.md owner-missing']);
    // The way a user types it.
    const npx = spawnSync('npx', ['--offline', '--no', 'decision-memos', 'check', 'ws'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(npx.status).toBe(1);
    expect(npx.stdout).toContain('✖ 2 problems (1 error, 1 warning, 0 infos, 0 hints)');
    // The GitHub Action finds the installed copy (its own checkout is out of reach here).
    const annotated = runAction(project, { paths: 'ws' }, path.join(project, 'no-action-checkout'));
    expect(annotated.status).toBe(1);
    expect(annotated.stdout).toContain('::error file=ws/decisions/0001-a.md,line=2,col=9,');
  });
});
