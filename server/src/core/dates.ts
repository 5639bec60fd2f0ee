// The one source of "today" for every part of the product. It is the user's local calendar date
// (a memo written late in the evening is dated today, and the CLI and the editor agree about
// `evidence-stale` around midnight); callers take it once and pass it down, so tests fix it.

/** The local calendar date of `now` as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date; undefined for anything else (date-invalid reports those). */
export function dayNumber(text: string): number | undefined {
  const written = text.trim();
  if (dateProblem(written) !== undefined) return undefined;
  return Date.UTC(Number(written.slice(0, 4)), Number(written.slice(5, 7)) - 1, Number(written.slice(8, 10))) / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
