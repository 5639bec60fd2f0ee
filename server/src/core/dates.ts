// The one source of "today" for every part of the product. It is the user's local calendar date
// (a memo written late in the evening is dated today, and the CLI and the editor agree about
// `evidence-stale` around midnight); callers take it once and pass it down, so tests fix it.

/** The local calendar date of `now` as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
