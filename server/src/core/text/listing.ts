// Messages that name other places (the other definitions of a duplicate id) must stay short
// however many places there are: listing them all makes each message as long as the list, and
// the report as large as its square (5,000 copies of one tenet id: half a gigabyte of text).

/** How many places a message names before it says how many more there are. */
const MAX_LISTED = 5;
/** How many related locations a diagnostic carries. */
export const MAX_RELATED = 20;

/** `a, b, c` — or `a, b, c, d, e and 7 more` past MAX_LISTED items (only those named are formatted). */
export function listSome<T>(items: readonly T[], name: (item: T) => string, max = MAX_LISTED): string {
  const named = items.slice(0, max).map(name).join(', ');
  return items.length <= max ? named : `${named} and ${items.length - max} more`;
}
