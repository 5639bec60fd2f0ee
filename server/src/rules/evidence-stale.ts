import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const evidenceStale: MemoRule = {
  id: 'evidence-stale',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'info',
  check() {},
};
