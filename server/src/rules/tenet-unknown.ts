import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetUnknown: MemoRule = {
  id: 'tenet-unknown',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'error',
  check() {},
};
