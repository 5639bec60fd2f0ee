import type { MemoRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const evidenceOutsideWorkspace: MemoRule = {
  id: 'evidence-outside-workspace',
  target: 'memo',
  description: 'PLACEHOLDER',
  defaultSeverity: 'error',
  check() {},
};
