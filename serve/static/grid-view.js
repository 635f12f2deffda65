// Agencies × years, coloured by watch status; filters by portal and kind live in the URL.
import { api } from './api.js';
import { go, hashOf } from './app.js';
import { h } from './dom.js';

export async function showGrid(view, params) {
  const filter = { portal: params.get('portal') ?? '', kind: params.get('kind') ?? '' };
  const grid = await api('/api/grid', filter);
  const select = (name, options, label) =>
    h('label', {}, label, ' ',
      h('select', { name, onchange: (e) => go('/', { ...filter, [name]: e.target.value }) },
        h('option', { value: '' }, '全部 all'),
        options.map((o) => h('option', { value: o.value, selected: o.value === filter[name] }, o.label))));
  const filters = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    select('portal', grid.portals.map((p) => ({ value: p.id, label: p.name || p.id })), '门户 Portal'),
    select('kind', grid.kinds.map((k) => ({ value: k, label: k })), '类型 Kind'));
  const legend = h('ul', { class: 'legend' }, grid.legend.map((l) => h('li', {}, h('span', { class: `swatch status-${l.status}` }), l.label)));
  const head = h('tr', {}, h('th', { scope: 'col' }, '机构 Body'), h('th', { scope: 'col' }, '类型'), grid.years.map((y) => h('th', { scope: 'col' }, String(y))), h('th', {}, ''));
  const rows = grid.rows.map((row) =>
    h('tr', { dataset: { agency: row.agencyId ?? '' } },
      h('th', { scope: 'row', class: 'body-name' }, row.name, h('span', { class: 'muted portal-tag' }, row.portalId)),
      h('td', { class: 'muted' }, row.kind ?? '—'),
      grid.years.map((year) => slotCell(row, year)),
      h('td', {}, row.agencyId === null ? '' : h('a', { href: hashOf('/compare', { agencies: row.agencyId }), class: 'small' }, '比较'))));
  const summary = h('p', { class: 'muted' }, `${grid.rows.length} bodies · ${grid.rows.reduce((n, r) => n + Object.keys(r.years).length, 0)} body-years archived`);
  view.append(h('h1', {}, '机构 × 年度 Agencies × years'), filters, legend, summary,
    h('div', { class: 'scroll' }, h('table', { class: 'grid' }, h('thead', {}, head), h('tbody', {}, rows))));
  return view;
}

function slotCell(row, year) {
  const slot = row.years[String(year)];
  const status = slot?.status ?? 'not-archived';
  const late = slot?.daysLate ? `, ${slot.daysLate} days late` : '';
  const cell = h('td', { class: `slot status-${status}`, title: `${row.name} ${year}: ${status}${late}`, dataset: { year, status } });
  for (const report of slot?.reports ?? []) {
    const failing = report.failingChecks > 0;
    cell.append(h('a', { href: `#/report/${report.id}`, class: failing ? 'slot-link failing' : 'slot-link', title: failing ? `${report.failingChecks} failing check(s)` : 'checks pass' }, failing ? `✗${report.failingChecks}` : '✓'));
  }
  return cell;
}
