import type { Rule } from '../core/check/rule';

// `decision-memos rules`: every rule the checker knows, with its default severity, so a user can
// write the `rules:` section of `.decisions.yaml` without opening the docs.

/** One line per rule: `id  severity  description`, aligned. */
export function formatRuleList(rules: readonly Rule[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const severityWidth = Math.max(...rules.map((r) => r.defaultSeverity.length));
  return rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(severityWidth)}  ${r.description}`).join('\n') + '\n';
}
