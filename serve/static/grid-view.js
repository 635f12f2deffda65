// Agencies × years, coloured by watch status (as of today); filters, the never-published filter and the sort order
// live in the URL. Headers sort: by name, kind, body-years with a report, missing years, or a year's status.
import { api } from './api.js';
import { go, hashOf } from './route.js';
import { downloadLinks, h } from './dom.js';

/** Worst first, when a year column is sorted. */
const SEVERITY = ['missing', 'removed', 'late', 'changed', 'unknown', 'not_due', 'on_time', 'archived', 'not-archived'];

export async function showGrid(view, params) {
  const filter = { portal: params.get('portal') ?? '', kind: params.get('kind') ?? '', published: params.get('published') ?? '' };
  const sort = { by: params.get('sort') ?? '', desc: params.get('desc') === '1' };
  const grid = await api('/api/grid', filter);
  const state = { ...filter, sort: sort.by, desc: sort.desc ? '1' : '' };
  const select = (name, options, label) =>
    h('label', {}, label, ' ',
      h('select', { name, onchange: (e) => go('/', { ...state, [name]: e.target.value }) },
        h('option', { value: '' }, '全部 all'),
        options.map((o) => h('option', { value: o.value, selected: o.value === filter[name] }, o.label))));
  const filters = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    select('portal', grid.portals.map((p) => ({ value: p.id, label: p.name || p.id })), '门户 Portal'),
    select('kind', grid.kinds.map((k) => ({ value: k, label: k })), '类型 Kind'),
    h('label', { class: 'never' }, h('input', { type: 'checkbox', name: 'published', checked: filter.published === 'never',
      onchange: (e) => go('/', { ...state, published: e.target.checked ? 'never' : '' }) }), ' 从未发布 never published'));
  const sortLink = (by, text) => {
    const active = sort.by === by;
    const next = { ...state, sort: by, desc: active && !sort.desc ? '1' : '' };
    return h('a', { href: hashOf('/', next), class: active ? 'sort active' : 'sort', dataset: { sort: by } }, text, active ? (sort.desc ? ' ▼' : ' ▲') : '');
  };
  const head = h('tr', {},
    h('th', { scope: 'col' }, sortLink('name', '机构 Body')),
    h('th', { scope: 'col' }, sortLink('kind', '类型')),
    grid.years.map((y) => h('th', { scope: 'col' }, sortLink(String(y), String(y)))),
    h('th', { scope: 'col', title: 'years with a report' }, sortLink('reports', '已归档')),
    h('th', { scope: 'col', title: 'years missing' }, sortLink('missing', '缺失')),
    h('th', {}, ''));
  const rows = sortRows(grid.rows, sort).map((row) =>
    h('tr', { dataset: { agency: row.agencyId ?? '' } },
      h('th', { scope: 'row', class: 'body-name' }, row.name, h('span', { class: 'muted portal-tag' }, row.portalId)),
      h('td', { class: 'muted' }, row.kind ?? '—'),
      grid.years.map((year) => slotCell(row, year)),
      h('td', { class: 'num' }, String(reportYears(row))),
      h('td', { class: 'num' }, String(missingYears(row))),
      h('td', {}, row.agencyId === null ? '' : h('a', { href: hashOf('/compare', { agencies: row.agencyId }), class: 'small' }, '比较'))));
  const summary = h('p', { class: 'muted' },
    `${grid.rows.length} bodies · ${grid.rows.reduce((n, r) => n + reportYears(r), 0)} body-years archived · `,
    grid.asOf ? `状态截至 status as of ${grid.asOf}` : '状态：最近一次 nightly 监测 status from the last nightly run');
  view.append(h('h1', {}, '机构 × 年度 Agencies × years'), filters, legend(grid), summary,
    h('div', { class: 'scroll' }, h('table', { class: 'grid' }, h('thead', {}, head), h('tbody', {}, rows))),
    downloadLinks('/api/grid', filter));
  return view;
}

/** One line: a swatch, the Chinese name and the count of every status shown. */
function legend(grid) {
  const shown = grid.legend.filter((l) => l.count > 0);
  return h('p', { class: 'legend' }, shown.map((l) =>
    h('span', { class: 'legend-item', title: l.hint, dataset: { status: l.status } }, h('span', { class: `swatch status-${l.status}` }), `${l.label} `, h('b', { class: 'count' }, String(l.count)))));
}

const reportYears = (row) => Object.values(row.years).filter((s) => s.reports.length > 0).length;
const missingYears = (row) => Object.values(row.years).filter((s) => s.status === 'missing').length;

function sortRows(rows, sort) {
  if (sort.by === '') return rows;
  const key = (row) => {
    if (sort.by === 'name') return row.name;
    if (sort.by === 'kind') return row.kind ?? '';
    if (sort.by === 'reports') return reportYears(row);
    if (sort.by === 'missing') return missingYears(row);
    const slot = row.years[sort.by];
    return slot ? SEVERITY.indexOf(slot.status) : SEVERITY.length;
  };
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' ? x - y : x.localeCompare(y, 'zh-Hans-CN');
    return order || a.name.localeCompare(b.name, 'zh-Hans-CN');
  });
  return sort.desc ? sorted.reverse() : sorted;
}

function slotCell(row, year) {
  const slot = row.years[String(year)];
  const status = slot?.status ?? 'none';
  const late = slot?.daysLate ? `, ${slot.daysLate} days late` : '';
  const cell = h('td', { class: `slot status-${status}`, title: `${row.name} ${year}: ${slot ? status : 'not expected'}${late}`, dataset: { year, status } });
  for (const report of slot?.reports ?? []) {
    const failing = report.failingChecks > 0;
    cell.append(h('a', { href: `#/report/${report.id}`, class: failing ? 'slot-link failing' : 'slot-link', title: failing ? `${report.failingChecks} failing check(s)` : 'checks pass' }, failing ? `✗${report.failingChecks}` : '✓'));
  }
  if (slot?.daysLate) cell.append(h('span', { class: 'days-late' }, `+${slot.daysLate}天`));
  // No report to open: the watch's evidence is (the pages it checked), in the capture view.
  if (slot?.evidence?.length && slot.reports.length === 0) {
    cell.append(h('a', { href: `#/capture/${slot.evidence[0]}`, class: 'evidence', title: `证据 evidence: capture ${slot.evidence.join(', ')}` }, '证'));
  }
  return cell;
}
