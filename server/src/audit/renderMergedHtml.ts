import type { MergedAudit } from './mergedReport';
import { escapeHtml as e } from '../shared/audit/escape';
import { BAR, COUNT, kpi, labelWidth, pageHead, ROW, STANDALONE_CSP, svg } from '../shared/audit/renderHtml';

// The merged audit (`audit --merge`) as one self-contained HTML page, drawn like the single
// repository's page (shared/audit/renderHtml.ts): inline CSS and SVG, no script, nothing loaded.
// Every piece of report text is escaped: a repository name is whatever its CI passed to --name.

/** Longest repository name drawn in the chart's label column; the full name is in the bar's tooltip. */
const MAX_LABEL = 40;

const pct = (share: number | undefined) => (share === undefined ? '–' : `${Math.round(100 * share)}%`);

/** Renders the merged audit as a complete HTML document. */
export function renderMergedHtml(m: MergedAudit): string {
  const t = m.totals;
  const title = 'Merged tenet usage audit';
  const periods = m.periods.length > 1 ? `<p class="root">The reports cover different periods: ${e(m.periods.map((p) => (p ? `since ${p}` : 'all memos')).join(', '))}.</p>` : '';
  return `${pageHead(title, STANDALONE_CSP)}
<h1>${e(title)}</h1>
<p class="root">${t.repositories} repositories</p>
${periods}
<section class="kpis">
  ${kpi('Repositories', String(t.repositories))}
  ${kpi('Memos', String(t.memos))}
  ${kpi('Citing a tenet', `${t.citing} (${pct(t.share)})`)}
  ${kpi('Company tenets never cited', String(m.companyUncited.length))}
  ${kpi('✗ judgements', String(t.conflicts))}
  ${kpi('Reviews overdue', String(t.overdue))}
</section>
<section><h2>Adoption per repository</h2>${adoptionChart(m)}</section>
<div class="grid">
<section><h2>Company tenets across repositories</h2>${companyTable(m)}</section>
<section><h2>Conflicts across repositories</h2>${conflictsTable(m)}</section>
<section><h2>Owners across repositories</h2>${ownersTable(m)}</section>
<section><h2>Overdue reviews</h2>${overdueTable(m)}</section>
</div>
<section><h2>Repositories</h2>${repositoriesTable(m)}</section>
</body>
</html>
`;
}

function short(name: string): string {
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
}

/** One bar per repository: its length the memos (against the largest repository), filled for the memos citing a tenet. */
function adoptionChart(m: MergedAudit): string {
  if (m.repositories.length === 0) return '<p>No repositories.</p>';
  const max = Math.max(1, ...m.repositories.map((r) => r.memos));
  const left = labelWidth(m.repositories.map((r) => short(r.name)));
  const rows = m.repositories.map((r, i) => {
    const y = i * ROW;
    const all = Math.max(r.memos > 0 ? 2 : 0, Math.round((BAR * r.memos) / max));
    const citing = Math.round((BAR * r.citing) / max);
    return `<g><title>${e(`${r.name}: ${r.citing} of ${r.memos} memos cite a tenet (${pct(r.share)})`)}</title>
<text x="${left - 6}" y="${y + 15}" text-anchor="end" class="label">${e(short(r.name))}</text>
<rect x="${left}" y="${y + 3}" width="${all}" height="${ROW - 6}" class="bar ${r.memos ? 'below' : 'none'}"/>
<rect x="${left}" y="${y + 3}" width="${citing}" height="${ROW - 6}" class="bar meeting"/>
<text x="${left + all + 6}" y="${y + 15}" class="count">${r.citing}/${r.memos} (${pct(r.share)})</text></g>`;
  });
  const legend = `<p class="legend"><span class="sw meeting"></span> memos citing a tenet <span class="sw below"></span> memos citing none · bar length: memos, against the largest repository (${max})</p>`;
  return svg(left + BAR + COUNT + 40, m.repositories.length * ROW, rows.join(''), 'Memos per repository and the share citing a tenet') + legend;
}

function companyTable(m: MergedAudit): string {
  const uncited = `<p class="legend">Never cited in any repository: ${m.companyUncited.map((t) => `<code>${e(t.id)}</code>`).join(', ') || 'none'}</p>`;
  if (m.companyTenets.length === 0) return `<p>No memo cites a company tenet.</p>${uncited}`;
  const rows = m.companyTenets.map((t) => `<tr><td class="id" title="${e(t.title ?? '')}">${e(t.id)}</td><td class="n">${t.repositories.length} of ${t.known}</td><td class="n">${t.memos}</td></tr>`);
  return `<table><thead><tr><th>Tenet</th><th>Repositories citing (of those holding it)</th><th>Memos</th></tr></thead><tbody>${rows.join('')}</tbody></table>${uncited}`;
}

function conflictsTable(m: MergedAudit): string {
  const total = `<p class="legend">${m.totals.conflicts} ✗ judgement(s) in all.</p>`;
  if (m.conflicts.length === 0) return `<p>No tenet is judged ✗ in more than one repository.</p>${total}`;
  const rows = m.conflicts.map((c) => `<tr><td class="id">${e(c.tenet)}</td><td>${c.repositories.map((r) => `${e(r.name)} (${r.memos.length})`).join(', ')}</td></tr>`);
  return `<table><thead><tr><th>Tenet</th><th>Repositories (memos that judged it ✗)</th></tr></thead><tbody>${rows.join('')}</tbody></table>${total}`;
}

function ownersTable(m: MergedAudit): string {
  if (m.owners.length === 0) return '<p>No owner holds decisions in more than one repository.</p>';
  const rows = m.owners.map((o) => `<tr><td>${e(o.owner)}</td><td class="n">${o.open}</td><td class="n">${o.accepted}</td><td>${o.repositories.map((r) => `${e(r.name)} (${r.open}/${r.accepted})`).join(', ')}</td></tr>`);
  return `<table><thead><tr><th>Owner</th><th>Open</th><th>Accepted</th><th>Where (open/accepted)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function overdueTable(m: MergedAudit): string {
  if (m.overdue.length === 0) return '<p>No review is overdue.</p>';
  const rows = m.overdue.flatMap((r) => r.items.map((i) => `<tr><td>${e(r.name)}</td><td class="id">${e(i.file)}</td><td class="id">${e(i.due)}</td><td>${e(i.owners.join(', '))}</td></tr>`));
  return `<p class="legend">${m.totals.overdue} in all, as of each report's date.</p><table><thead><tr><th>Repository</th><th>Memo</th><th>Due</th><th>Owners</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function repositoriesTable(m: MergedAudit): string {
  const rows = m.repositories.map((r) => `<tr><td>${e(r.name)}</td><td class="n">${r.memos}</td><td class="n">${r.citing}</td><td class="n">${pct(r.share)}</td><td class="n">${r.conflicts}</td><td class="n">${r.overdue}</td><td class="id">${e(r.date)}${r.since ? ` (since ${e(r.since)})` : ''}</td></tr>`);
  return `<table><thead><tr><th>Repository</th><th>Memos</th><th>Citing</th><th>Share</th><th>✗ judgements</th><th>Overdue</th><th>Report of</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
