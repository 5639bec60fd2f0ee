import { describe, expect, it } from 'vitest';
import { completion } from '../../server/src/service/features/completion';
import { GOOD_MEMO, standardFiles } from '../protocol/fixture';
import { positionParams, serviceOn } from './harness';

const GOOD = 'decisions/0001-use-a-cache.md';

describe('completion (in-process)', () => {
  it('offers tenet ids after `[[`, closing the brackets only when they are not typed yet', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD, GOOD_MEMO + '\nSee [[ENG\nAnd [[CO]] too.\n');
    const open = completion(f.service, positionParams(f, GOOD, 'See [[ENG', 9))!;
    const item = open.items.find((i) => i.label === 'ENG-LATENCY')!;
    expect(item.textEdit).toMatchObject({ newText: 'ENG-LATENCY]]' });
    expect((item.documentation as { value: string }).value).toContain('we choose latency over throughput');
    const closed = completion(f.service, positionParams(f, GOOD, 'And [[CO]]', 8))!;
    expect(closed.items.find((i) => i.label === 'CO-TRUST')!.textEdit).toMatchObject({ newText: 'CO-TRUST' });
    // Retired tenets come last and are marked deprecated.
    expect(closed.items.find((i) => i.label === 'CO-SPEED')).toMatchObject({ tags: [1] });
  });

  it('offers people under `owners:`, statuses under `status:` and memo ids under `supersedes:`', async () => {
    const f = await serviceOn(standardFiles());
    const text = GOOD_MEMO.replace('owners: [alice]', 'owners: [b]').replace('reversibility: two-way', 'reversibility: two-way\nsupersedes: ["0"]');
    f.open(GOOD, text);
    const owners = completion(f.service, positionParams(f, GOOD, 'owners: [b', 10))!;
    expect(owners.items.map((i) => i.label)).toEqual(['alice', 'bob']);
    const status = completion(f.service, positionParams(f, GOOD, 'status: proposed', 8))!;
    expect(status.items.map((i) => i.label)).toContain('accepted');
    const links = completion(f.service, positionParams(f, GOOD, 'supersedes: ["0', 14))!;
    expect(links.items.map((i) => i.label)).toEqual(['0002']);
  });

  it('offers files under an evidence `path:`, relative to the memo', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    const list = completion(f.service, positionParams(f, GOOD, '../evidence/slo.md', 3))!;
    expect(list.items.map((i) => i.label)).toContain('../evidence/slo.md');
  });

  it('offers nothing in plain prose or in a file that is not open', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    expect(completion(f.service, positionParams(f, GOOD, 'We believe', 3))).toBeNull();
    expect(completion(f.service, { textDocument: { uri: f.uri('decisions/0002-managed-search.md') }, position: { line: 1, character: 1 } })).toBeNull();
  });
});

describe('completion of whole entries and files (in-process)', () => {
  const snippetsOn = (f: Awaited<ReturnType<typeof serviceOn>>) => (f.service.client = { ...f.service.client, completionSnippets: true });

  it('offers an evidence entry snippet on an empty line under `evidence:`, dated today, then path completion', async () => {
    const f = await serviceOn(standardFiles(), { today: '2026-07-04' });
    snippetsOn(f);
    f.open(GOOD, GOOD_MEMO.replace('evidence:\n', 'evidence:\n  \n'));
    const items = completion(f.service, { textDocument: { uri: f.uri(GOOD) }, position: { line: 9, character: 2 } })!.items;
    const entry = items.find((i) => i.label === 'evidence entry')!;
    expect(entry.textEdit).toMatchObject({ newText: '- path: $1\n  limits: ${2:LIMITATION}\n  date: 2026-07-04$0' });
    expect(entry.insertTextFormat).toBe(2);
    expect(entry.command?.command).toBe('editor.action.triggerSuggest');
  });

  it('offers `- person` and `- TENET-ID` entries on an empty list line', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD, GOOD_MEMO.replace('owners: [alice]', 'owners:\n  - ').replace('tenets: [ENG-LATENCY]', 'tenets:\n  - ENG-LATENCY\n  '));
    const lines = f.documents.get(f.uri(GOOD))!.getText().split('\n');
    const ownerLine = lines.indexOf('  - ');
    const people = completion(f.service, { textDocument: { uri: f.uri(GOOD) }, position: { line: ownerLine, character: 4 } })!.items;
    expect(people.map((i) => (i.textEdit as { newText: string }).newText)).toEqual(['- alice', '- bob']);
    const tenetLine = lines.indexOf('  ', ownerLine + 1);
    const tenets = completion(f.service, { textDocument: { uri: f.uri(GOOD) }, position: { line: tenetLine, character: 2 } })!.items;
    expect(tenets.map((i) => i.label)).not.toContain('ENG-LATENCY');
    expect(tenets.map((i) => (i.textEdit as { newText: string }).newText)).toContain('- CO-TRUST');
  });

  it('lists evidence-like files before the product’s own files (people, tenets, config)', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    const items = completion(f.service, positionParams(f, GOOD, '../evidence/slo.md', 3))!.items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    const order = items.map((i) => i.label);
    expect(order.indexOf('../evidence/slo.md')).toBeLessThan(order.indexOf('../people.yaml'));
    expect(order.indexOf('../evidence/slo.md')).toBeLessThan(order.indexOf('../tenets.yaml'));
  });

  it('offers the person snippet in people.yaml and tenet snippets in a YAML tenet file, and neither in a memo', async () => {
    const f = await serviceOn(standardFiles());
    snippetsOn(f);
    f.open('people.yaml', f.fs.files.get('people.yaml')! + 'per');
    const lines = f.documents.get(f.uri('people.yaml'))!.getText().split('\n');
    const people = completion(f.service, { textDocument: { uri: f.uri('people.yaml') }, position: { line: lines.length - 1, character: 3 } })!;
    expect(people.items.map((i) => i.label)).toEqual(['person']);
    f.open('tenets.yaml', f.fs.files.get('tenets.yaml')! + 'ten');
    const tl = f.documents.get(f.uri('tenets.yaml'))!.getText().split('\n');
    const tenets = completion(f.service, { textDocument: { uri: f.uri('tenets.yaml') }, position: { line: tl.length - 1, character: 3 } })!;
    expect(tenets.items.map((i) => i.label)).toEqual(['tenet', 'tenet-team', 'tenet-company']);
    f.open(GOOD);
    const inMemo = completion(f.service, { textDocument: { uri: f.uri(GOOD) }, position: { line: 1, character: 0 } });
    expect(inMemo?.items.map((i) => i.label) ?? []).not.toContain('person');
  });
});
