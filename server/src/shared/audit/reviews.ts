import type { AuditReport, ReviewItem } from './report';

/** The owner a review without owners is filed under. */
const NO_OWNER = '(no owner)';

export interface OwnerReviews {
  owner: string;
  overdue: ReviewItem[];
  dueSoon: ReviewItem[];
}

/**
 * Reviews grouped by owner, owners with the most overdue first: the question a review meeting
 * asks is "who has decisions waiting", so a memo with two owners appears under both.
 */
export function reviewsByOwner(r: AuditReport): OwnerReviews[] {
  const byOwner = new Map<string, OwnerReviews>();
  const add = (item: ReviewItem, kind: 'overdue' | 'dueSoon') => {
    for (const owner of item.owners.length > 0 ? item.owners : [NO_OWNER]) {
      let entry = byOwner.get(owner);
      if (!entry) byOwner.set(owner, (entry = { owner, overdue: [], dueSoon: [] }));
      entry[kind].push(item);
    }
  };
  for (const item of r.reviews.overdue) add(item, 'overdue');
  for (const item of r.reviews.dueSoon) add(item, 'dueSoon');
  return [...byOwner.values()].sort((a, b) => b.overdue.length - a.overdue.length || b.dueSoon.length - a.dueSoon.length || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
}
