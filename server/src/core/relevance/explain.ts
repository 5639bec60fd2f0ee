import type { Relevance } from './model';

/** Matched words shown in a message. */
const MAX_WORDS = 4;

/** Why a tenet looks relevant, as a clause for messages and fix titles: the words, the trade-off, the teaching memos. */
export function whyRelevant(r: Relevance): string {
  const parts: string[] = [];
  if (r.matched.length > 0) parts.push(`mentions ${r.matched.slice(0, MAX_WORDS).join(', ')}`);
  if (r.bothSides) parts.push('weighs both sides of its trade-off');
  else if (r.situation) parts.push('faces its situation');
  if (r.taughtBy > 0) parts.push(`${r.taughtBy === 1 ? '1 memo cites' : `${r.taughtBy} memos cite`} it`);
  return parts.length === 0 ? 'shares its subject' : parts.join('; ');
}
