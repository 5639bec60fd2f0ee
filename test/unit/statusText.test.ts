import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../client/src/statusText';

describe('status bar text', () => {
  it('shows indexing progress with the total when known', () => {
    expect(describeStatus({ state: 'indexing', memos: 3, total: 10, errors: 0, warnings: 0 }).text).toBe('$(sync~spin) Memos: indexing 3/10…');
    expect(describeStatus({ state: 'indexing', memos: 3, errors: 0, warnings: 0 }).text).toBe('$(sync~spin) Memos: indexing 3…');
  });

  it('shows the bodies still being read once every memo is known', () => {
    const status = describeStatus({ state: 'ready', memos: 30, reading: { done: 12, total: 30 }, errors: 0, warnings: 0 });
    expect(status.text).toBe('$(sync~spin) Memos: reading 12/30…');
    expect(status.tooltip).toContain('all 30 memos are known');
  });

  it('counts errors and warnings as problems, with the worst icon', () => {
    expect(describeStatus({ state: 'ready', memos: 12, errors: 1, warnings: 3 }).text).toBe('$(error) Memos: 4 problems');
    expect(describeStatus({ state: 'ready', memos: 12, errors: 0, warnings: 1 }).text).toBe('$(warning) Memos: 1 problem');
    expect(describeStatus({ state: 'ready', memos: 1, errors: 0, warnings: 1 }).tooltip).toContain('1 memo,');
  });

  it('shows a check when the workspace has no problems', () => {
    const status = describeStatus({ state: 'ready', memos: 5, errors: 0, warnings: 0 });
    expect(status.text).toBe('$(check) Memos');
    expect(status.tooltip).toBe('Decision Memos: 5 memos, no problems');
  });
});
