import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetMissing: MemoRule = {
  id: 'tenet-missing',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
