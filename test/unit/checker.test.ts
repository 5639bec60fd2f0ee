import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../server/src/core/check/checker';
import type { MemoRule } from '../../server/src/core/check/rule';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { ALL_RULES, RULE_IDS } from '../../server/src/rules/registry';
import { TODAY } from '../helpers/memoWorkspace';

const throwing: MemoRule = {
  id: 'throwing-rule',
  target: 'memo',
  description: 'Throws.',
  defaultSeverity: 'error',
  check() {
    throw new Error('boom');
  },
};

function workspace(): Workspace {
  return new Workspace(new InMemoryWorkspaceFs({ 'decisions/0001-a.md': '---\nstatus: draft\n---\n# A\n' }), [...RULE_IDS, throwing.id], TODAY);
}

describe('a rule that throws', () => {
  it('fails the check when no one handles it, so a rule test cannot pass by reporting nothing', () => {
    expect(() => checkWorkspace(workspace(), [...ALL_RULES, throwing])).toThrow('boom');
  });

  it('is handed to onRuleError when one is given, and the other rules still report', () => {
    const errors: string[] = [];
    const { diagnostics } = checkWorkspace(workspace(), [...ALL_RULES, throwing], { onRuleError: (rule, file) => errors.push(`${rule} ${file}`) });
    expect(errors).toEqual(['throwing-rule decisions/0001-a.md']);
    expect(diagnostics.some((d) => d.rule === 'owner-missing')).toBe(true);
  });
});
