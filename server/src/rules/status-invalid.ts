import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const statusInvalid: MemoRule = {
  id: 'status-invalid',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'error',
  check() {},
};
