// Comparisons as FOIA.gov's report builder does them: pick bodies by typing their names and any cell from the list of
// Chinese labels; one body over years (line charts: a year without a report is a gap) or several bodies in one year
// (bar charts with full names); under each cell a bodies × years table. 0 is a number the report printed; 空 a blank
// cell; — a year with no report.
import { api, keyLayout } from './api.js';
import { go } from './route.js';
import { downloadLinks, formatValue, h } from './dom.js';
import { barChart, lineChart } from './chart.js';

const DEFAULT_KEYS = ['t3.new.total', 't3.disclosed.total', 't3.total.total', 't4.review.total'];

export async function showCompare(view, params) {
  const agencies = (params.get('agencies') ?? '').split(',').filter((s) => /^\d+$/.test(s));
  const year = params.get('year') ?? '';
  const keys = (params.get('keys') ?? '').split(',').filter(Boolean);
  const chosenKeys = keys.length > 0 ? keys : DEFAULT_KEYS;
  const [grid, layout] = await Promise.all([api('/api/grid'), keyLayout()]);
  const bodies = grid.rows.filter((r) => r.agencyId !== null && Object.values(r.years).some((s) => s.reports.length > 0));
  const state = { agencies: agencies.join(','), year, keys: chosenKeys.join(',') };
  const update = (change) => go('/compare', { ...state, ...change });
  const labelOf = (key) => layout.labels[key]?.label ?? key;
  const bodyName = (id) => bodies.find((b) => String(b.agencyId) === String(id))?.name ?? `#${id}`;

  const bodyPicker = picker({
    name: 'body', placeholder: '输入机构名称 type a body’s name', listId: 'body-options',
    chosen: agencies.map((id) => ({ value: id, text: bodyName(id) })),
    options: bodies.map((b) => ({ value: String(b.agencyId), text: `${b.name}（${b.portalId}）` })),
    onAdd: (id) => update({ agencies: [...new Set([...agencies, id])].join(',') }),
    onRemove: (id) => update({ agencies: agencies.filter((a) => a !== id).join(',') }),
  });
  const keyPicker = picker({
    name: 'key', placeholder: '输入指标 type a cell, e.g. 不予公开 / 行政复议', listId: 'key-options',
    chosen: chosenKeys.map((k) => ({ value: k, text: labelOf(k) })),
    options: Object.entries(layout.labels).map(([key, l]) => ({ value: key, text: l.label })),
    onAdd: (key) => update({ keys: [...new Set([...chosenKeys, key])].join(',') }),
    onRemove: (key) => update({ keys: chosenKeys.filter((k) => k !== key).join(',') }),
  });
  const yearSelect = h('label', {}, '年度 Year ', h('select', { name: 'year', onchange: (e) => update({ year: e.target.value }) },
    h('option', { value: '' }, '逐年 over years'),
    grid.years.map((y) => h('option', { value: y, selected: String(y) === year }, String(y)))));
  view.append(h('h1', {}, '比较 Compare'),
    h('div', { class: 'filters compare-form' }, h('div', {}, h('strong', {}, '机构 Bodies '), bodyPicker), h('div', {}, h('strong', {}, '指标 Cells '), keyPicker), yearSelect));
  if (agencies.length === 0) {
    view.append(h('p', { class: 'muted' }, '选择一个机构看逐年变化，或选择多个机构和一个年度横向比较。Pick one body to follow it over the years, or several bodies and a year.'));
    return view;
  }
  const answer = await api('/api/compare', { agencies: agencies.join(','), years: year, keys: chosenKeys.join(',') });
  // Every year of the archive, so a year without a report shows as a gap (the answer holds only years with values).
  const years = year === '' ? grid.years : [Number(year)];
  const charts = h('div', { class: 'charts' });
  const tables = h('div', { class: 'compare-tables' });
  for (const key of answer.keys) {
    const series = answer.series.filter((s) => s.key === key);
    const pointOf = (s, y) => s.points.find((p) => p.year === y);
    if (year === '') charts.append(lineChart(labelOf(key), years, series.map((s) => ({ name: s.agencyName, values: years.map((y) => pointOf(s, y)?.value ?? null) }))));
    else charts.append(barChart(`${labelOf(key)} · ${year}`, series.map((s) => s.agencyName), series.map((s) => pointOf(s, Number(year))?.value)));
    tables.append(bodiesByYears(labelOf(key), key, years, series));
  }
  view.append(charts,
    h('p', { class: 'muted compare-note' }, '— 无报告：该年度没有归档报告 (no report that year) · 空：报告中该格为空白，不是 0 (blank in the report, not 0) · 0：报告填写的 0'),
    tables,
    downloadLinks('/api/compare', { agencies: agencies.join(','), years: year, keys: chosenKeys.join(',') }));
  return view;
}

/** Chosen values as removable chips, and a text box with suggestions that adds the one typed. */
function picker({ name, placeholder, listId, chosen, options, onAdd, onRemove }) {
  const datalist = h('datalist', { id: listId }, options.map((o) => h('option', { value: o.text })));
  const input = h('input', { name, list: listId, placeholder, size: 34, autocomplete: 'off' });
  const add = () => {
    const typed = input.value.trim();
    const found = options.find((o) => o.text === typed) ?? options.find((o) => o.text.includes(typed) && typed !== '');
    if (found) onAdd(found.value);
  };
  input.addEventListener('change', add);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  return h('span', { class: 'picker', dataset: { picker: name } },
    chosen.map((c) => h('span', { class: 'chip', dataset: { value: c.value } }, c.text, h('button', { type: 'button', title: '移除 remove', onclick: () => onRemove(c.value) }, '×'))),
    input, datalist);
}

function bodiesByYears(label, key, years, series) {
  return h('table', { class: 'data bodies-years', dataset: { key } },
    h('caption', {}, label),
    h('thead', {}, h('tr', {}, h('th', {}, '机构'), years.map((y) => h('th', {}, String(y))))),
    h('tbody', {}, series.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.agencyName),
      years.map((y) => {
        const p = s.points.find((pt) => pt.year === y);
        if (!p) return h('td', { class: 'num no-report', title: '无报告 no report' }, '—');
        return h('td', { class: 'num' }, h('a', { href: `#/report/${p.reportId}?cell=${encodeURIComponent(key)}` }, p.value === null ? '空' : formatValue(p.value)));
      })))));
}
