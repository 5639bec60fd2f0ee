import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const memoDuplicateId: MemoRule = {
  id: 'memo-duplicate-id',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'error',
  check() {},
};
