import { describe, expect, it } from 'vitest';
import { references } from '../../server/src/service/features/references';
import { standardFiles } from '../protocol/fixture';
import { positionParams, serviceOn } from './harness';

const GOOD = 'decisions/0001-use-a-cache.md';

describe('references (in-process)', () => {
  it('finds every citation of a tenet in open and closed memos, and the `parent:` naming it', async () => {
    const f = await serviceOn(standardFiles());
    f.open(GOOD);
    const params = { ...positionParams(f, GOOD, '[[ENG-LATENCY', 3), context: { includeDeclaration: true } };
    const found = references(f.service, params)!.map((l) => `${l.uri.slice(f.uri('').length)}:${l.range.start.line}`);
    expect(found).toEqual(['tenets.yaml:9', 'decisions/0001-use-a-cache.md:7', 'decisions/0001-use-a-cache.md:16', 'decisions/0002-managed-search.md:10', 'tenets/search.md:5']);
    const without = references(f.service, { ...params, context: { includeDeclaration: false } })!;
    expect(without.some((l) => l.uri === f.uri('tenets.yaml'))).toBe(false);
  });

  it('reads an open memo’s unsaved text', async () => {
    const f = await serviceOn(standardFiles());
    f.open('decisions/0002-managed-search.md', '---\nid: "0002"\ntenets: []\n---\nNothing here.\n');
    f.open(GOOD);
    const found = references(f.service, { ...positionParams(f, GOOD, '[[ENG-LATENCY', 3), context: { includeDeclaration: false } })!;
    expect(found.some((l) => l.uri.endsWith('0002-managed-search.md'))).toBe(false);
  });
});
