import type { MemoRule, Report } from '../core/check/rule';
import { isPlaceholderValue } from '../core/text/placeholders';
import type { Range } from '../core/types';
import type { YamlValue } from '../core/yaml/yamlTree';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a written date is not a `YYYY-MM-DD` calendar date (a sentence about `subject`), or undefined when it is one. */
export function dateProblem(written: string, subject = 'The date'): string | undefined {
  const it = `${subject} \`${written}\``;
  const m = ISO_DATE.exec(written);
  if (!m) {
    return /^\d{4}-\d{2}-\d{2}[T ]/.test(written)
      ? `${it} carries a time; expected the date alone, as YYYY-MM-DD.`
      : `${it} is not written as YYYY-MM-DD; expected a date such as 2026-05-01.`;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `${it} has no month ${m[2]}; expected a month from 01 to 12.`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${it} is not a real date; expected a day from 01 to ${days} in ${MONTHS[month - 1]} ${year}.`;
  return undefined;
}

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
  description: 'Front matter `date` and evidence `date` values are real calendar dates written as `YYYY-MM-DD`.',
  defaultSeverity: 'error',
  check(memo, _ctx, report) {
    // Body dates (Nygard `Date:`, MADR-2 `* Date:`) are prose in records the product reads as they are; only YAML is checked.
    checkValue(memo.fields.get('date')?.value, 'The memo date', report);
    // Evidence dates drive evidence-stale: a date it cannot read would silently never be stale.
    const evidence = memo.evidenceEntry?.value;
    const items = evidence?.kind === 'seq' ? evidence.items : evidence ? [evidence] : [];
    for (const item of items) {
      const entry = item.kind === 'map' ? item.entries.find((e) => e.key === 'date') : undefined;
      if (entry) checkValue(entry.value, 'The evidence date', report);
    }
  },
};
