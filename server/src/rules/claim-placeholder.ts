import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const claimPlaceholder: MemoRule = {
  id: 'claim-placeholder',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
