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
    expect(closed.items.find((i) => i.label === 'CO-TRUST')!.textEdit).toMatchObject({ newText: 'CO-TRUST]]' });
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
