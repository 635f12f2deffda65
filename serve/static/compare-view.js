// Comparisons: one body over years (line charts) or several bodies in one year (bar charts), one chart per cell.
import { api } from './api.js';
import { go } from './app.js';
import { downloadLinks, formatValue, h } from './dom.js';
import { barChart, lineChart } from './chart.js';

const KEY_CHOICES = [
  ['t3.new.total', '本年新收申请'],
  ['t3.carried_in.total', '上年结转'],
  ['t3.disclosed.total', '予以公开'],
  ['t3.partial.total', '部分公开'],
  ['t3.unable.not_held.total', '不掌握相关信息'],
  ['t3.total.total', '办理结果总计'],
  ['t3.carried_out.total', '结转下年'],
  ['t3.new.natural', '新收：自然人'],
  ['t4.review.total', '行政复议总计'],
  ['t4.suit_direct.total', '行政诉讼（直接起诉）总计'],
  ['t4.suit_after_review.total', '行政诉讼（复议后）总计'],
];
const DEFAULT_KEYS = ['t3.new.total', 't3.disclosed.total', 't3.total.total', 't4.review.total'];

export async function showCompare(view, params) {
  const agencies = (params.get('agencies') ?? '').split(',').filter((s) => /^\d+$/.test(s));
  const year = params.get('year') ?? '';
  const keys = (params.get('keys') ?? '').split(',').filter(Boolean);
  const chosenKeys = keys.length > 0 ? keys : DEFAULT_KEYS;
  const grid = await api('/api/grid');
  const bodies = grid.rows.filter((r) => r.agencyId !== null && Object.keys(r.years).length > 0);
  const form = h('form', { class: 'filters compare-form', onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    go('/compare', { agencies: data.getAll('agency').join(','), year: data.get('year'), keys: data.getAll('key').join(',') });
  } },
    h('label', {}, '机构 Bodies ', h('select', { name: 'agency', multiple: true, size: 6 },
      bodies.map((b) => h('option', { value: b.agencyId, selected: agencies.includes(String(b.agencyId)) }, `${b.name} (${b.portalId})`)))),
    h('label', {}, '年度 Year ', h('select', { name: 'year' }, h('option', { value: '' }, '逐年 over years'),
      grid.years.map((y) => h('option', { value: y, selected: String(y) === year }, String(y))))),
    h('fieldset', { class: 'keys' }, h('legend', {}, '指标 Cells'),
      KEY_CHOICES.map(([key, label]) => h('label', {}, h('input', { type: 'checkbox', name: 'key', value: key, checked: chosenKeys.includes(key) }), ` ${label}`))),
    h('button', { type: 'submit' }, '比较 Compare'));
  view.append(h('h1', {}, '比较 Compare'), form);
  if (agencies.length === 0) {
    view.append(h('p', { class: 'muted' }, '选择一个机构看逐年变化，或选择多个机构和一个年度横向比较。Pick one body to follow it over the years, or several bodies and a year.'));
    return view;
  }
  const answer = await api('/api/compare', { agencies: agencies.join(','), years: year, keys: chosenKeys.join(',') });
  const charts = h('div', { class: 'charts' });
  const labelOf = (key) => KEY_CHOICES.find(([k]) => k === key)?.[1] ?? key;
  for (const key of answer.keys) {
    const series = answer.series.filter((s) => s.key === key);
    if (year === '') {
      const xs = answer.years;
      charts.append(lineChart(labelOf(key), xs, series.map((s) => ({ name: s.agencyName, values: xs.map((x) => s.points.find((p) => p.year === x)?.value ?? null) }))));
    } else {
      charts.append(barChart(`${labelOf(key)} · ${year}`, series.map((s) => s.agencyName), series.map((s) => s.points[0]?.value ?? null)));
    }
  }
  view.append(charts, dataTable(answer, labelOf), downloadLinks('/api/compare', { agencies: agencies.join(','), years: year, keys: chosenKeys.join(',') }));
  return view;
}

function dataTable(answer, labelOf) {
  return h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, h('th', {}, '机构'), h('th', {}, '指标'), answer.years.map((y) => h('th', {}, String(y))))),
    h('tbody', {}, answer.series.map((s) => h('tr', {}, h('td', {}, s.agencyName), h('td', {}, labelOf(s.key)),
      answer.years.map((y) => {
        const p = s.points.find((pt) => pt.year === y);
        return h('td', { class: 'num' }, p ? h('a', { href: `#/report/${p.reportId}?cell=${encodeURIComponent(s.key)}` }, formatValue(p.value)) : '');
      })))));
}
