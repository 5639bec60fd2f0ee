import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAuditMerge } from '../../server/src/cli/auditMerge';
import type { CommandIo } from '../../server/src/cli/checkCommand';
import { CliError } from '../../server/src/cli/cliError';
import { TOOL_VERSION } from '../../server/src/cli/toolInfo';
import { hasStackTrace, makeDir, memo, runCli } from './cliHarness';

// `audit --merge`: three workspaces audited by the built CLI (`audit --format json --name`),
// merged, and the figures checked against what the memos were written to show; then reports
// that must be refused (exit 2, one line naming the file, nothing written) and reports with
// prototype keys that must merge without polluting anything.

const COMPANY = [
  '- id: CO-TRUST\n  layer: company\n  statement: When growth and trust conflict, we choose trust over growth because trust lasts.',
  '- id: CO-SPEED\n  layer: company\n  statement: When speed and polish conflict, we choose speed over polish because we learn sooner.',
  '- id: CO-IDLE\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.',
].join('\n');
const own = (id: string, parent: string) => `\n- id: ${id}\n  layer: function\n  parent: ${parent}\n  statement: When x and y conflict, we choose x over y because z.\n`;

// api: 3 memos, 2 citing; ann owns an accepted and a proposed memo, bob the proposed one too;
// CO-TRUST judged ✗ once; one review overdue.
const API = {
  'tenets.yaml': COMPANY + own('API-FAST', 'CO-SPEED'),
  'decisions/0001-a.md': memo(['status: accepted', 'date: 2026-02-01', 'owners: [ann]', 'tenets: [CO-TRUST]'], '# A\n\n- [[CO-TRUST]] ✗ costs trust\n'),
  'decisions/0002-b.md': memo(['status: proposed', 'date: 2026-02-02', 'owners: [ann, bob]', 'tenets: [API-FAST]', 'review-by: 2026-01-15'], '# B\n'),
  'decisions/0003-c.md': memo(['status: draft', 'date: 2026-02-03', 'owners: [cy]'], '# C\n'),
};
// web: 2 memos, both citing CO-SPEED, CO-TRUST judged ✗ once; one review overdue.
const WEB = {
  'tenets.yaml': COMPANY + own('WEB-SMALL', 'CO-TRUST'),
  'decisions/0001-a.md': memo(['status: accepted', 'date: 2026-03-01', 'owners: [ann]', 'tenets: [CO-TRUST, CO-SPEED]'], '# A\n\n- [[CO-TRUST]] ✗ slow\n'),
  'decisions/0002-b.md': memo(['status: proposed', 'date: 2026-03-02', 'owners: [dee]', 'tenets: [CO-SPEED]', 'review-by: 2026-02-01'], '# B\n'),
};
// data: 4 memos, 2 citing; its own tenet judged ✗ (in one repository only); bob owns two drafts.
const DATA = {
  'tenets.yaml': COMPANY + own('DATA-LOCAL', 'CO-TRUST'),
  'decisions/0001-a.md': memo(['status: proposed', 'date: 2026-04-01', 'owners: [eve]', 'tenets: [DATA-LOCAL]'], '# A\n\n- [[DATA-LOCAL]] ✗ far\n'),
  'decisions/0002-b.md': memo(['status: draft', 'date: 2026-04-02', 'owners: [bob]'], '# B\n'),
  'decisions/0003-c.md': memo(['status: draft', 'date: 2026-04-03', 'owners: [bob]'], '# C\n'),
  'decisions/0004-d.md': memo(['status: accepted', 'date: 2026-04-04', 'owners: [eve]', 'tenets: [CO-SPEED]'], '# D\n'),
};

let reports: string;
let good: string;
const HOSTILE_NAME = '<script>alert("x")</script> & \'co\'';

beforeAll(() => {
  reports = makeDir();
  for (const [name, files] of [['api', API], ['web', WEB], ['data', DATA]] as const) {
    const ws = makeDir(files);
    const r = runCli(['audit', '--format', 'json', '--name', name, '-o', path.join(reports, `${name}.json`)], ws);
    expect(r.status, r.stderr).toBe(0);
  }
  fs.writeFileSync(path.join(reports, 'README.txt'), 'not a report, not *.json: left alone');
  good = path.join(reports, 'api.json');
}, 60000);

const merge = (...args: string[]) => runCli(['audit', '--merge', ...args], reports);
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(reports, file), 'utf8'));
const base = () => json('api.json') as Record<string, unknown>;
/** A hostile or foreign report written beside the good ones, in a folder of its own. */
function hostile(name: string, content: string | Buffer): string {
  const dir = makeDir();
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('audit --format json --name', () => {
  it('carries the tool, its version, the report format, the repository name and the day', () => {
    expect(json('api.json')).toMatchObject({ tool: { name: 'decision-memos', version: TOOL_VERSION }, version: 1, name: 'api', memos: 3, citing: 2 });
    expect(json('api.json').date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json('api.json').tenets.find((t: { id: string }) => t.id === 'CO-TRUST')).toMatchObject({ layer: 'company', citations: 1 });
  });

  it("defaults the name to the workspace folder's name", () => {
    const ws = makeDir(API);
    expect(JSON.parse(runCli(['audit', '--format', 'json'], ws).stdout).name).toBe(path.basename(ws));
  });

  it('refuses a name the merge would refuse', () => {
    const r = runCli(['audit', '--format', 'json', '--name', 'a\u0007b'], makeDir(API));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--name takes 1 to 200 printable characters/);
  });
});

describe('audit --merge of three repositories', () => {
  let merged: Record<string, any>;
  beforeAll(() => {
    const r = merge('api.json', 'web.json', 'data.json', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    merged = JSON.parse(r.stdout);
  });

  it('gives adoption per repository and in all', () => {
    expect(merged).toMatchObject({ tool: { name: 'decision-memos', version: TOOL_VERSION }, version: 1, kind: 'merged' });
    expect(merged.totals).toEqual({ repositories: 3, memos: 9, citing: 6, share: 0.667, conflicts: 3, overdue: 2 });
    expect(merged.repositories.map((r: any) => [r.name, r.memos, r.citing, r.share, r.conflicts, r.overdue])).toEqual([
      ['api', 3, 2, 0.667, 1, 1],
      ['data', 4, 2, 0.5, 1, 0],
      ['web', 2, 2, 1, 1, 1],
    ]);
  });

  it('counts company tenets across repositories and names the one never cited', () => {
    expect(merged.companyTenets).toEqual([
      { id: 'CO-SPEED', title: null, known: 3, cited: 2, memos: 3, repositories: [{ name: 'web', memos: 2 }, { name: 'data', memos: 1 }] },
      { id: 'CO-TRUST', title: null, known: 3, cited: 2, memos: 2, repositories: [{ name: 'api', memos: 1 }, { name: 'web', memos: 1 }] },
    ]);
    expect(merged.companyUncited.map((t: any) => t.id)).toEqual(['CO-IDLE']);
  });

  it('lists tenets judged ✗ in more than one repository, owners in several, overdue reviews per repository', () => {
    expect(merged.conflicts).toEqual({
      total: 3,
      acrossRepositories: [{ tenet: 'CO-TRUST', repositories: [{ name: 'api', memos: ['decisions/0001-a.md'] }, { name: 'web', memos: ['decisions/0001-a.md'] }] }],
    });
    expect(merged.owners).toEqual([
      { owner: 'bob', open: 3, accepted: 0, repositories: [{ name: 'api', open: 1, accepted: 0 }, { name: 'data', open: 2, accepted: 0 }] },
      { owner: 'ann', open: 1, accepted: 2, repositories: [{ name: 'api', open: 1, accepted: 1 }, { name: 'web', open: 0, accepted: 1 }] },
    ]);
    expect(merged.reviews.overdue).toBe(2);
    expect(merged.reviews.byRepository.map((r: any) => [r.name, r.overdue.map((i: any) => [i.file, i.due])])).toEqual([
      ['api', [['decisions/0002-b.md', '2026-01-15']]],
      ['web', [['decisions/0002-b.md', '2026-02-01']]],
    ]);
  });

  it('reads a folder as every *.json in it, sorted, and each file once', () => {
    // The same report but for where each file was found.
    const files = (m: any) => ({ ...m, repositories: m.repositories.map((r: any) => ({ ...r, file: path.basename(r.file) })) });
    const r = merge('.', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    expect(files(JSON.parse(r.stdout))).toEqual(merged);
    expect(JSON.parse(r.stdout).repositories.map((x: any) => x.file)).toEqual(['api.json', 'data.json', 'web.json'].map((f) => path.join('.', f)));
    expect(files(JSON.parse(merge(reports, 'web.json', '--format', 'json').stdout))).toEqual(merged);
  });

  it('renders every format, to stdout and to a file', () => {
    const text = merge('.', '--format', 'text');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Merged tenet usage audit: 3 repositories, 9 memos, 6 citing a tenet (67%)');
    expect(text.stdout).toContain('  CO-TRUST: api (1), web (1)');
    expect(text.stdout).toContain('Company tenets no memo of any repository cites: CO-IDLE');
    const md = merge('.', '--format', 'markdown');
    expect(md.stdout).toContain('| api | 3 | 2 | 67% | 1 | 1 |');
    expect(md.stdout).toContain('| bob | 2 | 3 | 0 | api (1/0), data (2/0) |');
    const out = path.join(makeDir(), 'org.html');
    const html = merge('.', '--format', 'html', '-o', out);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stderr).toContain('merged 3 report(s)');
    const page = fs.readFileSync(out, 'utf8');
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;"`);
    expect(page).toContain('aria-label="Memos per repository and the share citing a tenet"');
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('escapes a hostile repository name everywhere in the HTML', () => {
    const ws = makeDir(WEB);
    const dir = makeDir();
    expect(runCli(['audit', '--format', 'json', '--name', HOSTILE_NAME, '-o', path.join(dir, 'evil.json')], ws).status).toBe(0);
    fs.copyFileSync(good, path.join(dir, 'api.json'));
    const r = runCli(['audit', '--merge', dir, '--format', 'html'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;co&#39;');
    expect(runCli(['audit', '--merge', dir, '--format', 'markdown'], dir).stdout).not.toContain('<script');
  });
});

describe('audit --help', () => {
  it('lists --name and --merge', () => {
    const help = runCli(['audit', '--help'], reports).stdout;
    expect(help).toContain('--name <name>');
    expect(help).toContain('--merge <reports...>');
  });
});

describe('audit --merge refuses', () => {
  const refused = (file: string, message: RegExp) => {
    const outDir = makeDir();
    const out = path.join(outDir, 'merged.json');
    const r = runCli(['audit', '--merge', good, file, '--format', 'json', '-o', out], reports);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
    // Nothing of the good file either: no partial report.
    expect(r.stdout).toBe('');
    expect(fs.existsSync(out)).toBe(false);
  };

  it('a report of another version of the tool, another tool, or written before reports carried the tool', () => {
    refused(hostile('old.json', JSON.stringify({ ...base(), tool: { name: 'decision-memos', version: '0.0.1' } })), /written by decision-memos 0\.0\.1, this is .*same version/);
    refused(hostile('other.json', JSON.stringify({ ...base(), tool: { name: 'other-tool', version: TOOL_VERSION } })), /written by `other-tool`, not decision-memos/);
    const { tool: _tool, ...untooled } = base();
    refused(hostile('untooled.json', JSON.stringify(untooled)), /no `tool`/);
    refused(hostile('format.json', JSON.stringify({ ...base(), version: 2 })), /report format 2; this tool reads format 1/);
    refused(hostile('merged.json', merge('.', '--format', 'json').stdout), /a merged report/);
  });

  it('a file that is not JSON, truncated, empty, binary or not UTF-8', () => {
    const text = JSON.stringify(base(), null, 2);
    refused(hostile('truncated.json', text.slice(0, Math.floor(text.length / 2))), /not JSON .*truncated/);
    refused(hostile('prose.json', 'hello, world'), /not JSON/);
    refused(hostile('empty.json', ''), /not JSON/);
    refused(hostile('array.json', '[]'), /not an audit report \(the JSON is not an object\)/);
    refused(hostile('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), /not UTF-8 text/);
  });

  it('a file of another shape, or whose figures contradict each other', () => {
    refused(hostile('shape.json', JSON.stringify({ ...base(), tenets: 'many' })), /not of the audit report's JSON shape: \/tenets must be array/);
    refused(hostile('missing.json', JSON.stringify({ ...base(), owners: undefined })), /must have required property 'owners'/);
    refused(hostile('negative.json', JSON.stringify({ ...base(), memos: -1 })), /\/memos must be >= 0/);
    refused(hostile('citing.json', JSON.stringify({ ...base(), citing: 4 })), /`citing` \(4\) exceeds `memos` \(3\)/);
    refused(hostile('status.json', JSON.stringify({ ...base(), memos: 7, citing: 2 })), /`byStatus` counts 3 memos, `memos` says 7/);
  });

  it('huge numbers, a million entries, deep nesting, an oversized file, a folder named *.json', () => {
    refused(hostile('huge.json', JSON.stringify(base()).replace('"memos":3', '"memos":1e400')), /\/memos must be (integer|<=)/);
    refused(hostile('big.json', JSON.stringify(base()).replace('"memos":3', '"memos":123456789012345678')), /\/memos must be <= 1000000000/);
    const million = { ...base(), uncited: Array.from({ length: 1_000_000 }, () => 'X') };
    refused(hostile('million.json', JSON.stringify(million)), /\/uncited must NOT have more than 20000 items/);
    refused(hostile('values.json', `{"x":[${'0,'.repeat(2_500_000)}0]}`), /more than 2000000 values/);
    refused(hostile('deep.json', `{"tool":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), /nested deeper than 16 levels/);
    const large = hostile('large.json', '');
    fs.truncateSync(large, 33 * 1024 * 1024);
    refused(large, /over the 32 MiB a report may have/);
    const folder = path.join(makeDir(), 'dir.json');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'x.txt'), '');
    refused(folder, /no \*\.json report in this folder/);
    if (process.platform !== 'win32') {
      // A FIFO would block a plain read for ever; it is refused at once.
      const fifo = path.join(makeDir(), 'pipe.json');
      spawnSync('mkfifo', [fifo]);
      refused(fifo, /not a regular file/);
    }
  }, 60000);

  it('two reports with the same repository name', () => {
    refused(hostile('again.json', JSON.stringify(base())), /repository name `api` is also the name in .*api\.json; give each repository its own --name/);
  });

  it('--merge with a workspace path, --since or --name', () => {
    expect(runCli(['audit', '.', '--merge', 'api.json'], reports).stderr).toMatch(/--merge reads reports, not a workspace/);
    expect(runCli(['audit', '--merge', 'api.json', '--since', '2026-01-01'], reports).status).toBe(2);
    expect(runCli(['audit', '--merge', 'api.json', '--name', 'x'], reports).status).toBe(2);
    expect(runCli(['audit', '--merge', 'nowhere.json'], reports).stderr).toMatch(/no such report file or folder: nowhere\.json/);
  });
});

describe('audit --merge with prototype keys', () => {
  // Valid shapes whose keys and names are JavaScript's own: they are text, never object keys.
  const poisoned = () => {
    const r = base();
    const text = JSON.stringify({ ...r, name: '__proto__', owners: [{ owner: '__proto__', open: 1, accepted: 0 }, { owner: 'constructor', open: 0, accepted: 1 }] })
      .replace(/^\{/, '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},')
      .replace('"tenets":[', '"tenets":[{"id":"__proto__","layer":"company","status":"active","citations":1,"memos":["x.md"],"__proto__":{"polluted":"tenet"}},{"id":"hasOwnProperty","layer":"company","status":"active","citations":0,"memos":[]},')
      .replace('"conflicts":[', '"conflicts":[{"tenet":"__proto__","memos":["x.md"],"__proto__":{"polluted":"conflict"}},');
    const other = JSON.stringify({ ...r, name: 'constructor', owners: [{ owner: '__proto__', open: 2, accepted: 0 }, { owner: 'constructor', open: 0, accepted: 3 }] })
      .replace('"tenets":[', '"tenets":[{"id":"__proto__","layer":"company","status":"active","citations":2,"memos":["y.md","z.md"]},')
      .replace('"conflicts":[', '"conflicts":[{"tenet":"__proto__","memos":["y.md"]},');
    const dir = makeDir();
    fs.writeFileSync(path.join(dir, 'a.json'), text);
    fs.writeFileSync(path.join(dir, 'b.json'), other);
    return dir;
  };

  it('merges them as names, pollutes no prototype and writes no such key', () => {
    const dir = poisoned();
    let out = '';
    const io: CommandIo = { cwd: dir, env: {}, stdoutIsTTY: false, today: '2026-12-01', stdout: (t) => void (out += t), note: () => {} };
    let code: number;
    try {
      code = runAuditMerge(['.'], { format: 'json' }, io);
    } catch (error) {
      throw error instanceof CliError ? new Error(`refused: ${error.message}`) : error;
    }
    expect(code).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
    expect((Object.prototype as Record<string, unknown>).polluted).toBe(undefined);
    const keys = new Set<string>();
    const merged = JSON.parse(out, function (key, value) {
      keys.add(key);
      return value;
    });
    expect([...keys].filter((k) => ['__proto__', 'constructor', 'prototype', 'polluted', 'hasOwnProperty'].includes(k))).toEqual([]);
    expect(out).not.toContain('polluted');
    expect(merged.repositories.map((r: any) => r.name)).toEqual(['__proto__', 'constructor']);
    expect(merged.companyTenets.find((t: any) => t.id === '__proto__')).toMatchObject({ cited: 2, memos: 3 });
    expect(merged.companyUncited.map((t: any) => t.id)).toContain('hasOwnProperty');
    expect(merged.owners.map((o: any) => [o.owner, o.open, o.accepted])).toEqual([
      ['__proto__', 3, 0],
      ['constructor', 0, 4],
      ...merged.owners.slice(2).map((o: any) => [o.owner, o.open, o.accepted]),
    ]);
    expect(merged.conflicts.acrossRepositories.find((c: any) => c.tenet === '__proto__')).toMatchObject({ tenet: '__proto__', repositories: [{ name: '__proto__' }, { name: 'constructor' }] });
    for (const format of ['text', 'markdown', 'html'] as const) {
      out = '';
      expect(runAuditMerge(['.'], { format }, io)).toBe(0);
      expect(out).not.toContain('polluted');
    }
  });

  it('merges them the same in the built CLI', () => {
    const r = runCli(['audit', '--merge', '.', '--format', 'json'], poisoned());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('polluted');
    expect(JSON.parse(r.stdout).repositories.map((x: any) => x.name)).toEqual(['__proto__', 'constructor']);
  });
});
