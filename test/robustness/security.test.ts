import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { configSchema, DEFAULT_CONFIG, parseConfig } from '../../server/src/core/workspace/config';
import { RULE_IDS } from '../../server/src/rules/registry';
import { BASE_TENETS, goodMemo } from '../helpers/memoWorkspace';
import { makeDir, runCli, writeFiles } from '../cli/cliHarness';
import { PEOPLE } from '../protocol/fixture';
import { LspHarness } from '../protocol/lspHarness';
import { withEnv } from '../helpers/env';

// What SECURITY.md promises, checked on the built CLI and server with recordAccess.cjs
// preloaded: they open files only inside the workspace (never behind a symlink that leaves it,
// never an evidence file, never a file over the size limit), list no folder outside it, load no
// module from it, start no process; and the config is data, validated by our schema only.
// (One suite per SECURITY.md promise, sharing the access recorder; over 300 lines on purpose.)

const REPO = path.resolve(__dirname, '../..');
const RECORDER = path.join(__dirname, 'recordAccess.cjs');
const BIG = 11 * 1024 * 1024;

interface AccessLog {
  argv: string[];
  opened: Array<{ via: string; given: string; real: string }>;
  listed: Array<{ via: string; given: string; real: string }>;
  compiled: string[];
  spawned: Array<{ via: string; command: string }>;
}

let scratch: string;
let root: string;
let outside: string;
let trapMarker: string;

/**
 * A workspace that tries everything: memo, tenet and evidence symlinks to files outside, a
 * symlinked folder of memos outside, `..` and absolute evidence paths, a memo over the size
 * limit, a binary memo, and booby-trapped scripts where a careless tool would load code
 * (node_modules, package.json `main`, `.decisions.js`, config-looking scripts).
 */
function hostileWorkspace(): void {
  scratch = makeDir();
  root = path.join(scratch, 'workspace');
  outside = path.join(scratch, 'outside');
  trapMarker = path.join(scratch, 'TRAPPED');
  const trap = `require('fs').writeFileSync(${JSON.stringify(trapMarker)}, __filename); module.exports = {};\n`;
  writeFiles(outside, {
    'memo-secret.md': goodMemo({ id: '0777' }),
    'tenets-secret.md': '## SECRET-ONE: hidden\nlayer: company\n\nWhen a and b conflict, we choose a over b because c.\n',
    'evidence-secret.md': 'secret evidence\n',
    'more-memos/0099-hidden.md': goodMemo({ id: '0099' }),
  });
  const evidence = [
    '',
    '  - path: ../evidence/slo.md',
    '    limits: one region',
    '  - path: ../evidence/linked-secret.md',
    '    limits: none',
    '  - ../../outside/evidence-secret.md',
    `  - ${JSON.stringify(path.join(outside, 'evidence-secret.md'))}`,
    '  - https://example.com/report',
  ].join('\n');
  writeFiles(root, {
    '.decisions.yaml': 'people: people.yaml\n',
    'people.yaml': PEOPLE,
    'tenets.yaml': BASE_TENETS,
    'decisions/0001-good.md': goodMemo({ evidence, reversibility: 'one-way' }),
    'evidence/slo.md': '# SLO report\n',
    'node_modules/picomatch/index.js': trap,
    'node_modules/yaml/index.js': trap,
    'node_modules/ajv/index.js': trap,
    'package.json': JSON.stringify({ name: 'hostile', main: 'trap.js', type: 'commonjs' }),
    'trap.js': trap,
    '.decisions.js': trap,
    'decisions.config.js': trap,
    '.decisionsrc.cjs': trap,
  });
  fs.writeFileSync(path.join(root, 'decisions', '0003-big.md'), goodMemo({ id: '0003' }) + 'x'.repeat(BIG));
  fs.writeFileSync(path.join(root, 'decisions', '0004-binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0x00]));
  fs.symlinkSync(path.join(outside, 'memo-secret.md'), path.join(root, 'decisions', '0002-link.md'));
  fs.mkdirSync(path.join(root, 'tenets'));
  fs.symlinkSync(path.join(outside, 'tenets-secret.md'), path.join(root, 'tenets', 'linked.md'), 'file');
  fs.symlinkSync(path.join(outside, 'evidence-secret.md'), path.join(root, 'evidence', 'linked-secret.md'));
  fs.symlinkSync(path.join(outside, 'more-memos'), path.join(root, 'decisions', 'linked-dir'), 'dir');
}

function recorderEnv(log: string): Record<string, string> {
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(RECORDER)}`.trim(), ACCESS_LOG: log };
}

/** The access log of the process that ran `entry` (dist/cli.js or dist/server.js). */
function accessLog(log: string, entry: string): AccessLog {
  const dir = path.dirname(log);
  const logs = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${path.basename(log)}.`) && f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as AccessLog)
    .filter((l) => l.argv[1] === path.join(REPO, 'dist', entry));
  expect(logs, `one access log of ${entry}`).toHaveLength(1);
  return logs[0]!;
}

const inside = (dir: string, p: string) => p === dir || p.startsWith(dir + path.sep);
/** The product's own code: the bundles, and packages resolved from the bundle's folder upward. */
const ownCode = (p: string) => inside(path.join(REPO, 'dist'), p) || inside(path.join(REPO, 'node_modules'), p);

/** Every promise SECURITY.md makes about touching the disk and the machine, checked on one access log. */
function expectConfined(log: AccessLog): void {
  const realRoot = fs.realpathSync(root);
  // The recorder saw the program work (a silent recorder would pass everything below).
  expect(log.opened.map((o) => o.real)).toContain(path.join(realRoot, 'tenets.yaml'));
  expect(log.listed.length).toBeGreaterThan(0);
  expect(log.compiled).toContain(log.argv[1]);
  const strayOpens = log.opened.filter((o) => !inside(realRoot, o.real) && !ownCode(o.real));
  expect(strayOpens, 'files opened outside the workspace').toEqual([]);
  expect(log.opened.filter((o) => inside(outside, o.real) || inside(outside, o.given)), 'anything behind a symlink that leaves the workspace').toEqual([]);
  expect(log.opened.filter((o) => o.real.includes(`${path.sep}evidence${path.sep}`)), 'evidence files (they are only looked at, never read)').toEqual([]);
  expect(log.opened.filter((o) => o.real.endsWith('0003-big.md')), 'the memo over the size limit').toEqual([]);
  expect(log.listed.filter((l) => !inside(realRoot, l.real)), 'folders listed outside the workspace').toEqual([]);
  expect(log.compiled.filter((f) => inside(realRoot, f) || !ownCode(f)), 'modules loaded from anywhere but the product').toEqual([]);
  expect(log.spawned, 'child processes').toEqual([]);
  expect(fs.existsSync(trapMarker), 'a booby-trapped workspace script ran').toBe(false);
}

beforeAll(() => hostileWorkspace());

describe('the CLI on a hostile workspace', () => {
  it('check reads only inside the workspace, reports what it would not read, and runs nothing', () => {
    const log = path.join(scratch, 'cli-check');
    const r = runCli(['check', '--format', 'json'], root, recorderEnv(log));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; rule: string; message: string }> };
    const by = (rule: string) => report.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.file}: ${d.message}`);
    expect(by('file-unreadable').sort()).toEqual([
      expect.stringMatching(/^decisions\/0003-big\.md: This file is too large to check \(\d+ bytes\)\.$/),
      'decisions/0004-binary.md: This file is not text (it contains NUL bytes); it was not checked.',
    ]);
    expect(by('evidence-outside-workspace')).toHaveLength(3);
    expect(by('evidence-not-found')).toEqual([]);
    // The workspace scan follows no symlink, to a file or to a folder: those files are not memos or tenets to it.
    expect(report.diagnostics.filter((d) => /0002-link|tenets\/linked|linked-dir|0099/.test(d.file))).toEqual([]);
    expectConfined(accessLog(log, 'cli.js'));
  });

  it('check of a named symlink that leaves the workspace reports it, unread', () => {
    const log = path.join(scratch, 'cli-named');
    const r = runCli(['check', '--format', 'json', 'decisions/0002-link.md'], root, recorderEnv(log));
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; rule: string; message: string }> };
    expect(report.diagnostics.map((d) => `${d.file} ${d.rule}: ${d.message}`)).toEqual(['decisions/0002-link.md file-unreadable: This file resolves outside the workspace and was not read.']);
    expectConfined(accessLog(log, 'cli.js'));
  });

  it('audit reads only inside the workspace and leaves the linked folder of memos out', () => {
    const log = path.join(scratch, 'cli-audit');
    const r = runCli(['audit', '--format', 'json'], root, recorderEnv(log));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { memoList?: Array<{ file: string }> } & Record<string, unknown>;
    expect(JSON.stringify(report)).not.toMatch(/0099|0777|SECRET-ONE|linked-dir/);
    expectConfined(accessLog(log, 'cli.js'));
  });
});

describe('config globs that climb out of the workspace', () => {
  it('match nothing outside: no folder above the root is listed, no outside file is named', () => {
    const ws = path.join(scratch, 'climbing');
    writeFiles(ws, {
      '.decisions.yaml': 'memos: ["../**/*.md", "decisions/../../**/*.md", "/tmp/**/*.md", "decisions/**/*.md"]\ntenets: ["../outside/*.md", "tenets.yaml"]\n',
      'tenets.yaml': BASE_TENETS,
      'decisions/0001-a.md': goodMemo(),
    });
    const log = path.join(scratch, 'cli-climbing');
    const r = runCli(['check', '--format', 'json'], ws, recorderEnv(log));
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { files: number; diagnostics: Array<{ file: string }> };
    expect(report.files).toBe(1);
    expect(report.diagnostics.filter((d) => !d.file.startsWith('decisions/'))).toEqual([]);
    const access = accessLog(log, 'cli.js');
    expect(access.listed.filter((l) => !inside(fs.realpathSync(ws), l.real))).toEqual([]);
    expect(access.opened.filter((o) => !inside(fs.realpathSync(ws), o.real) && !ownCode(o.real))).toEqual([]);
  });

  it('never make `new` (CLI or editor) write outside the workspace', async () => {
    const ws = path.join(scratch, 'climbing-new');
    writeFiles(ws, { '.decisions.yaml': 'memos: ["../../escaped/**/*.md"]\n', 'tenets.yaml': BASE_TENETS });
    const r = runCli(['new', 'Write outside'], ws);
    expect(r.stderr).toMatch(/outside the memo globs/);
    expect(r.stdout.trim()).toBe('0001-write-outside.md');
    expect(fs.existsSync(path.join(ws, '0001-write-outside.md'))).toBe(true);
    const server = await LspHarness.start(ws);
    try {
      await server.waitForReady();
      const planned = await server.request<{ uri: string }>('decisionMemos/newMemo', { folder: server.uri(''), title: 'Write outside' });
      // The CLI's memo lies outside the memo globs, so it is not indexed: the same id, at the root again.
      expect(planned.uri).toBe(server.uri('0001-write-outside.md'));
      expect(await server.stop()).toBe(0);
    } finally {
      server.kill();
    }
  });
});

describe('the language server on a hostile workspace', () => {
  const log = () => path.join(scratch, 'server');
  let s: LspHarness | undefined;

  afterAll(() => s?.kill());

  it('reads only inside the workspace, even when listing files for completion, and runs nothing', async () => {
    s = await withEnv(recorderEnv(log()), () => LspHarness.start(root));
    await s.waitForReady();
    const memo = 'decisions/0001-good.md';
    const text = fs.readFileSync(path.join(root, memo), 'utf8');
    const published = s.waitForDiagnostics(memo, (p) => p.version === 1);
    await s.open(memo, text);
    const codes = (await published).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'evidence-outside-workspace')).toHaveLength(3);
    const uri = s.uri(memo);
    const lines = text.split('\n');
    const pathLine = lines.findIndex((l) => l.includes('path: ../evidence/slo.md'));
    // Evidence path completion lists the workspace's files: never what lies behind the linked folder.
    const list = await s.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: pathLine, character: lines[pathLine]!.length } });
    expect(JSON.stringify(list)).not.toMatch(/0099|more-memos/);
    await s.request('textDocument/documentLink', { textDocument: { uri } });
    await s.request('textDocument/hover', { textDocument: { uri }, position: { line: pathLine, character: 14 } });
    await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: [], only: ['quickfix', 'source.fixAll'] } });
    const audit = await s.request<unknown>('decisionMemos/audit', {});
    expect(JSON.stringify(audit)).not.toMatch(/0099|0777|SECRET-ONE/);
    const symbols = await s.request<Array<{ name: string }>>('workspace/symbol', { query: '' });
    expect(JSON.stringify(symbols)).not.toMatch(/0099|0777|SECRET-ONE/);
    expect(s.handlerErrors()).toEqual([]);
    expect(await s.stop()).toBe(0);
    expectConfined(accessLog(log(), 'server.js'));
  });
});

describe('workspace text in hovers and completion documentation', () => {
  const IMAGE = '![pixel](https://evil.example/pixel.png)';
  const HTML = '<img src="https://evil.example/img.png">';
  const LINK = '[run](command:workbench.action.terminal.new)';
  const AUTOLINK = '<https://evil.example/auto>';
  const REFERENCE = '![ref][r]\n\n[r]: https://evil.example/ref.png';

  /** Markdown node types that would make the editor fetch, link or render markup. */
  function activeNodes(markdown: string): string[] {
    const found: string[] = [];
    const walk = (node: { type: string; children?: unknown[] }) => {
      if (['image', 'imageReference', 'link', 'linkReference', 'definition', 'html'].includes(node.type)) found.push(node.type);
      for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(child);
    };
    walk(fromMarkdown(markdown));
    return found;
  }

  it('stay text: no image, link or HTML comes out of a hostile tenet, person or memo title', async () => {
    const tenets = [
      '- id: EVIL-ONE',
      '  layer: company',
      `  title: ${JSON.stringify(`${IMAGE} ${HTML}`)}`,
      `  statement: ${JSON.stringify(`When a ${LINK} and ${AUTOLINK} conflict, we choose a over b because ${REFERENCE}.`)}`,
      '',
    ].join('\n');
    const people = `- id: mallory\n  name: ${JSON.stringify(IMAGE)}\n  role: ${JSON.stringify(HTML)}\n  email: ${JSON.stringify(AUTOLINK)}\n`;
    const memo = goodMemo({ id: '0001', title: JSON.stringify(LINK), owners: '[mallory]', tenets: '[EVIL-ONE]', supersedes: '"0002"' });
    const other = goodMemo({ id: '0002', title: JSON.stringify(`${IMAGE} ${HTML}`), 'superseded-by': '"0001"' });
    const ws = path.join(scratch, 'markdown');
    writeFiles(ws, { '.decisions.yaml': 'people: people.yaml\n', 'people.yaml': people, 'tenets.yaml': tenets, 'decisions/0001-a.md': memo, 'decisions/0002-b.md': other });
    const server = await LspHarness.start(ws);
    try {
      await server.waitForReady();
      const rel = 'decisions/0001-a.md';
      const published = server.waitForDiagnostics(rel, (p) => p.version === 1);
      await server.open(rel, memo);
      await published;
      const uri = server.uri(rel);
      const lines = memo.split('\n');
      const at = (prefix: string, offset: number) => ({ line: lines.findIndex((l) => l.startsWith(prefix)), character: lines.find((l) => l.startsWith(prefix))!.indexOf(':') + offset });
      const markdown: string[] = [];
      for (const position of [at('tenets:', 4), at('owners:', 4), at('supersedes:', 4)]) {
        const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
        expect(hover, `hover at ${JSON.stringify(position)}`).not.toBeNull();
        markdown.push(hover!.contents.value);
      }
      for (const position of [at('tenets:', 3), at('owners:', 3)]) {
        const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
        for (const item of list.items) {
          const doc = item.documentation as { value?: string } | string | undefined;
          if (typeof doc === 'object' && doc?.value) markdown.push(doc.value);
        }
      }
      expect(markdown.join('\n')).toContain('evil.example');
      for (const value of markdown) expect(activeNodes(value), value).toEqual([]);
      expect(await server.stop()).toBe(0);
    } finally {
      server.kill();
    }
  });
});

describe('code the bundles load at run time', () => {
  // Known gap (see SECURITY.md): fdir, bundled through tinyglobby as its ES module build, asks
  // `createRequire(<bundle>)` for the optional package `picomatch` when it loads. The lookup
  // starts at the bundle's folder and walks up, so an installed extension (whose .vsix ships no
  // node_modules) would run `picomatch` from a node_modules folder above its install folder (for
  // example ~/node_modules). scripts/build.mjs aliases fdir to its CommonJS build, which
  // requires picomatch statically, so the bundle carries it and looks nowhere else.
  it('loads no package from the folders above the installed bundle', () => {
    const install = path.join(scratch, 'home');
    const marker = path.join(scratch, 'PICOMATCH-FROM-ABOVE');
    writeFiles(install, {
      'node_modules/picomatch/index.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'loaded'); module.exports = () => () => false;\n`,
      'extensions/decision-memos/package.json': '{}',
    });
    const bundle = path.join(install, 'extensions', 'decision-memos', 'dist', 'cli.js');
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'dist', 'cli.js'), bundle);
    const r = spawnSync(process.execPath, [bundle, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(fs.existsSync(marker), 'a package from a folder above the bundle ran').toBe(false);
  });
});

describe('untrusted workspaces', () => {
  it('are supported, and no setting a workspace can set names a program, a path or free text the product acts on', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: unknown } };
      contributes: { configuration: { properties: Record<string, Setting> } | Array<{ properties: Record<string, Setting> }> };
    };
    expect(manifest.capabilities.untrustedWorkspaces).toEqual({ supported: true });
    const sections = [manifest.contributes.configuration].flat();
    const settings = Object.assign({}, ...sections.map((c) => c.properties)) as Record<string, Setting>;
    // A boolean, a number, a choice from a fixed list, or a map whose values are such choices:
    // nothing a hostile `.vscode/settings.json` could turn into a command or a file to read.
    const inert = (s: Setting): boolean =>
      s.type === 'boolean' ||
      s.type === 'number' ||
      (s.type === 'string' && Array.isArray(s.enum)) ||
      (s.type === 'object' && Object.values(s.properties ?? {}).every(inert) && (s.additionalProperties === false || inert(s.additionalProperties as Setting)));
    expect(Object.keys(settings).length).toBeGreaterThan(0);
    expect(Object.entries(settings).filter(([, s]) => !inert(s)).map(([k]) => k)).toEqual([]);
  });
});

interface Setting {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Setting>;
  additionalProperties?: Setting | boolean;
}

describe('the config is data', () => {
  it('compiles our schema only, executes no YAML tag, and a hostile config cannot pollute prototypes', () => {
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    const ids = [...RULE_IDS, 'security-test-only-rule'];
    const hostile = [
      '$schema: "https://example.com/evil.schema.json"',
      '$ref: "https://example.com/evil.schema.json"',
      '__proto__: { polluted: yes }',
      'constructor: { prototype: { polluted: yes } }',
      'memos: !!js/function "function () { globalThis.PWNED = true }"',
      'people: !<tag:yaml.org,2002:js/undefined> x',
      'rules: { $ref: "#/evil" }',
    ].join('\n');
    const loaded = parseConfig(hostile, ids);
    // One compile, of the schema the product defines, whatever the config says.
    expect(compile.mock.calls.map((c) => c[0])).toEqual([configSchema(ids)]);
    compile.mockRestore();
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((globalThis as Record<string, unknown>).PWNED).toBeUndefined();
  });
});
