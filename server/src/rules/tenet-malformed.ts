import type { TenetRule } from '../core/rule';

// PLACEHOLDER: not implemented yet (being written); reports nothing.
export const tenetMalformed: TenetRule = {
  id: 'tenet-malformed',
  target: 'tenet-file',
  description: 'PLACEHOLDER',
  defaultSeverity: 'warning',
  check() {},
};
