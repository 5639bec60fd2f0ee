import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const evidenceLimitsMissing: MemoRule = {
  id: 'evidence-limits-missing',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'info',
  check() {},
};
