/**
 * A copy of a value whose strings own their characters. V8 keeps a substring of 13 characters or
 * more as a view into the string it was cut from, so an index entry holding a memo's title or a
 * link kept that memo's whole text alive: the index of 30,000 memos held every text (most of the
 * process's memory). Plain data only: objects, arrays, strings and other primitives.
 */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return ownCopy(value) as T;
  if (Array.isArray(value)) return value.map(detached) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = detached(v);
  return out as T;
}

/** The string as one that owns its characters: concatenating and cutting again makes V8 write them out afresh. */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
