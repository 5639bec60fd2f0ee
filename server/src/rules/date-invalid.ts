import type { MemoRule, Report } from '../core/check/rule';
import { dateProblem } from '../core/dates';
import { isPlaceholderValue } from '../core/text/placeholders';
import type { Range } from '../core/types';
import type { YamlValue } from '../core/yaml/yamlTree';
import { logEntries } from '../core/evidence/logEntries';
import { gateDue, REVIEW_BY_KEYS } from '../core/memo/method';

const REVIEW_DATE_KEYS = [...REVIEW_BY_KEYS, 'reviewed'] as const;

/**
 * The date as written. YAML 1.2 keeps `2026-05-01` a string, but `20260501` is a number and
 * `0501` loses its zero, so anything that is not a string is read from its source text.
 */
function writtenDate(value: YamlValue | undefined): { text: string; range: Range } | { nonScalar: Range } | undefined {
  if (!value) return undefined;
  if (value.kind !== 'scalar') return { nonScalar: value.range };
  if (value.value === null) return undefined;
  const text = (typeof value.value === 'string' ? value.value : value.source).trim();
  return text === '' ? undefined : { text, range: value.range };
}

function checkValue(value: YamlValue | undefined, subject: string, report: Report): void {
  const written = writtenDate(value);
  if (!written) return;
  if ('nonScalar' in written) {
    report({ range: written.nonScalar, message: `${subject} holds a list or a structure; expected one date written as YYYY-MM-DD.` });
    return;
  }
  // A blank (`YYYY-MM-DD`) is placeholder-left's.
  if (isPlaceholderValue(written.text)) return;
  const problem = dateProblem(written.text, subject);
  if (problem) report({ range: written.range, message: problem });
}

export const dateInvalid: MemoRule = {
  id: 'date-invalid',
  target: 'memo',
  description: 'Dates are real calendar dates written as `YYYY-MM-DD`: the memo `date`, `review-by` and `reviewed`, evidence dates, evidence log dates and stage gate dates.',
  defaultSeverity: 'error',
  check(memo, _ctx, report) {
    // Body dates (Nygard `Date:`, MADR-2 `* Date:`) are prose in records the product reads as they are; only YAML is checked.
    checkValue(memo.fields.get('date')?.value, 'The memo date', report);
    // Review dates drive review-overdue: one it cannot read would never fall due, or never clear.
    for (const key of REVIEW_DATE_KEYS) checkValue(memo.fields.get(key)?.value, `The \`${key}\` date`, report);
    // Evidence dates drive evidence-stale: a date it cannot read would silently never be stale.
    const evidence = memo.evidenceEntry?.value;
    const items = evidence?.kind === 'seq' ? evidence.items : evidence ? [evidence] : [];
    for (const item of items) {
      const entry = item.kind === 'map' ? item.entries.find((e) => e.key === 'date') : undefined;
      if (entry) checkValue(entry.value, 'The evidence date', report);
    }
    // Dates in the body's structures: evidence log cells and stage gates.
    for (const entry of logEntries(memo)) {
      if (!entry.date || isPlaceholderValue(entry.date.value)) continue;
      const problem = dateProblem(entry.date.value, 'The evidence log date');
      if (problem) report({ range: entry.date.range, message: problem });
    }
    for (const sheet of memo.structures.sheets) {
      const gate = sheet.parts.get('stage gate');
      const due = gate ? gateDue(gate, memo) : undefined;
      if (gate && due?.kind === 'date' && !due.valid) {
        const at = memo.lines.offsetAt(gate.valueRange.start) + gate.value.indexOf(due.date);
        report({ range: memo.lines.rangeOf(at, at + due.date.length), message: dateProblem(due.date, 'The stage gate date')! });
      }
    }
  },
};
