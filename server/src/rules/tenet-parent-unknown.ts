import type { TenetRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetParentUnknown: TenetRule = {
  id: 'tenet-parent-unknown',
  target: 'tenet-file',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
