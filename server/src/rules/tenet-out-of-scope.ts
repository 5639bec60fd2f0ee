import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetOutOfScope: MemoRule = {
  id: 'tenet-out-of-scope',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'info',
  check() {},
};
