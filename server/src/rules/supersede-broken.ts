import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const supersedeBroken: MemoRule = {
  id: 'supersede-broken',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'error',
  check() {},
};
