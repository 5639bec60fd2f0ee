import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const approverMissing: MemoRule = {
  id: 'approver-missing',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
