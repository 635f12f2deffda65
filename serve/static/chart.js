// Small hand-drawn SVG charts, as wide as their box: a line chart over years (a year without a report is a gap) and
// a horizontal bar chart over bodies (full names).
import { h } from './dom.js';

export const PALETTE = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];
const W = 640;
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

/**
 * One horizontal bar per category, its full name on the left (never cut), its value at the bar's end. A blank cell
 * (the report printed nothing) reads 空; a body without a report that year reads 无报告; 0 is a hairline bar.
 * values[i]: a number, null (blank in the report) or undefined (no report).
 */
export function barChart(title, categories, values) {
  const known = values.filter((v) => typeof v === 'number');
  const max = Math.max(0, ...known);
  const top = max <= 0 ? 1 : niceCeil(max);
  const labelWidth = Math.min(420, 14 + Math.max(...categories.map((c) => textWidth(String(c)))) * 6.5);
  const rowH = 24;
  const height = 34 + rowH * categories.length + 8;
  const width = Math.max(W, labelWidth + 360);
  const x = (v) => labelWidth + ((width - labelWidth - 60) * v) / top;
  const svg = h('svg:svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart bars', role: 'img', 'aria-label': title });
  svg.append(h('svg:text', { x: 4, y: 16, class: 'chart-title' }, title));
  categories.forEach((label, i) => {
    const v = values[i];
    const y0 = 30 + rowH * i;
    svg.append(h('svg:text', { x: labelWidth - 8, y: y0 + rowH / 2 + 4, class: 'bar-label', 'text-anchor': 'end' }, String(label)));
    if (typeof v === 'number') {
      svg.append(h('svg:rect', { x: labelWidth, y: y0 + 4, width: Math.max(1, x(v) - labelWidth), height: rowH - 8, fill: PALETTE[i % PALETTE.length], class: 'bar', dataset: { value: v } }, h('svg:title', {}, `${label}: ${v}`)));
      svg.append(h('svg:text', { x: x(v) + 4, y: y0 + rowH / 2 + 4, class: 'tick' }, String(v)));
    } else {
      svg.append(h('svg:text', { x: labelWidth + 4, y: y0 + rowH / 2 + 4, class: v === null ? 'tick blank' : 'tick no-report' }, v === null ? '空 blank' : '无报告 no report'));
    }
  });
  return h('figure', { class: 'chart-figure wide' }, svg);
}

/** Display width in Latin characters (CJK count two). */
function textWidth(text) {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

function legend(names) {
  return h('figcaption', { class: 'chart-legend' }, names.map((n, k) => h('span', { class: 'legend-item' }, h('svg:svg', { width: 12, height: 12 }, h('svg:rect', { width: 12, height: 12, fill: PALETTE[k % PALETTE.length] })), ` ${n} `)));
}
