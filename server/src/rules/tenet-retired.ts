import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetRetired: MemoRule = {
  id: 'tenet-retired',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
