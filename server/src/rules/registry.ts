// The rule registry: every rule the checker runs, in the order of the format's rule table.
// Add a rule by writing `<rule-id>.ts` beside this file and listing it here.

import { frontMatterMissing } from './front-matter-missing';
import { frontMatterInvalid } from './front-matter-invalid';
import { ownerMissing } from './owner-missing';
import { ownerUnknown } from './owner-unknown';
import { tenetMissing } from './tenet-missing';
import { tenetUnknown } from './tenet-unknown';
import { tenetRetired } from './tenet-retired';
import { tenetRelevantUncited } from './tenet-relevant-uncited';
import { tenetOutOfScope } from './tenet-out-of-scope';
import { tenetVerdictMissing } from './tenet-verdict-missing';
import { evidenceMissing } from './evidence-missing';
import { evidenceBelowThreshold } from './evidence-below-threshold';
import { evidenceNotFound } from './evidence-not-found';
import { evidenceOutsideWorkspace } from './evidence-outside-workspace';
import { evidenceLimitsMissing } from './evidence-limits-missing';
import { evidenceStale } from './evidence-stale';
import { claimMissing } from './claim-missing';
import { claimPlaceholder } from './claim-placeholder';
import { placeholderLeft } from './placeholder-left';
import { claimInvalidationMissing } from './claim-invalidation-missing';
import { reviewOverdue } from './review-overdue';
import { sheetPartMissing } from './sheet-part-missing';
import { sheetMechanismShape } from './sheet-mechanism-shape';
import { sheetFeedbackCount } from './sheet-feedback-count';
import { stageGateUnmeasurable } from './stage-gate-unmeasurable';
import { guardrailUnmeasurable } from './guardrail-unmeasurable';
import { scorecardSignalCount } from './scorecard-signal-count';
import { scorecardThresholdMissing } from './scorecard-threshold-missing';
import { scorecardNoPause } from './scorecard-no-pause';
import { scorecardOwnerMissing } from './scorecard-owner-missing';
import { dependencyOwnerMissing } from './dependency-owner-missing';
import { evidenceLogIncomplete } from './evidence-log-incomplete';
import { evidenceLogUnlisted } from './evidence-log-unlisted';
import { decisionTypeUnknown } from './decision-type-unknown';
import { authorityMismatch } from './authority-mismatch';
import { escalationRequired } from './escalation-required';
import { ownerDeparted } from './owner-departed';
import { boundaryMissing } from './boundary-missing';
import { statusInvalid } from './status-invalid';
import { approverMissing } from './approver-missing';
import { dateInvalid } from './date-invalid';
import { supersedeBroken } from './supersede-broken';
import { memoDuplicateId } from './memo-duplicate-id';
import { memoIdConflict } from './memo-id-conflict';
import { suppressionUnused } from './suppression-unused';
import { tenetMalformed } from './tenet-malformed';
import { tenetDuplicateId } from './tenet-duplicate-id';
import { tenetParentUnknown } from './tenet-parent-unknown';
import { configInvalid, fileUnreadable, tenetFileInvalid } from './load-rules';
import type { Rule } from '../core/check/rule';

export const ALL_RULES: readonly Rule[] = [
  frontMatterMissing,
  frontMatterInvalid,
  ownerMissing,
  ownerUnknown,
  tenetMissing,
  tenetUnknown,
  tenetRetired,
  tenetRelevantUncited,
  tenetOutOfScope,
  tenetVerdictMissing,
  evidenceMissing,
  evidenceBelowThreshold,
  evidenceNotFound,
  evidenceOutsideWorkspace,
  evidenceLimitsMissing,
  evidenceStale,
  claimMissing,
  claimPlaceholder,
  placeholderLeft,
  claimInvalidationMissing,
  reviewOverdue,
  sheetPartMissing,
  sheetMechanismShape,
  sheetFeedbackCount,
  stageGateUnmeasurable,
  guardrailUnmeasurable,
  scorecardSignalCount,
  scorecardThresholdMissing,
  scorecardNoPause,
  scorecardOwnerMissing,
  dependencyOwnerMissing,
  evidenceLogIncomplete,
  evidenceLogUnlisted,
  decisionTypeUnknown,
  authorityMismatch,
  escalationRequired,
  ownerDeparted,
  boundaryMissing,
  statusInvalid,
  approverMissing,
  dateInvalid,
  supersedeBroken,
  memoDuplicateId,
  memoIdConflict,
  suppressionUnused,
  tenetMalformed,
  tenetDuplicateId,
  tenetParentUnknown,
  configInvalid,
  tenetFileInvalid,
  fileUnreadable,
];

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);
