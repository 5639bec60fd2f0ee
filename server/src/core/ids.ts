// Identifier shapes shared by the parser, the registry and the rules.

/** Tenet identifiers: `T-001`, `ENG-LATENCY`. */
export const TENET_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;
/** An inline citation `[[ID]]`; the id is validated separately so `[[eng-latency]]` can be reported. */
export const INLINE_CITATION = /\[\[([^[\]\n]{1,80})\]\]/g;

/** `docs/adr/0007-use-x.md` → `0007`; `use-x.md` → `use-x`; `20200925-use-x.md` → `20200925-use-x`. */
export function memoIdFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  const stem = base.replace(/\.(md|markdown|mdx)$/i, '');
  // A date prefix (log4brains: `20200925-use-x`) is shared by records of the same day: the
  // whole name is the id there, as log4brains itself uses it.
  if (/^(19|20)\d{6}(?:[-_. ]|$)/.test(stem)) return stem;
  const m = /^(\d+)(?:[-_. ]|$)/.exec(stem);
  return m ? m[1]! : stem;
}

/**
 * Reads a memo reference as written in `supersedes:` or a MADR status: a bare id, a file name,
 * or a markdown link to one (`[ADR-0005](0005-foo.md)`).
 */
export function memoRefToId(ref: string): string {
  const link = /\]\(([^)\s]+)\)/.exec(ref);
  const target = (link ? link[1]! : ref).trim().replace(/[#?].*$/, '');
  if (/\.(md|markdown|mdx)$/i.test(target)) return memoIdFromPath(target);
  const bare = /^\[?([^\]\s]+)\]?$/.exec(target);
  return bare ? bare[1]! : target;
}

export function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^mailto:/i.test(text);
}
