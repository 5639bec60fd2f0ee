import { describe, expect, it } from 'vitest';
import type { CompletionItem, Location } from 'vscode-languageserver-protocol';
import { completion } from '../../server/src/service/features/completion';
import { definition } from '../../server/src/service/features/definition';
import { hover } from '../../server/src/service/features/hover';
import { API_MEMO, API_MEMO_PATH as MEMO, AUTHORITY, authorityFiles } from './authorityFixture';
import { positionParams, serviceOn } from './harness';

// The authority matrix in the editor: completion of decision types, triggers and the people who
// hold the authority a type names; hover on a memo's type and triggers; definition of its type.

const labels = (items: CompletionItem[] | undefined) => (items ?? []).map((i) => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
const doc = (i: CompletionItem | undefined) => (i?.documentation as { value: string } | undefined)?.value ?? '';
const hoverText = (h: ReturnType<typeof hover>) => (h?.contents as { value: string } | undefined)?.value ?? '';

describe('completion of the authority fields (in-process)', () => {
  it('offers the matrix’s decision types with their titles and rows', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO);
    const items = completion(f.service, positionParams(f, MEMO, 'decision-type: api', 'decision-type: api'.length))!.items;
    expect(labels(items)).toEqual(['api-design', 'data-model']);
    const api = items[0]!;
    expect(api.detail).toBe('API design for team features');
    expect(api.textEdit).toMatchObject({ newText: 'api-design', range: { start: f.at(MEMO, 'api-design'), end: f.at(MEMO, 'api-design', 10) } });
    expect(doc(api)).toContain('Decides: `team-lead` — Alice Smith (alice)');
    expect(doc(api)).toContain('Escalates to: `architecture-review` — Bob Jones (bob), Carol King (carol)');
    expect(doc(api)).toContain('`cross-team` — **applies**');
    expect(doc(api)).toContain('Tenets applied: ENG-LATENCY (latency over throughput, cited)');
    expect(doc(items[1])).toContain('Decides: `owner` (any owner of the memo)');
  });

  it('offers triggers under `impact` (flow, block, scalar): the type’s first, those other fields apply last, none already listed', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO, API_MEMO.replace('impact: [cross-team]', 'impact: [cross-team, ]'));
    const flow = completion(f.service, positionParams(f, MEMO, 'cross-team, ]', 'cross-team, '.length))!.items;
    // Built-in and named by a row; spend-over only as the matrix names it; cross-team is listed already.
    expect(labels(sorted(flow))).toEqual(['customer-data', 'precedent', 'regulator-visible', 'one-way', 'costly', 'spend-over:50000']);
    expect(flow.find((i) => i.label === 'regulator-visible')!.detail).toBe('from authority.yaml');
    expect(doc(flow.find((i) => i.label === 'spend-over:50000'))).toContain('more than 50,000');

    f.edit(MEMO, API_MEMO.replace('impact: [cross-team]', 'impact:\n  - cross-team\n  '));
    const lines = f.documents.get(f.uri(MEMO))!.getText().split('\n');
    const block = completion(f.service, { textDocument: { uri: f.uri(MEMO) }, position: { line: lines.indexOf('  - cross-team') + 1, character: 2 } })!.items;
    expect(block.map((i) => (i.textEdit as { newText: string }).newText)).toContain('- customer-data');
    expect(labels(block)).not.toContain('cross-team');

    // The type's own triggers come first (data-model lists customer-data and regulator-visible).
    f.edit(MEMO, API_MEMO.replace('decision-type: api-design', 'decision-type: data-model').replace('impact: [cross-team]', 'impact: c'));
    const scalar = sorted(completion(f.service, positionParams(f, MEMO, 'impact: c', 'impact: c'.length))!.items);
    expect(labels(scalar).slice(0, 2)).toEqual(['customer-data', 'regulator-visible']);
    expect(scalar[0]!.detail).toBe('escalates data-model · built in');
    // The item being edited is not "already listed".
    expect(labels(scalar)).toContain('cross-team');
  });

  it('offers the holders of the escalation authority first as approvers, never people who have left', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO, API_MEMO.replace('owners: [alice]', 'owners: [alice]\napprover: '));
    const items = completion(f.service, positionParams(f, MEMO, 'approver: ', 'approver: '.length))!.items;
    expect(labels(sorted(items))).toEqual(['bob', 'carol', 'alice']);
    expect(items.find((i) => i.label === 'bob')!.detail).toBe('holds architecture-review · Bob Jones · architecture-review');
    expect(items.find((i) => i.label === 'alice')!.detail).toBe('Alice Smith · team-lead');
    // dave has `status: left`, erin left on 2026-05-01 (before today, 2026-06-01).
    expect(labels(items)).not.toContain('dave');
    expect(labels(items)).not.toContain('erin');
  });

  it('offers the holders of `decides` first as owners; with `decides: owner` nobody is put first', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO, API_MEMO.replace('owners: [alice]', 'owners: [b]'));
    const owners = sorted(completion(f.service, positionParams(f, MEMO, 'owners: [b', 'owners: [b'.length))!.items);
    expect(owners[0]).toMatchObject({ label: 'alice', detail: 'holds team-lead · Alice Smith · team-lead' });
    f.edit(MEMO, API_MEMO.replace('owners: [alice]', 'owners: [b]').replace('api-design', 'data-model'));
    const any = sorted(completion(f.service, positionParams(f, MEMO, 'owners: [b', 'owners: [b'.length))!.items);
    expect(labels(any)).toEqual(['alice', 'bob', 'carol']);
    expect(any.some((i) => i.detail?.startsWith('holds'))).toBe(false);
  });

  it('erin is offered again when her `left:` date is still to come', async () => {
    const f = await serviceOn(authorityFiles(), { today: '2026-04-30' });
    f.open(MEMO, API_MEMO.replace('owners: [alice]', 'owners: [alice]\napprover: '));
    expect(labels(completion(f.service, positionParams(f, MEMO, 'approver: ', 'approver: '.length))!.items)).toContain('erin');
  });
});

describe('completion of front matter keys (in-process)', () => {
  const typing = (memo: string, key: string) => memo.replace('reversibility: two-way\n', `reversibility: two-way\n${key}\n`);

  it('offers the fields the memo lacks, the authority ones when the workspace has a matrix', async () => {
    const f = await serviceOn(authorityFiles());
    const memo = API_MEMO.replace('decision-type: api-design\nimpact: [cross-team]\nspend: 60000\n', '');
    f.open(MEMO, typing(memo, 'de'));
    const items = completion(f.service, positionParams(f, MEMO, '\nde\n', 3))!.items;
    const keys = labels(items);
    expect(keys).toEqual(expect.arrayContaining(['decision-type', 'impact', 'spend', 'review-by', 'reviewed', 'approver']));
    // Fields already there (owners, under any spelling) are not offered again.
    for (const present of ['owners', 'status', 'tenets', 'reversibility']) expect(keys).not.toContain(present);
    const type = items.find((i) => i.label === 'decision-type')!;
    expect(type.textEdit).toMatchObject({ newText: 'decision-type: ', range: { start: { character: 0 }, end: { character: 2 } } });
    expect(type.detail).toBe('authority matrix');
  });

  it('leaves out the authority fields without a matrix, and fields present under an alias', async () => {
    const f = await serviceOn(authorityFiles({ 'authority.yaml': undefined, '.decisions.yaml': 'people: people.yaml\n' }));
    f.open(MEMO, typing(API_MEMO.replace('decision-type: api-design\nimpact: [cross-team]\nspend: 60000\n', 'revisit: 2026-09-01\n'), 're'));
    const keys = labels(completion(f.service, positionParams(f, MEMO, '\nre\n', 3))!.items);
    expect(keys).not.toContain('decision-type');
    expect(keys).not.toContain('impact');
    expect(keys).not.toContain('spend');
    expect(keys).not.toContain('review-by');
    expect(keys).toContain('reviewed');
  });

  it('on an empty unindented line, offers keys, and entries too where the list above can take them', async () => {
    const f = await serviceOn(authorityFiles());
    f.service.client = { ...f.service.client, completionSnippets: true };
    f.open(MEMO, API_MEMO.replace('owners: [alice]\n', 'owners: [alice]\napprover:\n\n'));
    const lines = f.documents.get(f.uri(MEMO))!.getText().split('\n');
    const items = sorted(completion(f.service, { textDocument: { uri: f.uri(MEMO) }, position: { line: lines.indexOf('approver:') + 1, character: 0 } })!.items);
    expect((items[0]!.textEdit as { newText: string }).newText).toBe('- bob');
    expect(labels(items)).toContain('review-by');
    // A key whose value completes asks for that completion once it is in.
    expect(items.find((i) => i.label === 'consulted')!.command?.command).toBe('editor.action.triggerSuggest');
    expect(items.find((i) => i.label === 'review-by')!.command).toBeUndefined();

    // Under a key with a value on its line, only keys.
    f.edit(MEMO, API_MEMO.replace('owners: [alice]\n', 'owners: [alice]\n\n'));
    const after = completion(f.service, { textDocument: { uri: f.uri(MEMO) }, position: { line: lines.indexOf('owners: [alice]') + 1, character: 0 } })!.items;
    expect(after.every((i) => i.kind === 10)).toBe(true);
  });

  it('still completes values on indented lines and never offers keys in the body', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO, API_MEMO + '\nde\n');
    expect(completion(f.service, positionParams(f, MEMO, '\nde\n', 3))).toBeNull();
  });
});

describe('hover and definition of the authority fields (in-process)', () => {
  it('shows the matrix row on `decision-type`, read against the memo', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO);
    const h = hover(f.service, positionParams(f, MEMO, 'api-design', 3))!;
    const text = hoverText(h);
    expect(text).toContain('**api-design** — API design for team features');
    expect(text).toContain('Decides: `team-lead` — Alice Smith (alice)');
    expect(text).toContain('Escalates to: `architecture-review` — Bob Jones (bob), Carol King (carol)');
    expect(text).not.toContain('dave');
    expect(text).toContain('- `cross-team` — **applies**: `impact` lists it');
    expect(text).toContain('- `one-way` — does not apply: `reversibility: two-way`');
    expect(text).toContain('- `spend-over:50000` — **applies**: `spend` 60,000 is over 50,000');
    expect(text).toContain('Tenets applied: ENG-LATENCY (latency over throughput, cited)');
    expect(text).toContain('**Approval:** `cross-team`, `spend-over:50000` apply, so `architecture-review` must approve: no approver holds it yet (add one of bob, carol to `approver`).');
    expect(text).toContain('Defined in `authority.yaml`, line 1');
    expect(h.range).toEqual({ start: f.at(MEMO, 'api-design'), end: f.at(MEMO, 'api-design', 10) });

    f.edit(MEMO, API_MEMO.replace('owners: [alice]', 'owners: [alice]\napprover: carol'));
    expect(hoverText(hover(f.service, positionParams(f, MEMO, 'api-design', 3)))).toContain('must approve: carol holds it.');

    // An authority nobody in the directory holds cannot be judged (escalation-required stays quiet too).
    f.open('authority.yaml', AUTHORITY.replace('escalate-to: architecture-review', 'escalate-to: security-board'));
    f.service.checkDocument(f.uri('authority.yaml'));
    expect(hoverText(hover(f.service, positionParams(f, MEMO, 'api-design', 3)))).toContain('so `security-board` must approve: nobody in `people.yaml` holds it, so who may approve cannot be checked.');
  });

  it('says when the type is not in the matrix, or there is no matrix', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO, API_MEMO.replace('decision-type: api-design', 'decision-type: "api-desing"'));
    expect(hoverText(hover(f.service, positionParams(f, MEMO, 'api-desing', 1)))).toBe('**api-desing** is not a decision type of `authority.yaml`; its types are `api-design`, `data-model`.');
    const none = await serviceOn(authorityFiles({ 'authority.yaml': undefined, '.decisions.yaml': 'people: people.yaml\n' }));
    none.open(MEMO);
    expect(hoverText(hover(none.service, positionParams(none, MEMO, 'api-design', 1)))).toContain('there is no authority matrix (`authority.yaml`)');
  });

  it('explains an `impact` trigger: what it means and what it does for this memo’s type', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO, API_MEMO.replace('impact: [cross-team]', 'impact: [cross-team, regulator-visible, made-up]'));
    const cross = hoverText(hover(f.service, positionParams(f, MEMO, 'cross-team', 2)));
    expect(cross).toContain('**cross-team** — built-in trigger');
    expect(cross).toContain('This memo’s type `api-design` lists it: the decision goes to `architecture-review` for approval.');
    expect(cross).toContain('Escalates the types `api-design`.');
    const own = hoverText(hover(f.service, positionParams(f, MEMO, 'regulator-visible', 2)));
    expect(own).toContain('**regulator-visible** — a trigger of `authority.yaml`');
    expect(own).toContain('This memo’s type `api-design` does not list it');
    expect(own).toContain('Escalates the types `data-model`.');
    expect(hoverText(hover(f.service, positionParams(f, MEMO, 'made-up', 2)))).toContain('Neither built in nor named in `authority.yaml`');
  });

  it('goes from `decision-type` to the row’s `type:` in authority.yaml, and from a trigger to where the type lists it', async () => {
    const f = await serviceOn(authorityFiles());
    f.open(MEMO);
    const [row] = definition(f.service, positionParams(f, MEMO, 'api-design', 2)) as Location[];
    expect(row).toEqual({ uri: f.uri('authority.yaml'), range: { start: { line: 0, character: 8 }, end: { line: 0, character: 18 } } });
    const [trigger] = definition(f.service, positionParams(f, MEMO, 'cross-team', 2)) as Location[];
    expect(trigger).toEqual({ uri: f.uri('authority.yaml'), range: { start: { line: 4, character: 13 }, end: { line: 4, character: 23 } } });
    f.edit(MEMO, API_MEMO.replace('decision-type: api-design', 'decision-type: nope'));
    expect(definition(f.service, positionParams(f, MEMO, 'nope', 1))).toBeNull();
  });
});
