import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const boundaryMissing: MemoRule = {
  id: 'boundary-missing',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
