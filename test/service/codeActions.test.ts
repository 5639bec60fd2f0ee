import { describe, expect, it } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND } from '../../server/src/service/features/codeActions';
import { GOOD_MEMO, NO_OWNER_MEMO, standardFiles } from '../protocol/fixture';
import { serviceOn } from './harness';

const NO_OWNER = 'decisions/0002-managed-search.md';

function apply(text: string, action: CodeAction, uri: string): string {
  const edits = (action.edit?.changes?.[uri] ?? []) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('code actions (in-process)', () => {
  it('offers a diagnostic’s fixes in its range; applying the preferred one clears it', async () => {
    const f = await serviceOn(standardFiles());
    f.open(NO_OWNER);
    const diagnostics = f.service.checkDocument(f.uri(NO_OWNER))!.diagnostics;
    const owner = diagnostics.find((d) => d.rule === 'owner-missing')!;
    const actions = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range: owner.range, context: { diagnostics: [] } });
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'owner-missing')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    const fixed = apply(NO_OWNER_MEMO, fix, f.uri(NO_OWNER));
    f.edit(NO_OWNER, fixed);
    expect(f.service.checkDocument(f.uri(NO_OWNER))!.diagnostics.some((d) => d.rule === 'owner-missing')).toBe(false);
  });

  it('offers "fix all" only when asked for by kind, and a fix that creates a file only to clients that can', async () => {
    const f = await serviceOn(standardFiles());
    // 0001 says it supersedes 0002, which does not say so back: the back-link fix is safe.
    f.open('decisions/0001-use-a-cache.md', GOOD_MEMO.replace('reversibility: two-way', 'reversibility: two-way\nsupersedes: ["0002"]'));
    const memo = NO_OWNER_MEMO.replace('tenets: [CO-TRUST]', 'tenets: [CO-TRUST]\nevidence:\n  - path: evidence/missing-report.md');
    f.open(NO_OWNER, memo);
    const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const plain = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range, context: { diagnostics: [] } });
    expect(plain.some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
    expect(plain.some((a) => /Create/.test(a.title))).toBe(false);
    f.service.client = { documentChanges: true, createFiles: true, snippetEdits: false, completionSnippets: false, openFileCommand: false };
    const all = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(all.map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    expect(apply(memo, { ...all[0]!, edit: { changes: { [f.uri(NO_OWNER)]: (all[0]!.edit!.documentChanges![0] as { edits: TextEdit[] }).edits } } }, f.uri(NO_OWNER))).toContain('superseded-by');
    const quick = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range, context: { diagnostics: [] } });
    const create = quick.find((a) => /Create/.test(a.title))!;
    expect(create.edit!.documentChanges![0]).toMatchObject({ kind: 'create', uri: f.uri('evidence/missing-report.md') });
  });
});

describe('quick fixes as snippets (in-process)', () => {
  it('sends snippet edits to a client that inserts them: the first blank selected, Tab to the next', async () => {
    // Every rule on (the shared fixture turns most off).
    const f = await serviceOn({ ...standardFiles(), '.decisions.yaml': 'people: people.yaml\n' });
    f.service.client = { documentChanges: true, createFiles: true, snippetEdits: true, completionSnippets: true, openFileCommand: false };
    f.open(NO_OWNER, NO_OWNER_MEMO.replace('status: draft', 'status: proposed\nevidence: []'));
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    const actions = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range, context: { diagnostics: [] } });
    const owner = actions.find((a) => a.title.startsWith('Add an owner'))!;
    const ownerEdit = (owner.edit!.documentChanges![0] as { edits: { snippet?: { value: string } }[] }).edits[0]!;
    expect(ownerEdit.snippet!.value).toBe('\nowners:\n  - ${1|OWNER,alice,bob|}');
    const evidence = actions.find((a) => a.title === 'Add an evidence entry to fill in')!;
    const evidenceEdit = (evidence.edit!.documentChanges![0] as { edits: { snippet?: { value: string } }[] }).edits[0]!;
    expect(evidenceEdit.snippet!.value).toBe('\n  - path: ${1:PATH-OR-URL}\n    limits: ${2:LIMITATION}\n    date: 2026-06-01');
  });

  it('opens a created evidence file, dated like the entry that names it, when the client can', async () => {
    const f = await serviceOn(standardFiles());
    f.service.client = { documentChanges: true, createFiles: true, snippetEdits: false, completionSnippets: false, openFileCommand: true };
    f.open(NO_OWNER, NO_OWNER_MEMO.replace('tenets: [CO-TRUST]', 'tenets: [CO-TRUST]\nevidence:\n  - path: evidence/new-report.md\n    date: 2026-03-02'));
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    const create = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range, context: { diagnostics: [] } }).find((a) => /Create/.test(a.title))!;
    expect(create.command).toMatchObject({ command: 'decisionMemos.openFile', arguments: [f.uri('evidence/new-report.md')] });
    const content = (create.edit!.documentChanges![1] as { edits: { newText: string }[] }).edits[0]!.newText;
    expect(content).toContain('2026-03-02');
  });
});

describe('suppression quick fixes (in-process)', () => {
  it('every diagnostic can be silenced on its line or in the file; applying one clears it and adds no problem', async () => {
    const f = await serviceOn(standardFiles());
    f.open(NO_OWNER);
    const owner = f.service.checkDocument(f.uri(NO_OWNER))!.diagnostics.find((d) => d.rule === 'owner-missing')!;
    const actions = codeActions(f.service, { textDocument: { uri: f.uri(NO_OWNER) }, range: owner.range, context: { diagnostics: [] } });
    const titles = actions.filter((a) => a.diagnostics?.[0]?.code === 'owner-missing').map((a) => a.title);
    // In the front matter only the file-wide comment can be written.
    expect(titles).toContain('Suppress owner-missing in this file');
    expect(titles).not.toContain('Suppress owner-missing on this line');
    const suppress = actions.find((a) => a.title === 'Suppress owner-missing in this file')!;
    expect(suppress.isPreferred).toBe(false);
    const before = f.service.checkDocument(f.uri(NO_OWNER))!.diagnostics.map((d) => d.rule);
    const text = apply(NO_OWNER_MEMO, suppress, f.uri(NO_OWNER));
    expect(text).toContain('<!-- decision-memos-disable-file owner-missing -->');
    f.edit(NO_OWNER, text);
    const after = f.service.checkDocument(f.uri(NO_OWNER))!.diagnostics.map((d) => d.rule);
    expect(after).toEqual(before.filter((r) => r !== 'owner-missing'));
  });
});
