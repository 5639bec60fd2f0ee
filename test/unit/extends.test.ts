import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import type { Diagnostic } from '../../server/src/core/types';
import { fileKind } from '../../server/src/core/workspace/dependencyGraph';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { Workspace } from '../../server/src/core/workspace/workspace';
import type { WorkspaceFs } from '../../server/src/core/workspace/workspaceFs';
import { NodeWorkspaceFs } from '../../server/src/node/nodeWorkspaceFs';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { goodMemo, TODAY } from '../helpers/memoWorkspace';

// Shared configuration (`extends`): a package in the workspace's own node_modules, or a path
// inside the workspace. The example package is examples/shared-config/acme-decisions.

const EXAMPLE = path.resolve(__dirname, '../../examples/shared-config/acme-decisions');
const PKG = 'node_modules/@acme/decisions';
const MEMO = 'decisions/0001-cache.md';

/** The example package's files, as they lie in a consumer's node_modules. */
function examplePackage(at = PKG): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      else out[`${rel}/${e.name}`] = fs.readFileSync(path.join(dir, e.name), 'utf8');
    }
  };
  walk(EXAMPLE, at);
  return out;
}

/** A memo owned by ada that cites CO-TRUST, and nothing else to report on its citations. */
const TRUST_MEMO = goodMemo({ owners: '[ada]', tenets: '[CO-TRUST]' }, [
  '# Use a cache for the search API',
  '',
  '## Relevant tenets',
  '',
  '- [[CO-TRUST]] ✓ the cache holds no customer data.',
  '',
  'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
  'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
]);

function run(files: Record<string, string> | WorkspaceFs): { ws: Workspace; diagnostics: Diagnostic[] } {
  const wfs = files instanceof InMemoryWorkspaceFs || 'readText' in files ? (files as WorkspaceFs) : new InMemoryWorkspaceFs(files as Record<string, string>);
  const ws = new Workspace(wfs, RULE_IDS, TODAY);
  const { diagnostics } = checkWorkspace(ws, ALL_RULES);
  return { ws, diagnostics };
}

const rules = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);

describe('extends: a package', () => {
  it('supplies tenets, people and rule settings from node_modules (in memory)', () => {
    const { ws, diagnostics } = run({ '.decisions.yaml': 'extends: "@acme/decisions"\n', ...examplePackage(), [MEMO]: TRUST_MEMO });
    expect(rules(diagnostics, 'config-invalid')).toEqual([]);
    expect(ws.registry.get('CO-TRUST')?.file).toBe(`${PKG}/tenets/company.md`);
    expect(ws.sharedSourceOf(`${PKG}/tenets/company.md`)).toBe('@acme/decisions');
    expect(ws.people?.file).toBe(`${PKG}/people.yaml`);
    expect(ws.config.rules['tenet-missing']).toBe('error');
    expect(ws.config.shared.map((s) => s.source)).toEqual(['@acme/decisions']);
    expect(diagnostics.filter((d) => d.file === MEMO).map((d) => d.rule)).not.toContain('tenet-unknown');
    expect(diagnostics.filter((d) => d.file === MEMO).map((d) => d.rule)).not.toContain('owner-unknown');
    // The package's files are the settings and tenet files they are.
    expect(fileKind(ws, `${PKG}/.decisions.yaml`)).toBe('config');
    expect(fileKind(ws, `${PKG}/people.yaml`)).toBe('people');
    expect(fileKind(ws, `${PKG}/tenets/company.md`)).toBe('tenet');
    expect(fileKind(ws, `${PKG}/package.json`)).toBe('other');
  });

  it('reads the package from disk, though the workspace glob ignores node_modules; package.json `main` is never used', () => {
    const root = tempDir();
    fs.cpSync(EXAMPLE, path.join(root, PKG), { recursive: true });
    fs.writeFileSync(path.join(root, PKG, 'index.js'), 'throw new Error("package code must never run")\n');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, PKG, 'package.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(root, PKG, 'package.json'), JSON.stringify({ ...pkg, main: 'index.js' }));
    write(root, '.decisions.yaml', 'extends: "@acme/decisions"\n');
    write(root, MEMO, TRUST_MEMO);
    // A nested node_modules inside the package stays ignored.
    write(root, `${PKG}/node_modules/x/tenets/other.md`, '## CO-OTHER: other\nlayer: company\n\nWhen a and b conflict, we choose a over b because c.\n');
    const { ws, diagnostics } = run(new NodeWorkspaceFs(root));
    expect(rules(diagnostics, 'config-invalid')).toEqual([]);
    expect(ws.registry.tenetFiles.map((f) => f.file)).toEqual([`${PKG}/tenets/company.md`]);
    expect(ws.people?.people.map((p) => p.id)).toEqual(['ada', 'ben']);
    expect(diagnostics.filter((d) => d.file === MEMO).map((d) => d.rule)).not.toContain('tenet-unknown');
    // The workspace's own globs still never list node_modules.
    expect(ws.fs.glob(['**/*.md']).some((f) => f.startsWith('node_modules/'))).toBe(false);
  });

  it('refuses a package folder that is a symlink out of the workspace (on disk and in memory)', () => {
    const root = tempDir();
    const outside = tempDir();
    fs.cpSync(EXAMPLE, outside, { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, PKG), 'dir');
    write(root, '.decisions.yaml', 'extends: "@acme/decisions"\n');
    write(root, MEMO, TRUST_MEMO);
    const disk = run(new NodeWorkspaceFs(root));
    const [problem] = rules(disk.diagnostics, 'config-invalid');
    expect(problem).toMatchObject({ file: '.decisions.yaml', severity: 'error', range: { start: { line: 0, character: 9 } } });
    expect(problem!.message).toMatch(/link that leads outside the workspace/);
    expect(disk.ws.registry.get('CO-TRUST')).toBeUndefined();
    expect(disk.ws.people).toBeUndefined();
    // Even a glob rooted in the linked folder lists nothing.
    expect(disk.ws.fs.glob([`${PKG}/tenets/**/*.md`])).toEqual([]);

    const memory = new InMemoryWorkspaceFs({ '.decisions.yaml': 'extends: "@acme/decisions"\n', ...examplePackage(), [MEMO]: TRUST_MEMO });
    memory.escapingLinks.add(PKG);
    const inMemory = run(memory);
    expect(rules(inMemory.diagnostics, 'config-invalid').map((d) => d.message)).toEqual([expect.stringMatching(/link that leads outside/)]);

    // The package's config, or one of its tenet files, linked out of the workspace: not read either.
    const linkedConfig = new InMemoryWorkspaceFs({ '.decisions.yaml': 'extends: "@acme/decisions"\n', ...examplePackage() });
    linkedConfig.escapingLinks.add(`${PKG}/.decisions.yaml`);
    expect(rules(run(linkedConfig).diagnostics, 'config-invalid').map((d) => d.message)).toEqual([expect.stringMatching(/resolves outside the workspace and was not read/)]);
    const linkedTenets = new InMemoryWorkspaceFs({ '.decisions.yaml': 'extends: "@acme/decisions"\n', ...examplePackage() });
    linkedTenets.escapingLinks.add(`${PKG}/tenets/company.md`);
    const tenetRun = run(linkedTenets);
    expect(rules(tenetRun.diagnostics, 'file-unreadable').map((d) => d.file)).toEqual([`${PKG}/tenets/company.md`]);
    expect(tenetRun.ws.registry.get('CO-TRUST')).toBeUndefined();
  });

  it('reports a package that is not installed at the `extends` value; the local settings still apply', () => {
    const { ws, diagnostics } = run({ '.decisions.yaml': 'rules:\n  tenet-missing: off\nextends:\n  - "@acme/decisions"\n', [MEMO]: TRUST_MEMO });
    const [problem] = rules(diagnostics, 'config-invalid');
    expect(problem).toMatchObject({ file: '.decisions.yaml', severity: 'error', range: { start: { line: 3, character: 4 } } });
    expect(problem!.message).toMatch(/`@acme\/decisions` is not installed in this workspace \(looked in node_modules\/@acme\/decisions\)/);
    expect(ws.configInvalid).toBe(false);
    expect(ws.config.rules['tenet-missing']).toBe('off');
    // Installing it later is a change to a file the editor watches.
    expect(fileKind(ws, `${PKG}/.decisions.yaml`)).toBe('config');
    expect(fileKind(ws, 'node_modules')).toBe('config');
  });

  it('never looks for a package above the workspace root; a package finds its own dependencies in its own node_modules first', () => {
    const parent = tempDir();
    fs.cpSync(EXAMPLE, path.join(parent, PKG), { recursive: true });
    const root = path.join(parent, 'repo');
    write(root, '.decisions.yaml', 'extends: "@acme/decisions"\n');
    const above = run(new NodeWorkspaceFs(root));
    expect(rules(above.diagnostics, 'config-invalid').map((d) => d.message)).toEqual([expect.stringMatching(/not installed in this workspace \(looked in node_modules\/@acme\/decisions\)/)]);
    expect(above.ws.registry.ids).toEqual([]);

    const nested = run({
      '.decisions.yaml': 'extends: "@acme/decisions"\n',
      ...examplePackage(),
      [`${PKG}/.decisions.yaml`]: 'extends: "@acme/base"\n',
      [`${PKG}/node_modules/@acme/base/.decisions.yaml`]: 'tenets: base.yaml\n',
      [`${PKG}/node_modules/@acme/base/base.yaml`]: '- id: CO-NESTED\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n',
      'node_modules/@acme/base/.decisions.yaml': 'tenets: base.yaml\n',
      'node_modules/@acme/base/base.yaml': '- id: CO-HOISTED\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n',
    });
    expect(rules(nested.diagnostics, 'config-invalid')).toEqual([]);
    expect(nested.ws.registry.ids.filter((id) => id.startsWith('CO-N') || id.startsWith('CO-H'))).toEqual(['CO-NESTED']);
  });

  it('reports a package without a .decisions.yaml, names that are neither package nor path, and an invalid value', () => {
    const noConfig = run({ '.decisions.yaml': 'extends: "@acme/decisions"\n', [`${PKG}/package.json`]: '{"name":"@acme/decisions","main":"index.js"}' });
    expect(rules(noConfig.diagnostics, 'config-invalid')[0]!.message).toMatch(/has no \.decisions\.yaml at its root/);
    const badName = run({ '.decisions.yaml': 'extends: "shared stuff"\n' });
    expect(rules(badName.diagnostics, 'config-invalid')[0]!.message).toMatch(/neither a package name/);
    const notString = run({ '.decisions.yaml': 'extends: 3\n' });
    expect(rules(notString.diagnostics, 'config-invalid')[0]!.message).toMatch(/`extends` must be a package name or a path/);
    expect(notString.ws.configInvalid).toBe(true);
  });

  it('reports an invalid shared config at the `extends` value and uses none of its settings', () => {
    const { ws, diagnostics } = run({ '.decisions.yaml': 'extends: "@acme/decisions"\n', ...examplePackage(), [`${PKG}/.decisions.yaml`]: 'tenets: [x\n' });
    expect(rules(diagnostics, 'config-invalid').map((d) => [d.file, d.message])).toEqual([['.decisions.yaml', expect.stringMatching(/shared config `@acme\/decisions` is invalid \(node_modules\/@acme\/decisions\/\.decisions\.yaml:\d+: /)]]);
    expect(ws.config.shared).toEqual([]);
  });
});

describe('extends: a path', () => {
  const shared = {
    'shared/.decisions.yaml': 'tenets: tenets/*.md\npeople: team.yaml\nrules:\n  tenet-missing: warning\n',
    'shared/tenets/company.md': '## CO-TRUST: trust over growth\nlayer: company\n\nWhen growth and trust conflict, we choose trust over growth because trust does not come back.\n',
    'shared/team.yaml': '- ada\n',
  };

  it('takes a folder holding a .decisions.yaml, or the file itself, with its paths relative to its folder', () => {
    for (const value of ['./shared', 'shared/.decisions.yaml']) {
      const { ws, diagnostics } = run({ '.decisions.yaml': `extends: ${value}\n`, ...shared, [MEMO]: TRUST_MEMO });
      expect(rules(diagnostics, 'config-invalid')).toEqual([]);
      expect(ws.registry.get('CO-TRUST')?.file).toBe('shared/tenets/company.md');
      expect(ws.sharedSourceOf('shared/tenets/company.md')).toBe(value);
      expect(ws.people?.file).toBe('shared/team.yaml');
      expect(ws.config.rules['tenet-missing']).toBe('warning');
    }
  });

  it('refuses a path outside the workspace and reports a missing one', () => {
    const outside = run({ '.decisions.yaml': 'extends: ../elsewhere\n' });
    expect(rules(outside.diagnostics, 'config-invalid')[0]!.message).toMatch(/lies outside the workspace/);
    const absolute = run({ '.decisions.yaml': 'extends: /etc/decisions\n' });
    expect(rules(absolute.diagnostics, 'config-invalid')[0]!.message).toMatch(/lies outside the workspace/);
    const missing = run({ '.decisions.yaml': 'extends: ./nowhere\n' });
    expect(rules(missing.diagnostics, 'config-invalid')[0]!.message).toMatch(/`\.\/nowhere` does not exist/);
    const noConfig = run({ '.decisions.yaml': 'extends: ./shared\n', 'shared/readme.md': '# x\n' });
    expect(rules(noConfig.diagnostics, 'config-invalid')[0]!.message).toMatch(/holds no \.decisions\.yaml/);
  });
});

describe('extends: chains, cycles and precedence', () => {
  it('follows a chain: a package extending another; nearer configs win key by key', () => {
    const { ws, diagnostics } = run({
      '.decisions.yaml': 'extends: "@acme/decisions"\nrules:\n  evidence-limits-missing: info\n',
      ...examplePackage(),
      [`${PKG}/.decisions.yaml`]: 'extends: "@acme/base"\ntenets: ["tenets/**/*.md"]\nrules:\n  tenet-missing: error\n',
      'node_modules/@acme/base/.decisions.yaml': 'tenets: base.yaml\nevidence:\n  maxAgeDays: 90\nrules:\n  tenet-missing: warning\n  evidence-stale: warning\n',
      'node_modules/@acme/base/base.yaml': '- id: CO-BASE\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n',
      [MEMO]: TRUST_MEMO,
    });
    expect(rules(diagnostics, 'config-invalid')).toEqual([]);
    expect(ws.config.shared.map((s) => s.source)).toEqual(['@acme/base (through @acme/decisions)', '@acme/decisions']);
    expect(ws.registry.get('CO-BASE')?.file).toBe('node_modules/@acme/base/base.yaml');
    expect(ws.sharedSourceOf('node_modules/@acme/base/base.yaml')).toBe('@acme/base (through @acme/decisions)');
    expect(ws.config.rules).toEqual({ 'tenet-missing': 'error', 'evidence-stale': 'warning', 'evidence-limits-missing': 'info' });
    expect(ws.config.evidence.maxAgeDays).toBe(90);
  });

  it('reports a cycle at the `extends` value, naming it, and does not follow it', () => {
    const { ws, diagnostics } = run({
      '.decisions.yaml': 'extends: ./a\n',
      'a/.decisions.yaml': 'extends: ../b\ntenets: a.yaml\n',
      'b/.decisions.yaml': 'extends: ../a\ntenets: b.yaml\n',
      'a/a.yaml': '- id: CO-A\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n',
      'b/b.yaml': '- id: CO-B\n  layer: company\n  statement: When a and b conflict, we choose a over b because c.\n',
    });
    const [problem, ...more] = rules(diagnostics, 'config-invalid');
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file: '.decisions.yaml', range: { start: { line: 0, character: 9 } } });
    expect(problem!.message).toBe('`extends` makes a cycle: .decisions.yaml → a/.decisions.yaml → b/.decisions.yaml → a/.decisions.yaml; the repeated config is not followed.');
    // What the chain held up to the repeat is still used.
    expect(ws.registry.ids.sort()).toEqual(['CO-A', 'CO-B']);
    const self = run({ '.decisions.yaml': 'extends: ./\n' });
    expect(rules(self.diagnostics, 'config-invalid')[0]!.message).toMatch(/cycle: \.decisions\.yaml → \.decisions\.yaml/);
  });

  it('local settings win: rule severity, a local people directory, evidence thresholds', () => {
    const { ws, diagnostics } = run({
      '.decisions.yaml': 'extends: "@acme/decisions"\nrules:\n  tenet-missing: off\nevidence:\n  required: { one-way: 3 }\n',
      ...examplePackage(),
      'people.yaml': '- carol\n',
      [MEMO]: goodMemo({ owners: '[ada]', tenets: '[CO-TRUST]' }),
    });
    expect(ws.config.rules['tenet-missing']).toBe('off');
    expect(ws.config.rules['evidence-limits-missing']).toBe('warning');
    expect(ws.config.evidence.required).toEqual({ 'two-way': 0, costly: 1, 'one-way': 3 });
    // A people directory is a whole file: the local one replaces the shared one (no merge).
    expect(ws.people?.file).toBe('people.yaml');
    expect(rules(diagnostics, 'owner-unknown').map((d) => d.file)).toEqual([MEMO]);
    expect(fileKind(ws, 'people.yaml')).toBe('people');
  });

  it('reports a local tenet that redefines a shared id on the local definition only', () => {
    const { diagnostics } = run({
      '.decisions.yaml': 'extends: "@acme/decisions"\n',
      ...examplePackage(),
      'tenets.yaml': '- id: CO-TRUST\n  layer: company\n  statement: When growth and trust conflict, we choose growth over trust because growth pays.\n',
    });
    const dup = rules(diagnostics, 'tenet-duplicate-id');
    expect(dup.map((d) => d.file)).toEqual(['tenets.yaml']);
    expect(dup[0]!.message).toBe(`Tenet id \`CO-TRUST\` redefines the shared tenet from @acme/decisions (${PKG}/tenets/company.md:5); expected a new id, or cite the shared tenet as it is.`);
    expect(dup[0]!.related).toEqual([{ file: `${PKG}/tenets/company.md`, range: expect.any(Object), message: expect.stringContaining('@acme/decisions') }]);
  });
});

const temps: string[] = [];
function tempDir(): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dm-extends-')));
  temps.push(d);
  return d;
}
function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
