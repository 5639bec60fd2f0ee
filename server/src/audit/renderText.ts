import type { AuditReport } from '../shared/audit/report';
import { escapeMarkdownCell } from '../shared/audit/escape';
import { flatten, tenetForest } from '../shared/audit/hierarchy';
import { reviewsByOwner } from '../shared/audit/reviews';

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

/** Plain text for a terminal. */
export function renderText(r: AuditReport): string {
  const lines: string[] = [];
  lines.push(`Tenet usage audit${r.since ? ` since ${r.since}` : ''}: ${r.root}`);
  lines.push('');
  lines.push(`Memos: ${r.memos}; citing at least one tenet: ${r.citing} (${pct(r.citing, r.memos)})`);
  lines.push(`By status: ${Object.entries(r.byStatus).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`);
  lines.push('');
  lines.push('Citations per tenet:');
  const width = Math.max(4, ...r.tenets.map((t) => t.id.length));
  for (const t of r.tenets) lines.push(`  ${t.id.padEnd(width)}  ${String(t.citations).padStart(4)}  ${t.layer}${t.status === 'retired' ? ' (retired)' : ''}`);
  lines.push(`Uncited active tenets: ${r.uncited.join(', ') || 'none'}`);
  lines.push('');
  lines.push('Conflicts (memos that judged a tenet ✗):');
  if (r.conflicts.length === 0) lines.push('  none');
  for (const c of r.conflicts) lines.push(`  ${c.tenet}: ${c.memos.join(', ')}`);
  lines.push('');
  lines.push('Evidence by reversibility (memos meeting the threshold):');
  for (const [rev, e] of Object.entries(r.evidence)) lines.push(`  ${rev.padEnd(8)} ${e.meeting}/${e.memos} meet ≥${e.required} (${pct(e.meeting, e.memos)})`);
  if (r.evidenceUnspecified > 0) lines.push(`  ${r.evidenceUnspecified} memo(s) state no reversibility`);
  lines.push('');
  lines.push('Owners (open = draft or proposed):');
  for (const o of r.owners) lines.push(`  ${o.owner}: ${o.open} open, ${o.accepted} accepted`);
  lines.push('');
  lines.push('Tenet hierarchy (citations, including tenets below):');
  for (const { node, depth } of flatten(tenetForest(r))) lines.push(`  ${'  '.repeat(depth)}${node.tenet.id} ${node.tenet.citations} (${node.total})`);
  lines.push('');
  lines.push(...methodText(r));
  lines.push('');
  lines.push(...authorityText(r));
  return lines.join('\n') + '\n';
}

/** Where a figure cannot be computed, the text says which file it needs. */
const NO_MATRIX = 'no authority matrix (authority.yaml, or `authority:` in .decisions.yaml), so escalations cannot be judged';
const NO_PEOPLE = 'no people directory (people.yaml, or `people:` in .decisions.yaml)';

function authorityText(r: AuditReport): string[] {
  const { matrix, people } = r.authorityFiles;
  const lines: string[] = [];
  if (!matrix) lines.push(`Authority and escalation: ${NO_MATRIX}.`);
  else if (!people) lines.push(`Authority and escalation (matrix ${matrix}): ${NO_PEOPLE}, so who holds a role cannot be told and no escalation is judged.`);
  else {
    lines.push(`Authority and escalation (proposed and accepted memos, matrix ${matrix}, people ${people}):`);
    lines.push(`  Escalated without need (no trigger applies, an approver who does not decide holds escalate-to): ${r.escalations.withoutNeed.join(', ') || 'none'}`);
    lines.push(`  A trigger applies, not escalated (escalation-required): ${r.escalations.bypassed.join(', ') || 'none'}`);
  }
  if (!people) lines.push(`Open decisions whose every owner has left: not known, ${NO_PEOPLE}.`);
  else {
    lines.push(`Open decisions whose every owner has left (owner-departed):${r.departedOwners.length === 0 ? ' none' : ''}`);
    for (const d of r.departedOwners) lines.push(`  ${d.owner}${d.left ? ` (left ${d.left})` : ''}: ${d.memos.join(', ')}`);
  }
  const c = r.ownerConcentration;
  lines.push(`Open decisions (proposed or accepted) per owner: ${c.decisions} with an owner who is here${c.decisions > 0 ? `; the top three (${c.top3.join(', ')}) hold ${c.held} (${pct(c.held, c.decisions)})` : ''}`);
  const width = Math.max(0, ...c.owners.map((o) => o.owner.length));
  for (const o of c.owners) lines.push(`  ${o.owner.padEnd(width)}  ${String(o.decisions).padStart(3)}`);
  return lines;
}

function methodText(r: AuditReport): string[] {
  const lines = ['Reviews of proposed and accepted memos, by owner (overdue, and due in the next 30 days):'];
  const owners = reviewsByOwner(r);
  if (owners.length === 0) lines.push('  none');
  for (const o of owners) {
    lines.push(`  ${o.owner}: ${o.overdue.length} overdue, ${o.dueSoon.length} due soon`);
    for (const item of o.overdue) lines.push(`    overdue  ${item.due}  ${item.file} (${item.source})`);
    for (const item of o.dueSoon) lines.push(`    due      ${item.due}  ${item.file} (${item.source})`);
  }
  lines.push(`Scorecards without a pause threshold: ${r.scorecardsWithoutPause.join(', ') || 'none'}`);
  lines.push(`Costly or one-way claims without "Invalidated if:": ${r.claimsWithoutInvalidation.join(', ') || 'none'}`);
  lines.push(`Evidence-log rows awaiting a decision: ${r.awaitingDecision.map((a) => `${a.file} (${a.rows})`).join(', ') || 'none'}`);
  return lines;
}

/** Markdown tables for pasting into a review document. */
export function renderMarkdown(r: AuditReport): string {
  const c = escapeMarkdownCell;
  const out: string[] = [];
  out.push(`# Tenet usage audit${r.since ? ` since ${r.since}` : ''}`, '');
  out.push('| Memos | Citing a tenet | Share |', '|---:|---:|---:|', `| ${r.memos} | ${r.citing} | ${pct(r.citing, r.memos)} |`, '');
  out.push('## Memos by status', '', '| Status | Memos |', '|---|---:|');
  for (const [s, n] of Object.entries(r.byStatus)) if (n > 0) out.push(`| ${s} | ${n} |`);
  out.push('', '## Citations per tenet', '', '| Tenet | Title | Layer | Status | Citations | Conflicts |', '|---|---|---|---|---:|---:|');
  for (const t of r.tenets) out.push(`| ${c(t.id)} | ${c(t.title ?? '')} | ${t.layer} | ${t.status} | ${t.citations} | ${t.conflicts.length} |`);
  out.push('', `**Uncited active tenets:** ${r.uncited.map(c).join(', ') || 'none'}`, '');
  out.push('## Conflicts', '', '| Tenet | Memos that judged it ✗ |', '|---|---|');
  for (const k of r.conflicts) out.push(`| ${c(k.tenet)} | ${k.memos.map(c).join(', ')} |`);
  if (r.conflicts.length === 0) out.push('| – | none |');
  out.push('', '## Evidence by reversibility', '', '| Reversibility | Required | Memos | Meeting | Share |', '|---|---:|---:|---:|---:|');
  for (const [rev, e] of Object.entries(r.evidence)) out.push(`| ${rev} | ${e.required} | ${e.memos} | ${e.meeting} | ${pct(e.meeting, e.memos)} |`);
  out.push('', '## Owners', '', '| Owner | Open | Accepted |', '|---|---:|---:|');
  for (const o of r.owners) out.push(`| ${c(o.owner)} | ${o.open} | ${o.accepted} |`);
  out.push('', '## Tenet hierarchy', '', '| Tenet | Layer | Citations | With tenets below |', '|---|---|---:|---:|');
  for (const { node, depth } of flatten(tenetForest(r))) out.push(`| ${'&nbsp;&nbsp;'.repeat(depth * 2)}${c(node.tenet.id)} | ${node.tenet.layer} | ${node.tenet.citations} | ${node.total} |`);
  out.push('', '## Reviews by owner', '', 'Proposed and accepted memos whose review (`review-by` or a stage gate) is overdue or due in the next 30 days.', '', '| Owner | Memo | Due | From | State |', '|---|---|---|---|---|');
  const owners = reviewsByOwner(r);
  for (const o of owners) {
    for (const item of o.overdue) out.push(`| ${c(o.owner)} | ${c(item.file)} | ${item.due} | ${item.source} | **overdue** |`);
    for (const item of o.dueSoon) out.push(`| ${c(o.owner)} | ${c(item.file)} | ${item.due} | ${item.source} | due soon |`);
  }
  if (owners.length === 0) out.push('| – | none | | | |');
  out.push('', '## The method', '', '| Finding | Memos |', '|---|---|');
  out.push(`| Scorecards without a pause threshold | ${r.scorecardsWithoutPause.map(c).join(', ') || 'none'} |`);
  out.push(`| Costly or one-way claims without \`Invalidated if:\` | ${r.claimsWithoutInvalidation.map(c).join(', ') || 'none'} |`);
  out.push(`| Evidence-log rows awaiting a decision | ${r.awaitingDecision.map((a) => `${c(a.file)} (${a.rows})`).join(', ') || 'none'} |`);
  out.push(...authorityMarkdown(r));
  out.push('', '## Memos', '', '| Id | Title | Status | Date |', '|---|---|---|---|');
  for (const m of r.memoList) out.push(`| ${c(m.id)} | ${c(m.title ?? '')} | ${m.status ?? 'unknown'} | ${c(m.date ?? '')} |`);
  return out.join('\n') + '\n';
}

function authorityMarkdown(r: AuditReport): string[] {
  const c = escapeMarkdownCell;
  const { matrix, people } = r.authorityFiles;
  const files = (list: readonly string[]) => list.map(c).join(', ') || 'none';
  const out = ['', '## Authority and escalation', ''];
  out.push(matrix ? `Proposed and accepted memos, judged against \`${c(matrix)}\`${people ? ` and \`${c(people)}\`` : ''}.` : `Escalations are not judged: ${NO_MATRIX}.`);
  if (matrix && !people) out.push('', `${NO_PEOPLE}: who holds a role cannot be told, so no escalation is judged.`);
  if (!people) out.push('', `Departed owners are not known: ${NO_PEOPLE}.`);
  if (people) out.push('', '| Finding | Memos |', '|---|---|');
  if (matrix && people) {
    out.push(`| Escalated without need (no trigger applies, yet an approver who does not decide holds \`escalate-to\`) | ${files(r.escalations.withoutNeed)} |`);
    out.push(`| A trigger applies, not escalated (\`escalation-required\`) | ${files(r.escalations.bypassed)} |`);
  }
  if (people) {
    if (r.departedOwners.length === 0) out.push('| Every owner has left (`owner-departed`) | none |');
    for (const d of r.departedOwners) out.push(`| Every owner has left: ${c(d.owner)}${d.left ? ` (left ${d.left})` : ''} | ${files(d.memos)} |`);
  }
  const k = r.ownerConcentration;
  out.push('', '## Open decisions per owner', '');
  out.push(k.decisions === 0 ? 'No proposed or accepted memo has an owner who is here.' : `${k.decisions} proposed or accepted memos have an owner who is here; the top three (${k.top3.map(c).join(', ')}) hold ${k.held} of them (${pct(k.held, k.decisions)}).`);
  if (k.owners.length > 0) {
    out.push('', '| Owner | Open decisions | Share |', '|---|---:|---:|');
    for (const o of k.owners) out.push(`| ${c(o.owner)} | ${o.decisions} | ${pct(o.decisions, k.decisions)} |`);
  }
  return out;
}
