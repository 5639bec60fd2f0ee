import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCacheFile } from '../../server/src/cli/cacheFile';

// `check --cache` must give exactly the cold result, whatever changed between runs.

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-cache-'));
  const files: Record<string, string> = {
    'tenets.yaml': '- id: CO-TRUST\n  layer: company\n  statement: When growth and trust conflict, we choose trust over growth because trust lasts.\n',
    'decisions/0001-a.md': '---\nstatus: proposed\nowners: [ann]\ntenets: [CO-TRUST]\nevidence:\n  - path: evidence/report.md\n    limits: one week\n---\n# A\n\n- [[CO-TRUST]] ✓ fine\n\nClaim: We believe a because b.\nBoundary: This reduces uncertainty about a; it does not prove b.\n',
    'decisions/0002-b.md': '---\nstatus: draft\nowners: [bob]\ntenets: [CO-TRUST]\nsupersedes: ["0001"]\n---\n# B\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function check(dir: string, ...extra: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', ...extra], { encoding: 'utf8', timeout: 30000 });
  return { status: r.status, json: JSON.parse(r.stdout) as { diagnostics: { file: string; rule: string; line: number }[] } };
}

function sameAsCold(dir: string, cacheFile: string) {
  const cold = check(dir);
  const warm = check(dir, '--cache-location', cacheFile);
  expect(warm).toEqual(cold);
  return warm.json.diagnostics.map((d) => `${d.file}:${d.line}:${d.rule}`);
}

beforeAll(() => {
  if (!fs.existsSync(CLI) || fs.statSync(CLI).size === 0) throw new Error('dist/cli.js is missing or empty: run `npm run build`');
});

describe('check --cache', () => {
  it('is never stale: memo edits, tenet edits, evidence appearing, linked memos changing', () => {
    const dir = workspace();
    const cacheFile = path.join(dir, 'cache.json');
    const first = sameAsCold(dir, cacheFile);
    expect(first).toContain('decisions/0001-a.md:6:evidence-not-found');
    expect(fs.existsSync(cacheFile)).toBe(true);
    expect(sameAsCold(dir, cacheFile)).toEqual(first); // a warm run with nothing changed

    fs.mkdirSync(path.join(dir, 'evidence'));
    fs.writeFileSync(path.join(dir, 'evidence/report.md'), '# Report\n');
    expect(sameAsCold(dir, cacheFile)).not.toContain('decisions/0001-a.md:6:evidence-not-found');

    fs.writeFileSync(path.join(dir, 'tenets.yaml'), fs.readFileSync(path.join(dir, 'tenets.yaml'), 'utf8') + '  status: retired\n');
    expect(sameAsCold(dir, cacheFile)).toContain('decisions/0002-b.md:4:tenet-retired');

    // 0002 supersedes 0001; 0001 must answer. Removing the link in 0002 changes 0001's diagnostics.
    expect(sameAsCold(dir, cacheFile).some((d) => d.startsWith('decisions/0001-a.md') && d.endsWith('supersede-broken'))).toBe(true);
    fs.writeFileSync(path.join(dir, 'decisions/0002-b.md'), '---\nstatus: draft\nowners: [bob]\ntenets: [CO-TRUST]\n---\n# B\n');
    expect(sameAsCold(dir, cacheFile).some((d) => d.endsWith('supersede-broken'))).toBe(false);
  });

  it('is never stale when the authority matrix, CODEOWNERS or a shared config changes', () => {
    const dir = workspace();
    const cacheFile = path.join(dir, 'cache.json');
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('decisions/0003-c.md', '---\nstatus: proposed\nowners: ["@ann"]\ntenets: [CO-TRUST]\ndecision-type: api\n---\n# C\n\n- [[CO-TRUST]] ✓ fine\n');
    expect(sameAsCold(dir, cacheFile)).not.toContain('decisions/0003-c.md:5:decision-type-unknown');
    write('authority.yaml', '- type: other\n  decides: owner\n');
    expect(sameAsCold(dir, cacheFile)).toContain('decisions/0003-c.md:5:decision-type-unknown');
    write('authority.yaml', '- type: api\n  decides: owner\n');
    expect(sameAsCold(dir, cacheFile)).not.toContain('decisions/0003-c.md:5:decision-type-unknown');

    write('.decisions.yaml', 'codeowners: true\npeople: team.yaml\n');
    write('team.yaml', '- id: bob\n');
    write('CODEOWNERS', '* @ann\n');
    // `@ann` in CODEOWNERS is the owner `ann` and `@ann` alike.
    expect(sameAsCold(dir, cacheFile).filter((d) => d.endsWith('owner-unknown'))).toEqual([]);
    write('CODEOWNERS', '* @someone-else\n');
    expect(sameAsCold(dir, cacheFile).filter((d) => d.endsWith('owner-unknown'))).toEqual(['decisions/0001-a.md:3:owner-unknown', 'decisions/0003-c.md:3:owner-unknown']);

    // A severity set by a shared config (extends a path in the workspace).
    write('shared/.decisions.yaml', 'rules:\n  decision-type-unknown: off\n');
    write('.decisions.yaml', 'extends: ./shared\n');
    write('authority.yaml', '- type: other\n  decides: owner\n');
    expect(sameAsCold(dir, cacheFile)).not.toContain('decisions/0003-c.md:5:decision-type-unknown');
    write('shared/.decisions.yaml', 'rules:\n  decision-type-unknown: error\n');
    expect(sameAsCold(dir, cacheFile)).toContain('decisions/0003-c.md:5:decision-type-unknown');
  });

  it('indexes the other memos of a large workspace by file stamp when files are named, and sees one that changed', () => {
    const dir = workspace();
    const cacheFile = path.join(dir, 'cache.json');
    // The config marks the root a named file belongs to.
    fs.writeFileSync(path.join(dir, '.decisions.yaml'), 'memos: ["decisions/**/*.md"]\n');
    // Over a thousand memos: named files are checked against an index of the others' front matter.
    for (let i = 0; i < 1010; i++) {
      fs.writeFileSync(path.join(dir, `decisions/${String(1000 + i)}-filler.md`), `---\nid: F-${String(i).padStart(4, '0')}\nstatus: draft\nowners: [ann]\n---\n# Filler ${i}\n`);
    }
    const named = path.join(dir, 'decisions/0001-a.md');
    const filler = path.join(dir, 'decisions/1003-filler.md');
    // A whole-second time, which can be set back exactly later.
    const mtime = new Date('2026-01-01T00:00:00Z');
    fs.utimesSync(filler, mtime, mtime);
    const cold = check(named);
    const first = check(named, '--cache-location', cacheFile);
    expect(first).toEqual(cold);
    const written = readCacheFile(cacheFile);
    expect([...written.roots.values()][0]!.indexed.size).toBeGreaterThanOrEqual(1010);
    written.close();
    expect(check(named, '--cache-location', cacheFile)).toEqual(cold);

    // A memo not named takes the named memo's id. With its size and modification time as they
    // were, the cache takes it as unchanged and does not read it (the trade-off of a stamp, as in
    // ESLint's metadata cache): that shows the index came from the cache.
    fs.writeFileSync(filler, fs.readFileSync(filler, 'utf8').replace('id: F-0003', 'id: "0001"'));
    fs.utimesSync(filler, mtime, mtime);
    expect(check(named, '--cache-location', cacheFile)).toEqual(cold);
    expect(check(named).json.diagnostics.map((d) => d.rule)).toContain('memo-duplicate-id');
    // Any write gives it a new stamp: it is read again.
    fs.utimesSync(filler, new Date(), new Date(mtime.getTime() + 5000));
    const after = check(named, '--cache-location', cacheFile);
    expect(after).toEqual(check(named));
    expect(after.json.diagnostics.map((d) => d.rule)).toContain('memo-duplicate-id');

    // After a whole check with the cache, a named file is checked against every memo's full
    // summary: what it reports is what the whole check reported for it.
    const whole = check(dir, '--cache-location', cacheFile);
    const againNamed = check(named, '--cache-location', cacheFile);
    expect(againNamed.json.diagnostics).toEqual(whole.json.diagnostics.filter((d) => d.file === 'decisions/0001-a.md'));
  });

  it('ignores a damaged cache file and replaces it', () => {
    const dir = workspace();
    const cacheFile = path.join(dir, 'cache.json');
    fs.writeFileSync(cacheFile, '{not json');
    sameAsCold(dir, cacheFile);
    const replaced = readCacheFile(cacheFile);
    expect([...replaced.roots.values()][0]!.entries.size).toBe(2);
    replaced.close();
  });

  it('reads a damaged entry as a memo to check again, never as results', () => {
    const dir = workspace();
    const cacheFile = path.join(dir, 'cache.json');
    sameAsCold(dir, cacheFile);
    // Lines 0 and 1 are the file's and the root's heads; then three lines per memo: its head, its
    // summary and its results ([evidence, diagnostics]). Damage each kind in one entry or another.
    const lines = fs.readFileSync(cacheFile, 'utf8').split('\n');
    const at = (file: string) => lines.findIndex((l) => l.startsWith(`${JSON.stringify([file]).slice(0, -1)},`));
    const a = at('decisions/0001-a.md');
    const b = at('decisions/0002-b.md');
    expect(a).toBeGreaterThan(1);
    expect(b).toBeGreaterThan(1);
    lines[a + 1] = '{"file": ';
    lines[a + 2] = 'not json';
    lines[b + 2] = '[42,[]]';
    fs.writeFileSync(cacheFile, lines.join('\n'));
    sameAsCold(dir, cacheFile);
    sameAsCold(dir, cacheFile);
  });
});
