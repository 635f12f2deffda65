// Building DOM without innerHTML: archive text is always inserted as text nodes.

/**
 * h('a', { href: '#/', class: 'x', onclick: fn, dataset: { key: 'k' } }, 'text', child)
 * Attributes whose value is null/undefined/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Numbers as printed in Chinese reports: thousands separators off, blanks as an em dash. */
export function formatValue(value) {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * Download links for a table the page shows: CSV (UTF-8 with BOM, opens in Excel), XLSX, and the JSON answer for
 * scripts. `path` is the JSON endpoint (e.g. /api/grid); the files are `<path>.csv` / `<path>.xlsx` with the same query.
 */
export function downloadLinks(path, params = {}, { json = true } = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  const url = (suffix) => `${path}${suffix}${query ? `?${query}` : ''}`;
  return h('p', { class: 'downloads' }, '下载 Download: ',
    h('a', { href: url('.csv'), download: '', class: 'download-csv' }, 'CSV'), ' · ',
    h('a', { href: url('.xlsx'), download: '', class: 'download-xlsx' }, 'XLSX'),
    json ? [' · ', h('a', { href: url(''), target: '_blank', rel: 'noopener', class: 'download-json', title: 'JSON for scripts' }, 'JSON')] : null);
}
