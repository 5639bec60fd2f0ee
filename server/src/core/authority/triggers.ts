// Escalation triggers: the words a matrix row and a memo's `impact` share, and when each applies.
import type { Located } from '../types';

/** Triggers every matrix may name without defining them (`spend-over:<n>` besides). */
export const BUILT_IN_TRIGGERS = ['cross-team', 'customer-data', 'precedent', 'one-way', 'costly'] as const;

/** A trigger as compared: lower case, no spaces around the `:` of `spend-over`. */
export function triggerKey(written: string): string {
  // Not `/\s*:\s*/`: on a long run of spaces without a colon that regex takes quadratic time.
  const t = written.trim().toLowerCase();
  const colon = t.indexOf(':');
  return colon < 0 ? t : `${t.slice(0, colon).trimEnd()}:${t.slice(colon + 1).trimStart()}`;
}

/** No amount is longer than this (`$1,000,000,000,000.00 EUR` is 25): longer text is not one. */
const MAX_AMOUNT_CHARS = 64;

/**
 * An amount as people write it: `50000`, `50_000`, `50,000`, `$50k`, `1.5m`, `€2M`, `5e4` (a YAML
 * number). Undefined when it is not one (`lots`, `tbd`, a negative number, one too large to hold).
 */
export function parseAmount(written: string | number): number | undefined {
  if (typeof written === 'number') return Number.isFinite(written) && written >= 0 ? written : undefined;
  // Spaces between the parts are optional and single once collapsed: runs of `\s*` side by side
  // made the match take cubic time on a long run of spaces.
  const text = written.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_AMOUNT_CHARS) return undefined;
  const m = /^[$€£¥]? ?(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?([eE]\+?\d+)?(?: ?([kKmM]))?(?: ?[A-Za-z]{3})?$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/[,_]/g, '') + (m[2] ?? '') + (m[3] ?? ''));
  const scale = m[4] ? (m[4].toLowerCase() === 'k' ? 1_000 : 1_000_000) : 1;
  const n = base * scale;
  return Number.isFinite(n) ? n : undefined;
}

/** The amount of a `spend-over:<n>` trigger, or undefined when it names none. */
export function parseSpendOver(key: string): number | undefined {
  const m = /^spend-over:(.+)$/.exec(key);
  return m ? parseAmount(m[1]!) : undefined;
}

/** What a memo says that triggers read. */
export interface TriggerFacts {
  impact: string[];
  reversibility: string | undefined;
  spend: number | undefined;
}

/**
 * Whether a trigger of the matrix applies to a memo: listed in its `impact`, or, for the built-in
 * `one-way` / `costly`, its reversibility (`costly` means at least costly to undo, so a one-way
 * decision triggers it too), or, for `spend-over:<n>`, a `spend` above n.
 */
export function triggerApplies(trigger: string, memo: TriggerFacts): boolean {
  if (memo.impact.includes(trigger)) return true;
  if (trigger === 'one-way') return memo.reversibility === 'one-way';
  if (trigger === 'costly') return memo.reversibility === 'costly' || memo.reversibility === 'one-way';
  const over = parseSpendOver(trigger);
  return over !== undefined && memo.spend !== undefined && memo.spend > over;
}

/** The triggers of a row that apply to a memo, as the row writes them. */
export function appliedTriggers(triggers: Located<string>[], memo: TriggerFacts): Located<string>[] {
  return triggers.filter((t) => triggerApplies(t.value, memo));
}
