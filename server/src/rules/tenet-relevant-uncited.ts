import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetRelevantUncited: MemoRule = {
  id: 'tenet-relevant-uncited',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'hint',
  check() {},
};
