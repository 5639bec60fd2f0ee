import { describe, expect, it } from 'vitest';
import { workspaceSymbols } from '../../server/src/service/features/workspaceSymbols';
import { standardFiles } from '../protocol/fixture';
import { serviceOn } from './harness';

describe('workspace symbols (in-process)', () => {
  it('finds tenets and memos by id or title, letters in order', async () => {
    const f = await serviceOn(standardFiles());
    expect(workspaceSymbols(f.service, { query: 'englat' }).map((s) => s.name)).toEqual(['ENG-LATENCY: latency over throughput']);
    expect(workspaceSymbols(f.service, { query: 'managed' }).map((s) => s.name)).toEqual(['0002: Move search to a managed service']);
    expect(workspaceSymbols(f.service, { query: '' }).length).toBe(7);
  });
});
