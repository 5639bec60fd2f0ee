import { describe, expect, it } from 'vitest';
import { definition } from '../../server/src/service/features/definition';
import { GOOD_MEMO, standardFiles } from '../protocol/fixture';
import { positionParams, serviceOn } from './harness';

const GOOD = 'decisions/0001-use-a-cache.md';

describe('definition (in-process)', () => {
  it('goes from a citation to the tenet, from an owner to people.yaml, from evidence to its file, from a link to the memo', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD, GOOD_MEMO.replace('reversibility: two-way', 'reversibility: two-way\nsupersedes: ["0002"]'));
    expect(definition(f.service, positionParams(f, GOOD, '[[ENG-LATENCY', 3))).toEqual([{ uri: f.uri('tenets.yaml'), range: expect.any(Object) }]);
    expect(definition(f.service, positionParams(f, GOOD, 'alice', 1))![0]!.uri).toBe(f.uri('people.yaml'));
    expect(definition(f.service, positionParams(f, GOOD, 'slo.md', 1))).toEqual([{ uri: f.uri('evidence/slo.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    expect(definition(f.service, positionParams(f, GOOD, '"0002"', 2))![0]!.uri).toBe(f.uri('decisions/0002-managed-search.md'));
  });

  it('finds nothing for a tenet no file defines', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD, GOOD_MEMO + '\n[[ENG-NOWHERE]]\n');
    expect(definition(f.service, positionParams(f, GOOD, 'ENG-NOWHERE', 2))).toEqual([]);
  });
});
