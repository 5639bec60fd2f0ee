// A small SVG line chart in plain strings, for bench/scale.mjs: side-by-side panels sharing an x
// axis and one legend, each with its own y axis, ticks, optional dashed reference lines and one
// line per series (a missing value breaks the line). Every text is XML-escaped.

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
const PANEL_WIDTH = 470;
const HEIGHT = 400;
const MARGIN = { top: 78, right: 22, bottom: 58, left: 70 };

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

/** About `count` round tick values from 0 to at least `max` (steps of 1, 2, 2.5 or 5 × 10^k). */
function niceTicks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v < max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

const num = (x) => Number(x.toFixed(1));

/**
 * @param {object} chart
 * @param {string} chart.title
 * @param {string} [chart.subtitle]
 * @param {string} chart.xLabel
 * @param {(x: number) => string} [chart.formatX]
 * @param {{ name: string, color: string, dash?: string }[]} chart.series
 * @param {{ title: string, yLabel: string, formatY?: (y: number) => string,
 *   values: (number | undefined)[][], references?: { y: number, label: string }[] }[]} chart.panels
 *   `values[s][i]` is series s at `chart.xs[i]`.
 * @param {number[]} chart.xs
 */
export function lineChart({ title, subtitle, xLabel, formatX = String, series, panels, xs }) {
  const width = PANEL_WIDTH * panels.length;
  const xTicks = niceTicks(Math.max(...xs, 1));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="600" ${FONT} fill="#222">${escapeXml(title)}</text>`,
  ];
  if (subtitle) out.push(`<text x="${width / 2}" y="42" text-anchor="middle" font-size="11" ${FONT} fill="#555">${escapeXml(subtitle)}</text>`);
  out.push(legend(series, width));
  panels.forEach((panel, k) => out.push(renderPanel(panel, k * PANEL_WIDTH, { xs, xTicks, xLabel, formatX, series })));
  out.push('</svg>', '');
  return out.join('\n');
}

function legend(series, width) {
  const itemWidth = 150;
  const left = width / 2 - (series.length * itemWidth) / 2;
  const items = series.map((s, i) => {
    const x = left + i * itemWidth;
    return [
      `<line x1="${num(x)}" y1="58" x2="${num(x + 26)}" y2="58" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<circle cx="${num(x + 13)}" cy="58" r="3.5" fill="${s.color}"/>`,
      `<text x="${num(x + 32)}" y="62" font-size="12" ${FONT} fill="#222">${escapeXml(s.name)}</text>`,
    ].join('');
  });
  return `<g class="legend">${items.join('')}</g>`;
}

function renderPanel(panel, offset, { xs, xTicks, xLabel, formatX, series }) {
  const formatY = panel.formatY ?? String;
  const x0 = offset + MARGIN.left;
  const x1 = offset + PANEL_WIDTH - MARGIN.right;
  const y0 = HEIGHT - MARGIN.bottom;
  const y1 = MARGIN.top + 14;
  const all = [...panel.values.flat(), ...(panel.references ?? []).map((r) => r.y)].filter((v) => Number.isFinite(v));
  const yTicks = niceTicks(Math.max(...all, 0));
  const xMax = xTicks[xTicks.length - 1];
  const yMax = yTicks[yTicks.length - 1];
  const sx = (x) => x0 + (x / xMax) * (x1 - x0);
  const sy = (y) => y0 - (y / yMax) * (y0 - y1);
  const out = [`<g class="panel">`];
  out.push(`<text x="${num((x0 + x1) / 2)}" y="${MARGIN.top}" text-anchor="middle" font-size="13" font-weight="600" ${FONT} fill="#222">${escapeXml(panel.title)}</text>`);
  for (const t of yTicks) {
    out.push(`<line x1="${x0}" y1="${num(sy(t))}" x2="${x1}" y2="${num(sy(t))}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${x0 - 6}" y="${num(sy(t) + 4)}" text-anchor="end" font-size="11" ${FONT} fill="#444">${escapeXml(formatY(t))}</text>`);
  }
  for (const t of xTicks) {
    out.push(`<line x1="${num(sx(t))}" y1="${y0}" x2="${num(sx(t))}" y2="${y0 + 5}" stroke="#444"/>`);
    out.push(`<text x="${num(sx(t))}" y="${y0 + 18}" text-anchor="middle" font-size="11" ${FONT} fill="#444">${escapeXml(formatX(t))}</text>`);
  }
  out.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#444"/>`, `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#444"/>`);
  out.push(`<text x="${num((x0 + x1) / 2)}" y="${HEIGHT - 16}" text-anchor="middle" font-size="12" ${FONT} fill="#222">${escapeXml(xLabel)}</text>`);
  const yMid = num((y0 + y1) / 2);
  out.push(`<text x="${offset + 16}" y="${yMid}" text-anchor="middle" font-size="12" ${FONT} fill="#222" transform="rotate(-90 ${offset + 16} ${yMid})">${escapeXml(panel.yLabel)}</text>`);
  for (const ref of panel.references ?? []) {
    out.push(`<line x1="${x0}" y1="${num(sy(ref.y))}" x2="${x1}" y2="${num(sy(ref.y))}" stroke="#b3261e" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${x1 - 4}" y="${num(sy(ref.y) - 5)}" text-anchor="end" font-size="11" ${FONT} fill="#b3261e">${escapeXml(ref.label)}</text>`);
  }
  series.forEach((s, i) => {
    const values = panel.values[i] ?? [];
    // Consecutive measured points make one polyline; a missing value starts a new one.
    let run = [];
    const runs = [run];
    xs.forEach((x, j) => {
      if (Number.isFinite(values[j])) run.push([sx(x), sy(values[j])]);
      else runs.push((run = []));
    });
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    for (const r of runs.filter((r) => r.length > 1)) out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5"${dash} points="${r.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}"/>`);
    for (const [x, y] of runs.flat()) out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="3.5" fill="${s.color}"/>`);
  });
  out.push('</g>');
  return out.join('\n');
}
