import type { MemoStatus, Reversibility, TenetLayer } from '../vocabulary';

// The shape of the tenet usage audit: what \`audit --format json\` prints, what the editor's
// \`decisionMemos/audit\` request returns, and what the HTML renderer draws. Computed by
// server/src/audit/computeAudit.ts.

export interface TenetUsage {
  id: string;
  title: string | undefined;
  layer: TenetLayer | 'unknown';
  status: 'active' | 'retired';
  parent: string | undefined;
  file: string;
  /** Memos that cite the tenet (each memo once). */
  citations: number;
  memos: string[];
  /** Memos that judged the tenet ✗. */
  conflicts: string[];
}

export interface OwnerLoad {
  owner: string;
  /** Draft and proposed memos the owner holds. */
  open: number;
  accepted: number;
}

export interface EvidenceCoverage {
  /** Memos with this reversibility. */
  memos: number;
  /** Of those, memos with at least the required number of artifacts. */
  meeting: number;
  required: number;
}

export interface AuditMemo {
  file: string;
  id: string;
  title: string | undefined;
  status: MemoStatus | undefined;
  date: string | undefined;
}

export interface AuditReport {
  version: 1;
  root: string;
  since: string | undefined;
  /** Memo files in the audit (after `since`). */
  memos: number;
  citing: number;
  byStatus: Record<MemoStatus | 'unknown', number>;
  tenets: TenetUsage[];
  uncited: string[];
  conflicts: { tenet: string; memos: string[] }[];
  owners: OwnerLoad[];
  evidence: Record<Reversibility, EvidenceCoverage>;
  /** Memos that state no reversibility (no threshold applies). */
  evidenceUnspecified: number;
  memoList: AuditMemo[];
  /** Proposed and accepted memos whose review (review-by or stage gate) is overdue, or due in the next 30 days. */
  reviews: { overdue: ReviewItem[]; dueSoon: ReviewItem[] };
  /** Memos with a scorecard whose thresholds never force a pause. */
  scorecardsWithoutPause: string[];
  /** Costly or one-way memos whose claim names nothing that would invalidate it. */
  claimsWithoutInvalidation: string[];
  /** Evidence log rows still waiting for a decision, per memo. */
  awaitingDecision: { file: string; rows: number }[];
}

export interface ReviewItem {
  file: string;
  due: string;
  source: 'review-by' | 'stage gate';
  owners: string[];
}
