import type { TenetRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetDuplicateId: TenetRule = {
  id: 'tenet-duplicate-id',
  target: 'tenet-file',
  description: 'PLACEHOLDER',
  defaultSeverity: 'error',
  check() {},
};
