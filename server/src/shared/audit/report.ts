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
  /** The authority matrix and people directory the escalation and ownership figures read (undefined: the workspace has none). */
  authorityFiles: { matrix: string | undefined; people: string | undefined };
  /**
   * Proposed and accepted memos of a matrix type. `withoutNeed`: no trigger of the type applies, yet
   * an approver who is no decider of it holds its `escalate-to`. `bypassed`: a trigger applies and
   * no approver or owner holds `escalate-to` (what `escalation-required` reports).
   */
  escalations: { withoutNeed: string[]; bypassed: string[] };
  /** Proposed and accepted memos every owner of which has left (what `owner-departed` reports), by departed owner. */
  departedOwners: DepartedOwner[];
  /** How the open decisions (proposed and accepted) are spread over the owners who are still here. */
  ownerConcentration: OwnerConcentration;
}

export interface DepartedOwner {
  owner: string;
  /** The `left:` date, when the directory gives one. */
  left: string | undefined;
  memos: string[];
}

export interface OwnerConcentration {
  /** Proposed and accepted memos with at least one owner who has not left. */
  decisions: number;
  /** Open decisions per owner (a memo counts for each of its owners), most first. */
  owners: { owner: string; decisions: number }[];
  /** The three owners with the most open decisions (ties by name). */
  top3: string[];
  /** Open decisions at least one of `top3` owns. */
  held: number;
  /** `held / decisions`, rounded to three places; undefined when there is no open decision. */
  top3Share: number | undefined;
}

export interface ReviewItem {
  file: string;
  due: string;
  source: 'review-by' | 'stage gate';
  owners: string[];
}
