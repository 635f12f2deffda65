// Small hand-drawn SVG charts: a line chart over years and a bar chart over bodies. Missing values leave gaps.
import { h } from './dom.js';

export const PALETTE = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];
const W = 520;
const H = 240;
const PAD = { left: 48, right: 12, top: 24, bottom: 44 };

function scale(max) {
  const top = max <= 0 ? 1 : niceCeil(max);
  return { top, y: (v) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top) };
}

function niceCeil(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((n) => n >= v) ?? v;
}

function frame(title, top, y) {
  const svg = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(h('svg:text', { x: PAD.left, y: 16, class: 'chart-title' }, title));
  for (const t of [0, top / 2, top]) {
    svg.append(h('svg:line', { x1: PAD.left, x2: W - PAD.right, y1: y(t), y2: y(t), class: 'gridline' }));
    svg.append(h('svg:text', { x: PAD.left - 6, y: y(t) + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
  }
  return svg;
}

/** series: [{ name, values: (number|null)[] }] aligned with xs. */
export function lineChart(title, xs, series) {
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v) => v !== null)));
  const { top, y } = scale(max);
  const svg = frame(title, top, y);
  const x = (i) => PAD.left + (xs.length === 1 ? (W - PAD.left - PAD.right) / 2 : ((W - PAD.left - PAD.right) * i) / (xs.length - 1));
  xs.forEach((label, i) => svg.append(h('svg:text', { x: x(i), y: H - PAD.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, String(label))));
  series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length];
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d === '' || s.values[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (d) svg.append(h('svg:path', { d, class: 'series-line', stroke: colour }));
    s.values.forEach((v, i) => {
      if (v === null) return;
      svg.append(h('svg:circle', { cx: x(i), cy: y(v), r: 4, fill: colour, class: 'point', dataset: { value: v, x: xs[i] } }, h('svg:title', {}, `${s.name} ${xs[i]}: ${v}`)));
    });
  });
  return h('figure', { class: 'chart-figure' }, svg, legend(series.map((s) => s.name)));
}

/** One bar per category; null values are drawn as a hatched stub labelled "—". */
export function barChart(title, categories, values) {
  const max = Math.max(0, ...values.filter((v) => v !== null));
  const { top, y } = scale(max);
  const svg = frame(title, top, y);
  const band = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  categories.forEach((label, i) => {
    const v = values[i];
    const x0 = PAD.left + band * i + band * 0.15;
    const bw = band * 0.7;
    if (v === null) svg.append(h('svg:text', { x: x0 + bw / 2, y: y(0) - 4, class: 'tick', 'text-anchor': 'middle' }, '—'));
    else svg.append(h('svg:rect', { x: x0, y: y(v), width: bw, height: Math.max(0, y(0) - y(v)), fill: PALETTE[i % PALETTE.length], class: 'bar', dataset: { value: v } }, h('svg:title', {}, `${label}: ${v}`)));
    svg.append(h('svg:text', { x: x0 + bw / 2, y: H - PAD.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, shorten(String(label))));
  });
  return h('figure', { class: 'chart-figure' }, svg);
}

function shorten(text) {
  return text.length > 8 ? `${text.slice(0, 7)}…` : text;
}

function legend(names) {
  return h('figcaption', { class: 'chart-legend' }, names.map((n, k) => h('span', { class: 'legend-item' }, h('svg:svg', { width: 12, height: 12 }, h('svg:rect', { width: 12, height: 12, fill: PALETTE[k % PALETTE.length] })), ` ${n} `)));
}
