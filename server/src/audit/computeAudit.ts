import type { AuditReport, EvidenceCoverage, OwnerLoad, ReviewItem, TenetUsage } from '../shared/audit/report';
import { dayNumber } from '../core/dates';
import { authorityFigures } from './authorityFigures';
import type { MemoSummary } from '../core/workspace/memoIndex';
import { findPerson } from '../core/workspace/people';
import type { Workspace } from '../core/workspace/workspace';
import { MEMO_STATUSES, REVERSIBILITIES, type Reversibility } from '../shared/vocabulary';

// The tenet usage audit: figures a leadership team reviews each quarter, computed from the
// workspace index (the same index `check` and the editor use). Pure: no I/O, no clock.

export interface AuditOptions {
  /** Only memos dated on or after this `YYYY-MM-DD` day (undated memos are left out). */
  since?: string;
}

/** Computes the audit from an indexed workspace. */
export function computeAudit(ws: Workspace, options: AuditOptions = {}): AuditReport {
  const memos = ws.memos.all.filter((m) => inPeriod(m, options.since));
  const byStatus = Object.fromEntries([...MEMO_STATUSES, 'unknown'].map((s) => [s, 0])) as AuditReport['byStatus'];
  for (const m of memos) byStatus[m.status ?? 'unknown']++;

  const citingMemos = new Map<string, string[]>();
  const conflictMemos = new Map<string, string[]>();
  for (const m of memos) {
    for (const id of m.cited) push(citingMemos, id, m.file);
    for (const id of m.conflicts) push(conflictMemos, id, m.file);
  }

  const tenets: TenetUsage[] = ws.registry.all
    .map((t) => ({
      id: t.id,
      title: t.title,
      layer: ws.registry.layerOf(t) ?? ('unknown' as const),
      status: t.status,
      parent: t.parent?.value,
      file: t.file,
      citations: citingMemos.get(t.id)?.length ?? 0,
      memos: citingMemos.get(t.id) ?? [],
      conflicts: conflictMemos.get(t.id) ?? [],
    }))
    .sort((a, b) => b.citations - a.citations || compare(a.id, b.id));

  const owners = new Map<string, OwnerLoad>();
  // One person written as an id in one memo and an email in another is still one person.
  const canonical = (who: string) => (ws.people ? (findPerson(ws.people, who)?.id ?? who) : who);
  for (const m of memos) {
    for (const owner of new Set(m.owners.map(canonical))) {
      const load = owners.get(owner) ?? { owner, open: 0, accepted: 0 };
      if (m.status === 'draft' || m.status === 'proposed') load.open++;
      if (m.status === 'accepted') load.accepted++;
      owners.set(owner, load);
    }
  }

  const evidence = Object.fromEntries(
    REVERSIBILITIES.map((r) => {
      const required = ws.config.evidence.required[r];
      const these = memos.filter((m) => m.reversibility === r);
      return [r, { memos: these.length, meeting: these.filter((m) => m.evidenceCount >= required).length, required }];
    }),
  ) as Record<Reversibility, EvidenceCoverage>;

  return {
    version: 1,
    root: ws.fs.root,
    since: options.since,
    memos: memos.length,
    citing: memos.filter((m) => m.cited.length > 0).length,
    byStatus,
    tenets,
    uncited: tenets.filter((t) => t.status === 'active' && t.citations === 0).map((t) => t.id).sort(),
    conflicts: [...conflictMemos].map(([tenet, files]) => ({ tenet, memos: files })).sort((a, b) => b.memos.length - a.memos.length || compare(a.tenet, b.tenet)),
    owners: [...owners.values()].sort((a, b) => b.open - a.open || b.accepted - a.accepted || compare(a.owner, b.owner)),
    evidence,
    evidenceUnspecified: memos.filter((m) => m.reversibility === undefined).length,
    memoList: memos.map((m) => ({ file: m.file, id: m.id, title: m.title, status: m.status, date: m.date })),
    reviews: reviewsOf(memos, ws.today),
    scorecardsWithoutPause: memos.filter((m) => (m.method?.scorecardsWithoutPause ?? 0) > 0).map((m) => m.file),
    claimsWithoutInvalidation: memos.filter((m) => m.method?.claimWithoutInvalidation).map((m) => m.file),
    awaitingDecision: memos.filter((m) => (m.method?.awaitingDecision ?? 0) > 0).map((m) => ({ file: m.file, rows: m.method!.awaitingDecision })),
    ...authorityFigures(ws, memos),
  };
}

/** How far ahead "due soon" looks. */
const DUE_SOON_DAYS = 30;

/** Reviews of open decisions: overdue (and not reviewed since), and due within DUE_SOON_DAYS, soonest first. */
function reviewsOf(memos: readonly MemoSummary[], today: string): AuditReport['reviews'] {
  const now = dayNumber(today);
  const overdue: ReviewItem[] = [];
  const dueSoon: ReviewItem[] = [];
  if (now === undefined) return { overdue, dueSoon };
  for (const m of memos) {
    if ((m.status !== 'proposed' && m.status !== 'accepted') || !m.method) continue;
    const reviewed = m.method.reviewed ? dayNumber(m.method.reviewed) : undefined;
    for (const d of m.method.dues) {
      const day = dayNumber(d.due);
      if (day === undefined || (reviewed !== undefined && reviewed >= day)) continue;
      const item = { file: m.file, due: d.due, source: d.source, owners: m.owners };
      if (day < now) overdue.push(item);
      else if (day - now <= DUE_SOON_DAYS) dueSoon.push(item);
    }
  }
  const byDue = (a: ReviewItem, b: ReviewItem) => compare(a.due, b.due) || compare(a.file, b.file);
  return { overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}

function inPeriod(m: MemoSummary, since: string | undefined): boolean {
  if (!since) return true;
  const date = m.date?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  return date !== undefined && date >= since;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the JSON form says about where it comes from, so `audit --merge` can tell reports apart and refuse a foreign one. */
export interface AuditJsonMeta {
  tool: { name: string; version: string };
  /** The repository the report is about (`--name`; default: the workspace folder's name). */
  name: string;
  /** The day the report was made (`YYYY-MM-DD`): overdue reviews are overdue as of this day. */
  date: string;
}

/** The JSON form of the audit: the documented shape, stable for scripts. */
export function auditToJson(report: AuditReport, meta?: AuditJsonMeta): object {
  return {
    ...(meta ? { tool: { name: meta.tool.name, version: meta.tool.version } } : {}),
    version: report.version,
    ...(meta ? { name: meta.name, date: meta.date } : {}),
    root: report.root,
    ...(report.since ? { since: report.since } : {}),
    memos: report.memos,
    citing: report.citing,
    byStatus: report.byStatus,
    tenets: report.tenets.map((t) => ({ id: t.id, title: t.title, layer: t.layer, status: t.status, parent: t.parent, citations: t.citations, memos: t.memos })),
    uncited: report.uncited,
    conflicts: report.conflicts,
    owners: report.owners,
    evidence: report.evidence,
    evidenceUnspecified: report.evidenceUnspecified,
    reviews: report.reviews,
    scorecardsWithoutPause: report.scorecardsWithoutPause,
    claimsWithoutInvalidation: report.claimsWithoutInvalidation,
    awaitingDecision: report.awaitingDecision,
    // null, not absent: a script can tell "no matrix" from a missing key.
    authorityFiles: { matrix: report.authorityFiles.matrix ?? null, people: report.authorityFiles.people ?? null },
    escalations: report.escalations,
    departedOwners: report.departedOwners.map((d) => ({ owner: d.owner, ...(d.left ? { left: d.left } : {}), memos: d.memos })),
    ownerConcentration: { ...report.ownerConcentration, top3Share: report.ownerConcentration.top3Share ?? null },
  };
}
