import { computeAudit } from '../../audit/computeAudit';
import { dateProblem } from '../../core/dates';
import type { AuditParams, AuditResult } from '../../shared/protocol';
import { ServiceError, type DecisionService } from '../decisionService';

/** `decisionMemos/audit`: the tenet usage report of a folder, from the same index the diagnostics use. */
export async function audit(svc: DecisionService, params: AuditParams | undefined): Promise<AuditResult> {
  const since = params?.since;
  if (since !== undefined) {
    const problem = typeof since === 'string' ? dateProblem(since, '`since`') : '`since` must be a YYYY-MM-DD string.';
    if (problem) throw new ServiceError('invalid-params', problem);
  }
  const requested = params?.folder;
  const folder =
    requested === undefined
      ? // Implicit roots (files opened from outside every folder) are not what "the workspace" means.
        (svc.folders.all.find((f) => !f.implicit) ?? svc.folders.all[0])
      : typeof requested === 'string'
        ? svc.folders.existingFolderFor(requested)
        : undefined;
  if (!folder) {
    const which = requested === undefined ? 'The workspace has no folder' : `${String(requested)} is not a workspace folder the server knows`;
    throw new ServiceError('invalid-params', `${which}; the audit needs one.`);
  }
  // Counts over part of the index would be wrong, not just incomplete: wait for all of it.
  await folder.whenComplete();
  return computeAudit(folder.ws, since ? { since } : {});
}
