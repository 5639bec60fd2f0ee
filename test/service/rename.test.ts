import { describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { ServiceError } from '../../server/src/service/decisionService';
import { prepareRename, rename } from '../../server/src/service/features/rename';
import { standardFiles } from '../protocol/fixture';
import { positionParams, serviceOn } from './harness';

const GOOD = 'decisions/0001-use-a-cache.md';

describe('rename (in-process)', () => {
  it('renames a tenet in its definition, in `parent:` and in every memo citing it', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    const at = positionParams(f, GOOD, '[[ENG-LATENCY', 3);
    expect(prepareRename(f.service, at)).toMatchObject({ placeholder: 'ENG-LATENCY' });
    const edit = rename(f.service, { ...at, newName: 'ENG-SPEED' })!;
    const changes = edit.changes!;
    const files = Object.keys(changes).map((u) => u.slice(f.uri('').length)).sort();
    expect(files).toEqual(['decisions/0001-use-a-cache.md', 'decisions/0002-managed-search.md', 'tenets.yaml', 'tenets/search.md']);
    expect(Object.values(changes).flat().every((e: TextEdit) => e.newText === 'ENG-SPEED')).toBe(true);
  });

  it('uses versioned document changes when the client supports them', async () => {
    const f = await serviceOn(standardFiles());
    f.service.client = { documentChanges: true, createFiles: true, snippetEdits: false, completionSnippets: false, openFileCommand: false };
    const doc = f.open(GOOD);
    const edit = rename(f.service, { ...positionParams(f, GOOD, '[[ENG-LATENCY', 3), newName: 'ENG-SPEED' })!;
    const own = edit.documentChanges!.find((c) => 'textDocument' in c && c.textDocument.uri === doc.uri) as { textDocument: { version: number | null } };
    expect(own.textDocument.version).toBe(doc.version);
  });

  it('refuses an invalid id, an existing id and anything but a tenet', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    const at = positionParams(f, GOOD, '[[ENG-LATENCY', 3);
    expect(() => rename(f.service, { ...at, newName: 'not an id' })).toThrow(ServiceError);
    expect(() => rename(f.service, { ...at, newName: 'CO-TRUST' })).toThrow(/already exists/);
    expect(() => rename(f.service, { ...positionParams(f, GOOD, 'alice', 1), newName: 'bob' })).toThrow(/Only tenet ids/);
  });
});
