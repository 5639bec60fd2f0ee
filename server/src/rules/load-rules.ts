import type { LoadRule } from '../core/check/rule';

// Problems found while reading files rather than by checking them. They are rules so that they
// have ids, doc pages and severities like every other diagnostic.

export const configInvalid: LoadRule = {
  id: 'config-invalid',
  target: 'load',
  description: '`.decisions.yaml` and the people directory are valid YAML of the documented shape; otherwise the defaults apply.',
  defaultSeverity: 'error',
};

export const tenetFileInvalid: LoadRule = {
  id: 'tenet-file-invalid',
  target: 'load',
  description: 'A tenet file is valid: YAML that parses, a list of tenets each with an `id`.',
  defaultSeverity: 'error',
};

export const fileUnreadable: LoadRule = {
  id: 'file-unreadable',
  target: 'load',
  description: 'A memo or tenet file can be read as text: not binary, not a directory, not too large, not outside the workspace.',
  defaultSeverity: 'error',
};
