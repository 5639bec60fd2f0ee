import type { AuditReport } from './report';
import { escapeHtml as e } from './escape';
import { flatten, tenetForest } from './hierarchy';
import { reviewsByOwner } from './reviews';

// The audit as one self-contained HTML page: inline CSS, charts as inline SVG, no network and
// no script needed to read it. In the editor the same page runs in a webview; there a small
// script (allowed by a nonce) turns clicks on tenets and memos into "open this file" messages.

export interface HtmlOptions {
  /** Set inside a VS Code webview: allows one script with this nonce and uses theme colours. */
  webview?: { nonce: string; cspSource: string };
}

// The chart geometry, helpers and styles are shared with the merged audit's page (audit/renderMergedHtml.ts).
export const ROW = 22;
export const BAR = 320;
/** Room for the count after a bar ("0 — uncited", "22/22"). */
export const COUNT = 90;
/** Width of one character of the chart labels (12px monospace) and of the hierarchy's text (12px sans-serif, generous). */
const MONO_CHAR = 7.4;
const TEXT_CHAR = 6.8;

/** The Content-Security-Policy of a page opened as a file: inline styles and data images, nothing else. */
export const STANDALONE_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:;`;

/** Renders the audit as a complete HTML document. Every piece of workspace text is escaped. */
export function renderHtml(r: AuditReport, options: HtmlOptions = {}): string {
  const wv = options.webview;
  const csp = wv
    ? `default-src 'none'; style-src 'unsafe-inline'; img-src ${e(wv.cspSource)} data:; script-src 'nonce-${e(wv.nonce)}';`
    : STANDALONE_CSP;
  const title = `Tenet usage audit${r.since ? ` since ${r.since}` : ''}`;
  return `${pageHead(title, csp)}
<h1>${e(title)}</h1>
<p class="root">${e(r.root)}</p>
<section class="kpis">
  ${kpi('Memos', String(r.memos))}
  ${kpi('Citing a tenet', `${r.citing} (${r.memos ? Math.round((100 * r.citing) / r.memos) : 0}%)`)}
  ${kpi('Uncited tenets', String(r.uncited.length))}
  ${kpi('Conflicts', String(r.conflicts.reduce((s, c) => s + c.memos.length, 0)))}
  ${kpi('Reviews overdue', String(r.reviews.overdue.length))}
  ${kpi('Reviews due in 30 days', String(r.reviews.dueSoon.length))}
  ${r.authorityFiles.matrix && r.authorityFiles.people ? kpi('Triggers not escalated', String(r.escalations.bypassed.length)) : ''}
  ${r.ownerConcentration.decisions > 0 ? kpi('Open decisions held by the top three', `${Math.round((100 * r.ownerConcentration.held) / r.ownerConcentration.decisions)}%`) : ''}
</section>
<div class="grid">
<section><h2>Citations per tenet</h2>${citationsChart(r)}</section>
<section><h2>Tenet hierarchy</h2>${hierarchyChart(r)}</section>
<section><h2>Memos by status</h2>${statusChart(r)}</section>
<section><h2>Evidence coverage by reversibility</h2>${evidenceChart(r)}</section>
<section><h2>Conflicts</h2>${conflictsTable(r)}</section>
<section><h2>Owners</h2>${ownersTable(r)}</section>
<section><h2>Open decisions per owner</h2>${concentrationChart(r)}</section>
</div>
<section><h2>Reviews by owner</h2>${reviewsTable(r)}</section>
<section><h2>The method</h2>${methodTable(r)}</section>
<section><h2>Authority and escalation</h2>${authorityTable(r)}</section>
<section><h2>Memos</h2>${memosTable(r)}</section>
${wv ? `<script nonce="${e(wv.nonce)}">${webviewScript()}</script>` : ''}
</body>
</html>
`;
}

/** One key figure. */
export function kpi(label: string, value: string): string {
  return `<div class="kpi"><div class="v">${e(value)}</div><div class="l">${e(label)}</div></div>`;
}

/** A link to a workspace file: a relative href for the file report, a data attribute the webview script opens. */
function fileLink(file: string, text: string, cls = ''): string {
  return `<a class="open ${cls}" href="${e(encodeURI(file))}" data-file="${e(file)}">${e(text)}</a>`;
}

/** An inline SVG chart with an accessible label. */
export function svg(width: number, height: number, body: string, label: string): string {
  return `<svg role="img" aria-label="${e(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** The label column of a bar chart: wide enough for its longest label, so no id is clipped. */
export function labelWidth(labels: string[]): number {
  return Math.ceil(Math.max(60, ...labels.map((l) => l.length * MONO_CHAR)) + 12);
}

function citationsChart(r: AuditReport): string {
  if (r.tenets.length === 0) return '<p>No tenets in the registry.</p>';
  const max = Math.max(1, ...r.tenets.map((t) => t.citations));
  const left = labelWidth(r.tenets.map((t) => t.id));
  const rows = r.tenets.map((t, i) => {
    const y = i * ROW;
    const w = Math.round((BAR * t.citations) / max);
    const uncited = t.citations === 0;
    const cls = uncited ? (t.status === 'retired' ? 'bar retired' : 'bar uncited') : 'bar';
    const note = uncited ? (t.status === 'retired' ? '0 (retired)' : '0 — uncited') : String(t.citations);
    return `<g class="row" data-tenet="${e(t.id)}" data-file="${e(t.file)}"><title>${e(`${t.id}${t.title ? `: ${t.title}` : ''} — ${t.citations} memo(s)`)}</title>
<text x="${left - 6}" y="${y + 15}" text-anchor="end" class="label">${e(t.id)}</text>
<rect x="${left}" y="${y + 3}" width="${uncited ? BAR : Math.max(w, 2)}" height="${ROW - 6}" class="${cls}"/>
<text x="${left + (uncited ? 6 : w + 6)}" y="${y + 15}" class="count${uncited ? ' warn' : ''}">${e(note)}</text></g>`;
  });
  return svg(left + BAR + COUNT, r.tenets.length * ROW, rows.join(''), 'Citations per tenet');
}

function statusChart(r: AuditReport): string {
  const entries = Object.entries(r.byStatus).filter(([s, n]) => n > 0 || s !== 'unknown');
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const left = labelWidth(entries.map(([status]) => status));
  const rows = entries.map(([status, n], i) => {
    const y = i * ROW;
    const w = Math.round((BAR * n) / max);
    return `<g><text x="${left - 6}" y="${y + 15}" text-anchor="end" class="label">${e(status)}</text><rect x="${left}" y="${y + 3}" width="${Math.max(w, n > 0 ? 2 : 0)}" height="${ROW - 6}" class="bar status-${e(status)}"/><text x="${left + w + 6}" y="${y + 15}" class="count">${n}</text></g>`;
  });
  return svg(left + BAR + COUNT, entries.length * ROW, rows.join(''), 'Memos by status');
}

function evidenceChart(r: AuditReport): string {
  const entries = Object.entries(r.evidence);
  const left = labelWidth(entries.map(([rev, c]) => `${rev} (≥${c.required})`));
  const rows = entries.map(([rev, c], i) => {
    const y = i * ROW;
    const meet = c.memos ? Math.round((BAR * c.meeting) / c.memos) : 0;
    return `<g><title>${e(`${rev}: ${c.meeting} of ${c.memos} memos have at least ${c.required} artifact(s)`)}</title>
<text x="${left - 6}" y="${y + 15}" text-anchor="end" class="label">${e(rev)} (≥${c.required})</text>
<rect x="${left}" y="${y + 3}" width="${BAR}" height="${ROW - 6}" class="bar ${c.memos ? 'below' : 'none'}"/>
<rect x="${left}" y="${y + 3}" width="${meet}" height="${ROW - 6}" class="bar meeting"/>
<text x="${left + BAR + 6}" y="${y + 15}" class="count">${c.meeting}/${c.memos}</text></g>`;
  });
  const legend = `<p class="legend"><span class="sw meeting"></span> meets the threshold <span class="sw below"></span> below it${r.evidenceUnspecified ? ` · ${r.evidenceUnspecified} memo(s) state no reversibility` : ''}</p>`;
  return svg(left + BAR + COUNT, entries.length * ROW, rows.join(''), 'Evidence coverage by reversibility') + legend;
}

function hierarchyChart(r: AuditReport): string {
  const rows = flatten(tenetForest(r));
  if (rows.length === 0) return '<p>No tenets in the registry.</p>';
  const parts: string[] = [];
  let width = 0;
  rows.forEach(({ node, depth }, i) => {
    const x = 10 + depth * 28;
    const y = i * ROW + 11;
    if (depth > 0) parts.push(`<path d="M${x - 18} ${y - ROW + 6} V${y} H${x - 4}" class="edge"/>`);
    const t = node.tenet;
    // The total counts the citations of every tenet below: how much a company value is used.
    const detail = `${t.layer}${t.status === 'retired' ? ' (retired)' : ''} · ${t.citations} cited${node.children.length > 0 ? ` · ${node.total} with those below` : ''}`;
    width = Math.max(width, x + 10 + t.id.length * MONO_CHAR + (detail.length + 2) * TEXT_CHAR);
    parts.push(`<g class="row" data-file="${e(t.file)}" data-tenet="${e(t.id)}"><circle cx="${x}" cy="${y}" r="4" class="node ${e(t.layer)}"/><text x="${x + 10}" y="${y + 4}"><tspan class="label">${e(t.id)}</tspan> <tspan class="muted">${e(detail)}</tspan></text></g>`);
  });
  return svg(Math.ceil(width), rows.length * ROW + 4, parts.join(''), 'Tenet hierarchy: company, function, team');
}

function conflictsTable(r: AuditReport): string {
  if (r.conflicts.length === 0) return '<p>No memo judged a tenet ✗.</p>';
  const rows = r.conflicts.map((c) => `<tr><td class="id">${e(c.tenet)}</td><td>${c.memos.map((m) => fileLink(m, m)).join(', ')}</td></tr>`);
  return `<table><thead><tr><th>Tenet</th><th>Memos that judged it ✗</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function ownersTable(r: AuditReport): string {
  if (r.owners.length === 0) return '<p>No memo names an owner.</p>';
  const rows = r.owners.map((o) => `<tr><td>${e(o.owner)}</td><td class="n">${o.open}</td><td class="n">${o.accepted}</td></tr>`);
  return `<table><thead><tr><th>Owner</th><th>Open</th><th>Accepted</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function reviewsTable(r: AuditReport): string {
  const owners = reviewsByOwner(r);
  if (owners.length === 0) return '<p>No review is overdue or due in the next 30 days.</p>';
  const rows = owners.flatMap((o) => [
    ...o.overdue.map((item) => ({ o, item, state: 'overdue' })),
    ...o.dueSoon.map((item) => ({ o, item, state: 'due soon' })),
  ]).map(({ o, item, state }) => `<tr><td>${e(o.owner)}</td><td class="id">${fileLink(item.file, item.file)}</td><td class="id">${e(item.due)}</td><td class="id">${e(item.source)}</td><td class="${state === 'overdue' ? 'warn' : ''}">${state}</td></tr>`);
  return `<table><thead><tr><th>Owner</th><th>Memo</th><th>Due</th><th>From</th><th>State</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function methodTable(r: AuditReport): string {
  const files = (list: readonly string[]) => list.map((f) => fileLink(f, f)).join(', ') || 'none';
  const awaiting = r.awaitingDecision.map((a) => `${fileLink(a.file, a.file)} (${a.rows})`).join(', ') || 'none';
  return `<table class="method"><tbody>
<tr><th>Scorecards without a pause threshold</th><td>${files(r.scorecardsWithoutPause)}</td></tr>
<tr><th>Costly or one-way claims without “Invalidated if:”</th><td>${files(r.claimsWithoutInvalidation)}</td></tr>
<tr><th>Evidence-log rows awaiting a decision</th><td>${awaiting}</td></tr>
</tbody></table>`;
}

/** Owners drawn in the concentration chart; the rest are summed up under it. */
const MAX_OWNER_BARS = 10;

function concentrationChart(r: AuditReport): string {
  const c = r.ownerConcentration;
  if (c.decisions === 0) return '<p>No proposed or accepted memo has an owner who is here.</p>';
  const shown = c.owners.slice(0, MAX_OWNER_BARS);
  const max = Math.max(1, ...shown.map((o) => o.decisions));
  const left = labelWidth(shown.map((o) => o.owner));
  const rows = shown.map((o, i) => {
    const y = i * ROW;
    const w = Math.max(2, Math.round((BAR * o.decisions) / max));
    const top = c.top3.includes(o.owner);
    return `<g><title>${e(`${o.owner}: ${o.decisions} of ${c.decisions} open decision(s)${top ? ' (top three)' : ''}`)}</title>
<text x="${left - 6}" y="${y + 15}" text-anchor="end" class="label">${e(o.owner)}</text>
<rect x="${left}" y="${y + 3}" width="${w}" height="${ROW - 6}" class="bar${top ? ' top' : ''}"/>
<text x="${left + w + 6}" y="${y + 15}" class="count">${o.decisions}</text></g>`;
  });
  const share = Math.round((100 * c.held) / c.decisions);
  const rest = c.owners.length - shown.length;
  const legend = `<p class="legend"><span class="sw top"></span> the top three hold ${c.held} of ${c.decisions} open decisions (${share}%)${rest > 0 ? ` · ${rest} more owner(s) not drawn` : ''} · open: proposed or accepted; a memo counts for each owner</p>`;
  return svg(left + BAR + COUNT, shown.length * ROW, rows.join(''), 'Open decisions per owner') + legend;
}

function authorityTable(r: AuditReport): string {
  const { matrix, people } = r.authorityFiles;
  const files = (list: readonly string[]) => list.map((f) => fileLink(f, f)).join(', ') || 'none';
  const rows: string[] = [];
  if (matrix && people) {
    rows.push(`<tr><th>Escalated without need (no trigger applies, yet an approver who does not decide holds <code>escalate-to</code>)</th><td>${files(r.escalations.withoutNeed)}</td></tr>`);
    rows.push(`<tr><th>A trigger applies, not escalated (<code>escalation-required</code>)</th><td>${files(r.escalations.bypassed)}</td></tr>`);
  } else if (!matrix) rows.push('<tr><th>Escalations</th><td>Not judged: the workspace has no authority matrix (<code>authority.yaml</code>, or <code>authority:</code> in <code>.decisions.yaml</code>).</td></tr>');
  else rows.push('<tr><th>Escalations</th><td>Not judged: without a people directory who holds a role cannot be told.</td></tr>');
  if (!people) rows.push('<tr><th>Every owner has left (<code>owner-departed</code>)</th><td>Not known: the workspace has no people directory (<code>people.yaml</code>, or <code>people:</code> in <code>.decisions.yaml</code>).</td></tr>');
  else if (r.departedOwners.length === 0) rows.push('<tr><th>Every owner has left (<code>owner-departed</code>)</th><td>none</td></tr>');
  for (const d of r.departedOwners) rows.push(`<tr><th>Every owner has left: ${e(d.owner)}${d.left ? ` (left ${e(d.left)})` : ''}</th><td>${files(d.memos)}</td></tr>`);
  const note = matrix && people ? `<p class="legend">Proposed and accepted memos, judged against ${e(matrix)} and ${e(people)}.</p>` : '';
  return `${note}<table class="method"><tbody>${rows.join('')}</tbody></table>`;
}

function memosTable(r: AuditReport): string {
  if (r.memoList.length === 0) return '<p>No memos.</p>';
  const rows = r.memoList.map((m) => `<tr><td class="id">${fileLink(m.file, m.id)}</td><td>${e(m.title ?? '')}</td><td>${e(m.status ?? 'unknown')}</td><td class="id">${e(m.date ?? '')}</td></tr>`);
  return `<table><thead><tr><th>Id</th><th>Title</th><th>Status</th><th>Date</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The page up to its `<body>`: the policy (already escaped where it carries values), the title and the styles. */
export function pageHead(title: string, csp: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${pageStyles()}</style>
</head>
<body>`;
}

/** The page's CSS (theme variables inside a webview, fallbacks in a standalone file). */
function pageStyles(): string {
  // Theme variables exist inside a VS Code webview; the fallbacks serve the standalone file.
  return `
body{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:var(--vscode-font-size,15px);color:var(--vscode-foreground,#1f2328);background:var(--vscode-editor-background,#fff);margin:24px;max-width:1240px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.1em;margin:28px 0 10px}
.root{color:var(--vscode-descriptionForeground,#666);margin:0 0 16px;font-size:.9em}
.kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{border:1px solid var(--vscode-panel-border,#ddd);border-radius:6px;padding:8px 14px;min-width:120px}
.kpi .v{font-size:1.5em;font-weight:600}.kpi .l{color:var(--vscode-descriptionForeground,#666);font-size:.85em}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,560px),1fr));gap:0 40px;align-items:start}
.grid section{min-width:0}
svg{max-width:100%;height:auto;display:block}
svg text{font-size:12px;fill:var(--vscode-foreground,#1f2328)}
svg .label{font-family:var(--vscode-editor-font-family,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace)}
.bar{fill:var(--vscode-charts-blue,#3b82f6)}.bar.uncited{fill:none;stroke:var(--vscode-charts-orange,#d97706);stroke-dasharray:4 3}
.bar.retired{fill:none;stroke:var(--vscode-descriptionForeground,#999);stroke-dasharray:2 3}
.count.warn{fill:var(--vscode-charts-orange,#b45309)}
.bar.meeting{fill:var(--vscode-charts-green,#16a34a)}.bar.below{fill:var(--vscode-charts-red,#dc2626);opacity:.35}
.bar.none{fill:none;stroke:var(--vscode-panel-border,#ccc)}
.status-accepted{fill:var(--vscode-charts-green,#16a34a)}.status-rejected{fill:var(--vscode-charts-red,#dc2626)}.status-proposed{fill:var(--vscode-charts-yellow,#ca8a04)}
.status-superseded,.status-deprecated,.status-unknown{fill:var(--vscode-descriptionForeground,#999)}
.edge{fill:none;stroke:var(--vscode-panel-border,#bbb)}.node{fill:var(--vscode-charts-blue,#3b82f6)}.node.company{fill:var(--vscode-charts-purple,#7c3aed)}.node.team{fill:var(--vscode-charts-green,#16a34a)}
.muted{fill:var(--vscode-descriptionForeground,#777)}
.legend{font-size:.85em;color:var(--vscode-descriptionForeground,#555)}.sw{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}
.bar.top{fill:var(--vscode-charts-purple,#7c3aed)}.sw.top{background:var(--vscode-charts-purple,#7c3aed)}
.sw.meeting{background:var(--vscode-charts-green,#16a34a)}.sw.below{background:var(--vscode-charts-red,#dc2626);opacity:.35}
table{border-collapse:collapse;font-size:.9em}th,td{border-bottom:1px solid var(--vscode-panel-border,#ddd);padding:4px 10px;text-align:left;vertical-align:top}td.n{text-align:right}td.id{white-space:nowrap}table.method td{overflow-wrap:anywhere}td.warn{color:var(--vscode-charts-orange,#b45309);font-weight:600}
a{color:var(--vscode-textLink-foreground,#0969da)}g.row{cursor:pointer}g.row rect{pointer-events:all}g.row:hover text{text-decoration:underline}`;
}

function webviewScript(): string {
  return `(function(){const vscode=acquireVsCodeApi();document.addEventListener('click',function(ev){const el=ev.target&&ev.target.closest?ev.target.closest('[data-file]'):null;if(!el)return;ev.preventDefault();vscode.postMessage({type:'open',file:el.getAttribute('data-file'),tenet:el.getAttribute('data-tenet')});});})();`;
}
