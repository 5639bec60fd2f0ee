import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../server/src/service/decisionService';
import { audit } from '../../server/src/service/features/audit';
import { newMemo } from '../../server/src/service/features/newMemo';
import { standardFiles } from '../protocol/fixture';
import { ROOT_URI, serviceOn } from './harness';

describe('custom requests (in-process)', () => {
  it('audits a folder from the live index, open buffers included', async () => {
    const f = await serviceOn(standardFiles());
    f.open('decisions/0002-managed-search.md', '---\nid: "0002"\nstatus: accepted\ntenets: [PROD-SIMPLE]\n---\n# x\n');
    const report = await audit(f.service, { folder: ROOT_URI });
    expect(report.memos).toBe(2);
    expect(report.byStatus.accepted).toBe(1);
    expect(report.tenets.find((t) => t.id === 'PROD-SIMPLE')!.citations).toBe(1);
    await expect(audit(f.service, { since: '2026-13-01' })).rejects.toThrow(ServiceError);
  });

  it('plans a new memo with the next free id and today’s date', async () => {
    const f = await serviceOn(standardFiles(), { today: '2026-07-04' });
    const plan = await newMemo(f.service, { folder: ROOT_URI, title: 'Adopt a queue' });
    expect(plan.uri).toBe(`${ROOT_URI}/decisions/0003-adopt-a-queue.md`);
    expect(plan.content).toContain('date: 2026-07-04');
    await expect(newMemo(f.service, { folder: ROOT_URI, title: ' ' })).rejects.toThrow(/needs a title/);
  });
});
