import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetVerdictMissing: MemoRule = {
  id: 'tenet-verdict-missing',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'info',
  check() {},
};
