// Charts drawn on the server as inline SVG (no script, no external file): a bar chart of counts by
// month and a line chart of shares by month. Labels are data and go through the html template.

import { markup, type SafeHtml } from './html.js';

export interface Point {
  label: string;
  value: number | null;
  /** Tooltip text. */
  note?: string;
}

const W = 720;
const H = 220;
const PAD = { left: 44, right: 12, top: 14, bottom: 40 };

function axisLabels(points: readonly Point[], x: (i: number) => number): SafeHtml[] {
  const every = Math.max(1, Math.ceil(points.length / 12));
  return points
    .map((p, i) =>
      i % every === 0 || i === points.length - 1
        ? markup`<text
            class="xl"
            x="${x(i).toFixed(1)}"
            y="${H - PAD.bottom + 16}"
            text-anchor="${anchor(i, points.length)}"
            >${p.label}</text
          >`
        : markup``,
    )
    .filter((s) => s.value !== '');
}

/** First label from its start, last to its end, so that neither is cut at the edges. */
function anchor(i: number, n: number): string {
  if (n > 1 && i === 0) return 'start';
  if (n > 1 && i === n - 1) return 'end';
  return 'middle';
}

/** Bars: one per point, value >= 0. */
export function barChart(points: readonly Point[], title: string): SafeHtml {
  if (points.length === 0) return markup`<p class="muted">No data.</p>`;
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / points.length;
  const bw = Math.max(1, Math.min(step * 0.8, 48));
  const x = (i: number): number => PAD.left + step * i + step / 2;
  const bars = points.map((p, i) => {
    const h = ((p.value ?? 0) / max) * plotH;
    return markup`<rect
      class="bar"
      x="${(x(i) - bw / 2).toFixed(1)}"
      y="${(PAD.top + plotH - h).toFixed(1)}"
      width="${bw.toFixed(1)}"
      height="${h.toFixed(1)}"
      ><title>${p.note ?? `${p.label}: ${p.value ?? 0}`}</title></rect
    >`;
  });
  return markup`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">
    <title>${title}</title>
    <line
      class="axis"
      x1="${PAD.left}"
      y1="${PAD.top + plotH}"
      x2="${W - PAD.right}"
      y2="${PAD.top + plotH}"
    />
    <text class="yl" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${max}</text>
    <text class="yl" x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>
    ${bars} ${axisLabels(points, x)}
  </svg>`;
}

/** A line of shares (0..1) by point, gaps where the value is null, with a 50% reference line. */
export function shareChart(points: readonly Point[], title: string): SafeHtml {
  if (points.length === 0) return markup`<p class="muted">No data.</p>`;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const x = (i: number): number => PAD.left + (points.length > 1 ? step * i : plotW / 2);
  const y = (v: number): number => PAD.top + plotH - v * plotH;
  const runs: string[][] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (run.length > 0) runs.push(run);
  const dots = points.map((p, i) =>
    p.value === null
      ? markup``
      : markup`<circle class="dot" cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3"
          ><title>${p.note ?? `${p.label}: ${(p.value * 100).toFixed(1)} %`}</title></circle
        >`,
  );
  return markup`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">
    <title>${title}</title>
    <line class="axis" x1="${PAD.left}" y1="${y(0)}" x2="${W - PAD.right}" y2="${y(0)}" />
    <line class="ref" x1="${PAD.left}" y1="${y(0.5)}" x2="${W - PAD.right}" y2="${y(0.5)}" />
    <text class="yl" x="${PAD.left - 6}" y="${y(1) + 4}" text-anchor="end">100 %</text>
    <text class="yl" x="${PAD.left - 6}" y="${y(0.5) + 4}" text-anchor="end">50 %</text>
    <text class="yl" x="${PAD.left - 6}" y="${y(0)}" text-anchor="end">0 %</text>
    ${runs.map((r) => markup`<polyline class="line" points="${r.join(' ')}" />`)} ${dots}
    ${axisLabels(points, x)}
  </svg>`;
}

/** Horizontal bars with their labels, for a ranking (articles by source). */
export function rankChart(
  rows: readonly { label: string; value: number; href?: string }[],
  title: string,
): SafeHtml {
  if (rows.length === 0) return markup`<p class="muted">No data.</p>`;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const width = 540;
  const rowH = 22;
  const labelW = 190;
  const barW = width - labelW - 60;
  const h = rows.length * rowH + 4;
  return markup`<svg class="chart" viewBox="0 0 ${width} ${h}" role="img" aria-label="${title}">
    <title>${title}</title>
    ${rows.map((r, i) => {
      const y = i * rowH + 2;
      const w = Math.max(1, (r.value / max) * barW);
      return markup`<text class="rl" x="${labelW - 8}" y="${y + 15}" text-anchor="end"
          >${r.label.length > 28 ? r.label.slice(0, 27) + '…' : r.label}</text
        ><rect class="bar" x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}"
          ><title>${r.label}: ${r.value}</title></rect
        ><text class="rv" x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}"
          >${r.value.toLocaleString('en-US')}</text
        >`;
    })}
  </svg>`;
}
