import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../server/src/service/decisionService';
import { codeActions } from '../../server/src/service/features/codeActions';
import { definition } from '../../server/src/service/features/definition';
import { hover } from '../../server/src/service/features/hover';
import { prepareRename, rename } from '../../server/src/service/features/rename';
import { goodMemo } from '../helpers/memoWorkspace';
import { positionParams, serviceOn } from './harness';

// Shared configuration in the editor: the extended package's tenets are read-only (definition and
// hover work, rename and edits are refused), and changes to its files reach the state through the
// one update path.

const EXAMPLE = path.resolve(__dirname, '../../examples/shared-config/acme-decisions');
const PKG = 'node_modules/@acme/decisions';
const SHARED_TENETS = `${PKG}/tenets/company.md`;
const MEMO = 'decisions/0001-cache.md';

function examplePackage(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}/${e.name}`);
      else out[`${rel}/${e.name}`] = fs.readFileSync(path.join(dir, e.name), 'utf8');
    }
  };
  walk(EXAMPLE, PKG);
  return out;
}

const LOCAL_TENETS = '- id: ENG-LATENCY\n  layer: function\n  function: engineering\n  parent: CO-TRUST\n  statement: When latency and throughput conflict, we choose latency over throughput because users work in flows.\n';

const MEMO_TEXT = goodMemo({ owners: '[ada]', tenets: '[CO-TRUST, ENG-LATENCY]' }, [
  '# Use a cache',
  '',
  '## Relevant tenets',
  '',
  '- [[CO-TRUST]] ✓ the cache holds no customer data.',
  '- [[ENG-LATENCY]] ✓ a cache cuts p95 latency.',
  '',
  'Claim: We believe a cache keeps search p95 under 200 ms because most queries repeat within an hour.',
  'Boundary: This reduces uncertainty about latency; it does not prove the cache stays consistent.',
]);

function files(extra: Record<string, string> = {}): Record<string, string> {
  return { '.decisions.yaml': 'extends: "@acme/decisions"\n', 'tenets.yaml': LOCAL_TENETS, ...examplePackage(), [MEMO]: MEMO_TEXT, ...extra };
}

describe('extends in the editor (in-process)', () => {
  it('definition and hover of a shared tenet point into node_modules inside the workspace', async () => {
    const f = await serviceOn(files());
    f.open(MEMO);
    const [target] = definition(f.service, positionParams(f, MEMO, '[[CO-TRUST', 3))!;
    expect(target!.uri).toBe(f.folder.uriOf(SHARED_TENETS));
    expect(decodeURIComponent(target!.uri)).toBe(f.uri(SHARED_TENETS));
    expect(target!.range.start.line).toBe(4);
    const shown = hover(f.service, positionParams(f, MEMO, '[[CO-TRUST', 3));
    expect(JSON.stringify(shown)).toMatch(/customer trust over growth/);
    expect(JSON.stringify(shown)).toMatch(/shared by `@acme\/decisions`, read-only here/);
  });

  it('refuses to rename a shared tenet with a message naming the package; a local tenet still renames', async () => {
    const f = await serviceOn(files());
    f.open(MEMO);
    const at = positionParams(f, MEMO, '[[CO-TRUST', 3);
    expect(() => prepareRename(f.service, at)).toThrow(ServiceError);
    expect(() => prepareRename(f.service, at)).toThrow('CO-TRUST is defined by the shared config @acme/decisions; change it there.');
    expect(() => rename(f.service, { ...at, newName: 'CO-CUSTOMER' })).toThrow(/shared config @acme\/decisions/);
    // From the shared file itself, too.
    f.open(SHARED_TENETS);
    expect(() => prepareRename(f.service, positionParams(f, SHARED_TENETS, 'CO-TRUST', 1))).toThrow(/change it there/);
    // A local tenet renames in the local files only.
    const local = positionParams(f, MEMO, '[[ENG-LATENCY', 3);
    expect(prepareRename(f.service, local)).toMatchObject({ placeholder: 'ENG-LATENCY' });
    const edit = rename(f.service, { ...local, newName: 'ENG-SPEED' })!;
    expect(Object.keys(edit.changes!).map((u) => u.slice(f.uri('').length)).sort()).toEqual([MEMO, 'tenets.yaml']);
  });

  it('offers no code actions in a shared tenet file', async () => {
    const f = await serviceOn(files({ [SHARED_TENETS]: examplePackage()[SHARED_TENETS] + '\n## CO-VAGUE: vague\nlayer: company\n\nWe value quality.\n' }));
    f.open(SHARED_TENETS);
    const diagnostics = f.service.checkDocument(f.uri(SHARED_TENETS))!.diagnostics;
    const everything = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
    expect(codeActions(f.service, { textDocument: { uri: f.uri(SHARED_TENETS) }, range: everything, context: { diagnostics: [], only: ['quickfix', 'source.fixAll'] } })).toEqual([]);
    expect(diagnostics).toBeDefined();
  });

  it('classifies the package files as the config, people and tenet files they are', async () => {
    const f = await serviceOn(files());
    expect(f.folder.kindOf(`${PKG}/.decisions.yaml`)).toBe('config');
    expect(f.folder.kindOf(`${PKG}/people.yaml`)).toBe('people');
    expect(f.folder.kindOf(SHARED_TENETS)).toBe('tenet');
    expect(f.folder.kindOf('people.yaml')).toBe('config');
  });

  it('picks up a change inside the package from a watched-file event', async () => {
    const f = await serviceOn(files());
    // A tenet added to the package's tenet file.
    f.fs.files.set(SHARED_TENETS, f.fs.files.get(SHARED_TENETS)! + '\n## CO-NEW: new over old\nlayer: company\n\nWhen new and old conflict, we choose new over old because old is known.\n');
    const [tenetChange] = f.service.filesChanged([{ uri: f.uri(SHARED_TENETS), change: 'changed' }]);
    expect(tenetChange!.affected.all).toBe(true);
    expect(f.folder.ws.registry.get('CO-NEW')?.file).toBe(SHARED_TENETS);
    // A new tenet file in the package.
    f.fs.files.set(`${PKG}/tenets/more.md`, '## CO-MORE: more over less\nlayer: company\n\nWhen more and less conflict, we choose more over less because c.\n');
    f.service.filesChanged([{ uri: f.uri(`${PKG}/tenets/more.md`), change: 'created' }]);
    expect(f.folder.ws.registry.get('CO-MORE')?.file).toBe(`${PKG}/tenets/more.md`);
    // The package's config: rule settings re-read, everything indexed again.
    f.fs.files.set(`${PKG}/.decisions.yaml`, f.fs.files.get(`${PKG}/.decisions.yaml`)!.replace('tenet-missing: error', 'tenet-missing: hint'));
    const [configChange] = f.service.filesChanged([{ uri: f.uri(`${PKG}/.decisions.yaml`), change: 'changed' }]);
    expect(configChange!.affected).toMatchObject({ all: true, reindex: true });
    expect(f.folder.ws.config.rules['tenet-missing']).toBe('hint');
    // The package's people.
    f.fs.files.set(`${PKG}/people.yaml`, '- id: zoe\n');
    f.service.filesChanged([{ uri: f.uri(`${PKG}/people.yaml`), change: 'changed' }]);
    expect(f.folder.ws.people?.people.map((p) => p.id)).toEqual(['zoe']);
    expect(f.service.checkFile(f.folder, MEMO).map((d) => d.rule)).toContain('owner-unknown');
  });

  it('a package installed later (or removed) is picked up from the events for its folder', async () => {
    const pkg = examplePackage();
    const f = await serviceOn({ '.decisions.yaml': 'extends: "@acme/decisions"\n', 'tenets.yaml': LOCAL_TENETS, [MEMO]: MEMO_TEXT });
    expect(f.service.checkFile(f.folder, '.decisions.yaml').map((d) => d.rule)).toEqual(['config-invalid']);
    expect(f.service.checkFile(f.folder, MEMO).map((d) => d.rule)).toContain('tenet-unknown');
    for (const [rel, text] of Object.entries(pkg)) f.fs.files.set(rel, text);
    const [installed] = f.service.filesChanged([{ uri: f.uri('node_modules/@acme'), change: 'created' }]);
    expect(installed!.affected.reindex).toBe(true);
    expect(f.service.checkFile(f.folder, '.decisions.yaml')).toEqual([]);
    expect(f.service.checkFile(f.folder, MEMO).map((d) => d.rule)).not.toContain('tenet-unknown');
    // Removed again: the folder's deletion takes its tenets and brings the problem back.
    for (const rel of Object.keys(pkg)) f.fs.files.delete(rel);
    f.service.filesChanged([{ uri: f.uri('node_modules'), change: 'deleted' }]);
    expect(f.folder.ws.registry.get('CO-TRUST')).toBeUndefined();
    expect(f.service.checkFile(f.folder, '.decisions.yaml').map((d) => d.rule)).toEqual(['config-invalid']);
  });

  it('a local people directory created or deleted takes over from the shared one, and hands back', async () => {
    const f = await serviceOn(files());
    expect(f.folder.ws.people?.file).toBe(`${PKG}/people.yaml`);
    f.fs.files.set('people.yaml', '- carol\n');
    f.service.filesChanged([{ uri: f.uri('people.yaml'), change: 'created' }]);
    expect(f.folder.ws.people?.file).toBe('people.yaml');
    expect(f.service.checkFile(f.folder, MEMO).map((d) => d.rule)).toContain('owner-unknown');
    f.fs.files.delete('people.yaml');
    f.service.filesChanged([{ uri: f.uri('people.yaml'), change: 'deleted' }]);
    expect(f.folder.ws.people?.file).toBe(`${PKG}/people.yaml`);
    expect(f.service.checkFile(f.folder, MEMO).map((d) => d.rule)).not.toContain('owner-unknown');
  });
});
