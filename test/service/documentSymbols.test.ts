import { describe, expect, it } from 'vitest';
import { documentSymbols } from '../../server/src/service/features/documentSymbols';
import { standardFiles } from '../protocol/fixture';
import { serviceOn } from './harness';

describe('document symbols (in-process)', () => {
  it('outlines a memo: front matter fields, then sections nested by depth', async () => {
    const f = await serviceOn(standardFiles());
    f.open('decisions/0001-use-a-cache.md');
    const symbols = documentSymbols(f.service, { textDocument: { uri: f.uri('decisions/0001-use-a-cache.md') } });
    expect(symbols.map((s) => s.name)).toEqual(['Front matter', 'Use a cache for the search API']);
    expect(symbols[0]!.children!.map((c) => c.name)).toContain('owners');
    expect(symbols[1]!.children!.map((c) => c.name)).toEqual(['Relevant tenets']);
  });

  it('lists the tenets of a tenet file, retired ones marked deprecated', async () => {
    const f = await serviceOn(standardFiles());
    f.open('tenets.yaml');
    const symbols = documentSymbols(f.service, { textDocument: { uri: f.uri('tenets.yaml') } });
    expect(symbols.map((s) => s.name)).toEqual(['CO-TRUST', 'CO-SPEED', 'ENG-LATENCY', 'PROD-SIMPLE']);
    expect(symbols[1]).toMatchObject({ tags: [1] });
  });
});
