import type { MergedAudit } from './mergedReport';
import { escapeMarkdownCell } from '../shared/audit/escape';

// The merged audit (`audit --merge`) as plain text and as markdown tables.

const pct = (share: number | undefined) => (share === undefined ? '–' : `${Math.round(100 * share)}%`);
const periodNote = (m: MergedAudit) =>
  m.periods.length > 1 ? `The reports cover different periods: ${m.periods.map((p) => (p ? `since ${p}` : 'all memos')).join(', ')}.` : undefined;
/** Control characters in report text would let a report forge lines of this one. */
const line = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');

/** Plain text for a terminal. */
export function renderMergedText(m: MergedAudit): string {
  const t = m.totals;
  const out: string[] = [];
  out.push(`Merged tenet usage audit: ${t.repositories} repositories, ${t.memos} memos, ${t.citing} citing a tenet (${pct(t.share)})`);
  const note = periodNote(m);
  if (note) out.push(note);
  out.push('', 'Repositories (memos, citing a tenet, share, ✗ judgements, overdue reviews):');
  const width = Math.max(4, ...m.repositories.map((r) => line(r.name).length));
  for (const r of m.repositories) out.push(`  ${line(r.name).padEnd(width)}  ${String(r.memos).padStart(6)}  ${String(r.citing).padStart(6)}  ${pct(r.share).padStart(4)}  ${String(r.conflicts).padStart(4)}  ${String(r.overdue).padStart(4)}`);
  out.push('', 'Company tenets cited (repositories citing / holding it, memos):');
  if (m.companyTenets.length === 0) out.push('  none');
  const idWidth = Math.max(4, ...m.companyTenets.map((c) => line(c.id).length));
  for (const c of m.companyTenets) out.push(`  ${line(c.id).padEnd(idWidth)}  ${c.repositories.length}/${c.known}  ${c.memos}`);
  out.push(`Company tenets no memo of any repository cites: ${m.companyUncited.map((c) => line(c.id)).join(', ') || 'none'}`);
  out.push('', `Conflicts: ${t.conflicts} ✗ judgement(s) in all; tenets judged ✗ in more than one repository:`);
  if (m.conflicts.length === 0) out.push('  none');
  for (const c of m.conflicts) out.push(`  ${line(c.tenet)}: ${c.repositories.map((r) => `${line(r.name)} (${r.memos.length})`).join(', ')}`);
  out.push('', 'Owners with decisions in more than one repository (open = draft or proposed):');
  if (m.owners.length === 0) out.push('  none');
  for (const o of m.owners) out.push(`  ${line(o.owner)}: ${o.open} open, ${o.accepted} accepted in ${o.repositories.map((r) => `${line(r.name)} (${r.open}/${r.accepted})`).join(', ')}`);
  out.push('', `Overdue reviews: ${t.overdue}${t.overdue > 0 ? ' (as of each report\'s date)' : ''}`);
  for (const r of m.overdue) {
    out.push(`  ${line(r.name)} (${r.items.length}, ${r.date}):`);
    for (const i of r.items) out.push(`    ${line(i.due)}  ${line(i.file)} (${i.source})${i.owners.length ? ` ${i.owners.map(line).join(', ')}` : ''}`);
  }
  return out.join('\n') + '\n';
}

/** Markdown tables for a review document. */
export function renderMergedMarkdown(m: MergedAudit): string {
  const c = escapeMarkdownCell;
  const t = m.totals;
  const out: string[] = ['# Merged tenet usage audit', ''];
  const note = periodNote(m);
  if (note) out.push(c(note), '');
  out.push('| Repositories | Memos | Citing a tenet | Share | ✗ judgements | Overdue reviews |', '|---:|---:|---:|---:|---:|---:|');
  out.push(`| ${t.repositories} | ${t.memos} | ${t.citing} | ${pct(t.share)} | ${t.conflicts} | ${t.overdue} |`, '');
  out.push('## Adoption per repository', '', '| Repository | Memos | Citing a tenet | Share | ✗ judgements | Overdue reviews | Report of |', '|---|---:|---:|---:|---:|---:|---|');
  for (const r of m.repositories) out.push(`| ${c(r.name)} | ${r.memos} | ${r.citing} | ${pct(r.share)} | ${r.conflicts} | ${r.overdue} | ${c(r.date)}${r.since ? ` (since ${c(r.since)})` : ''} |`);
  out.push('', '## Company tenets across repositories', '', '| Tenet | Title | Repositories citing | Holding it | Memos |', '|---|---|---:|---:|---:|');
  for (const k of m.companyTenets) out.push(`| ${c(k.id)} | ${c(k.title ?? '')} | ${k.repositories.length} | ${k.known} | ${k.memos} |`);
  if (m.companyTenets.length === 0) out.push('| – | none | | | |');
  out.push('', `**Company tenets no memo cites:** ${m.companyUncited.map((k) => c(k.id)).join(', ') || 'none'}`, '');
  out.push('## Conflicts across repositories', '', `${t.conflicts} ✗ judgement(s) in all.`, '', '| Tenet | Repositories (memos that judged it ✗) |', '|---|---|');
  for (const k of m.conflicts) out.push(`| ${c(k.tenet)} | ${k.repositories.map((r) => `${c(r.name)} (${r.memos.length})`).join(', ')} |`);
  if (m.conflicts.length === 0) out.push('| – | none in more than one repository |');
  out.push('', '## Owners across repositories', '', '| Owner | Repositories | Open | Accepted | Where (open/accepted) |', '|---|---:|---:|---:|---|');
  for (const o of m.owners) out.push(`| ${c(o.owner)} | ${o.repositories.length} | ${o.open} | ${o.accepted} | ${o.repositories.map((r) => `${c(r.name)} (${r.open}/${r.accepted})`).join(', ')} |`);
  if (m.owners.length === 0) out.push('| – | none | | | |');
  out.push('', '## Overdue reviews', '', `${t.overdue} in all, as of each report's date.`, '', '| Repository | Memo | Due | From | Owners |', '|---|---|---|---|---|');
  for (const r of m.overdue) for (const i of r.items) out.push(`| ${c(r.name)} | ${c(i.file)} | ${c(i.due)} | ${i.source} | ${i.owners.map(c).join(', ')} |`);
  if (m.overdue.length === 0) out.push('| – | none | | | |');
  return out.join('\n') + '\n';
}
