import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs the built CLI's `audit` on a workspace written to a temp folder.

const CLI = path.resolve(__dirname, '../../dist/cli.js');
let root: string;

function write(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-audit-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'audit', ...args], { encoding: 'utf8', timeout: 30000 });
}

beforeAll(() => {
  if (!fs.existsSync(CLI) || fs.statSync(CLI).size === 0) throw new Error('dist/cli.js is missing or empty: run `npm run build`');
  root = write({
    'tenets.yaml': '- id: CO-TRUST\n  layer: company\n  statement: When growth and trust conflict, we choose trust over growth because trust lasts.\n- id: CO-IDLE\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n',
    'decisions/0001-a.md': '---\nstatus: accepted\ndate: 2026-02-01\nowners: [ann]\ntenets: [CO-TRUST]\n---\n# <b>Bold</b> & co\n\n- [[CO-TRUST]] ✗ costs trust\n',
    'decisions/0002-b.md': '---\nstatus: proposed\ndate: 2025-01-01\nowners: [ann]\n---\n# Old\n',
  });
});

describe('decision-memos audit', () => {
  it('prints the documented JSON shape', () => {
    const r = run(root, '--format', 'json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ version: 1, memos: 2, citing: 1, byStatus: { accepted: 1, proposed: 1 }, uncited: ['CO-IDLE'], conflicts: [{ tenet: 'CO-TRUST', memos: ['decisions/0001-a.md'] }], owners: [{ owner: 'ann', open: 1, accepted: 1 }] });
    expect(json.evidence).toHaveProperty('one-way');
  });

  it('limits the report with --since', () => {
    const json = JSON.parse(run(root, '--format', 'json', '--since', '2026-01-01').stdout);
    expect(json.memos).toBe(1);
  });

  it('refuses a --since that is not a real date with exit 2 and one line', () => {
    const r = run(root, '--since', '2026-02-30');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes a self-contained HTML file with escaped memo text', () => {
    const out = path.join(root, 'report.html');
    const r = run(root, '--format', 'html', '--output', out);
    expect(r.status).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('&#60;b&#62;Bold&#60;/b&#62; &#38; co');
    expect(html).not.toContain('<b>Bold</b>');
    fs.rmSync(out);
  });

  it('renders markdown tables', () => {
    expect(run(root, '--format', 'markdown').stdout).toContain('| CO-TRUST |');
  });
});
