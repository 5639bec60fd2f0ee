import { describe, expect, it } from 'vitest';
import { planNewMemo } from '../../server/src/core/memo/newMemo';
import { STARTER_CONFIG, STARTER_PEOPLE, STARTER_TENETS } from '../../server/src/shared/starterFiles';
import { check, TODAY } from '../helpers/memoWorkspace';

// The walkthrough's starter files: a workspace made of them is clean, and a first memo written in
// it is told only what a new memo lacks.

describe('starter files', () => {
  const files = { [STARTER_CONFIG.path]: STARTER_CONFIG.content, [STARTER_PEOPLE.path]: STARTER_PEOPLE.content, [STARTER_TENETS.path]: STARTER_TENETS.content, 'tenets.yaml': '[]\n' };

  it('make a workspace without a single problem', () => {
    expect(check(files).diagnostics).toEqual([]);
  });

  it('then a first memo from New Decision Memo shows no error, only what it still lacks', () => {
    const ws = check(files).ws;
    const plan = planNewMemo(ws, 'Adopt a queue', { today: TODAY });
    const diagnostics = check({ ...files, [plan.path]: plan.content }).diagnostics.filter((d) => d.file === plan.path);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toContain('owner-missing');
  });
});
