// One report: the archived page (sandboxed) beside the extracted tables. Clicking a number shows where it came from.
// The tables come from the compact answer (/api/reports/ID/compact), the cells each check adds up from /api/keys; a
// clicked cell's provenance from /api/reports/ID/cells/KEY.
import { api, keyLayout } from './api.js';
import { remember } from './route.js';
import { append, clear, downloadLinks, formatValue, h } from './dom.js';
import { pdfPageFigure } from './pdf-page-view.js';

export async function showReport(view, id, params) {
  const [data, layout] = await Promise.all([api(`/api/reports/${id}/compact`), keyLayout()]);
  const r = data.report;
  const termsOf = (check) => layout.checks[r.template]?.[check.checkId] ?? { left: [], right: [] };
  const failingByKey = new Map();
  for (const check of data.failingChecks) {
    const terms = termsOf(check);
    for (const key of [...terms.left, ...terms.right]) failingByKey.set(key, [...(failingByKey.get(key) ?? []), check.checkId]);
  }
  const cells = new Map(data.cells.map(([key, value, method]) => [key, { key, value, method, label: layout.labels[key]?.label, failingChecks: failingByKey.get(key) ?? [] }]));
  let selected = 0;
  const chosen = params.get('cell');
  // With a cell in the URL the frame waits for its source (the page with that cell outlined): one load, not two.
  const frame = h('iframe', { class: 'archived', sandbox: '', referrerpolicy: 'no-referrer', title: '归档原文 archived page', src: chosen ? 'about:blank' : (data.pageUrl ?? 'about:blank') });
  const source = h('section', { class: 'source-panel', id: 'source' }, h('p', { class: 'muted' }, '点击数字查看来源 Click a number to see where it was read.'));
  const select = (key) => {
    const cell = cells.get(key);
    if (!cell) return;
    for (const el of view.querySelectorAll('.value.selected')) el.classList.remove('selected');
    view.querySelector(`.value[data-key="${CSS.escape(key)}"]`)?.classList.add('selected');
    remember(`/report/${id}`, { cell: key });
    const ticket = ++selected;
    api(`/api/reports/${id}/cells/${encodeURIComponent(key)}`).then(
      (detail) => { if (ticket === selected) showSource(source, frame, data, detail, layout.labels[key]); },
      (error) => { if (ticket === selected) { showPage(frame, data); clear(source); source.append(h('p', { class: 'error' }, String(error.message ?? error))); } },
    );
  };
  const template = r.template === 'older' ? null : r.template;
  const tables = h('div', { class: 'tables' });
  if (template === null) tables.append(h('p', { class: 'muted' }, '旧版模板：没有标准表格 (older template: no canonical tables).'));
  else {
    tables.append(
      listTable('表二 主动公开', layout.t2[template], cells, select),
      matrixTable('表三 依申请公开', 't3', layout.t3[template], cells, select),
      matrixTable('表四 行政复议、行政诉讼', 't4', layout.t4, cells, select),
    );
  }
  const failing = data.failingChecks;
  const checks = h('section', { class: 'checks' },
    h('h2', {}, `勾稽关系 Checks: ${data.checkCount - failing.length} / ${data.checkCount} pass`),
    failing.length === 0 ? null : h('ul', {}, failing.map((c) => h('li', { class: 'check-failing', dataset: { check: c.checkId } },
      h('span', { class: 'formula' }, c.formula ?? `${formatValue(c.left)} ≠ ${formatValue(c.right)}`),
      h('span', { class: 'muted' }, ` ${c.checkId}`),
      c.meaning ? h('span', { class: 'meaning' }, c.meaning) : null))));
  const timeline = h('section', { class: 'versions' });
  const files = data.files.length === 0 ? null : h('section', { class: 'files' }, h('h2', {}, '附件与图片 Files'),
    h('ul', {}, data.files.map((f) => h('li', {},
      f.archiveUrl ? h('a', { href: fileHref(f), target: '_blank', rel: 'noopener' }, f.label || f.url) : `${f.label || f.url} (未采集 not captured)`,
      h('span', { class: 'muted' }, ` ${f.kind}`),
      f.captureId ? [' · ', h('a', { href: `#/capture/${f.captureId}`, class: 'small' }, `采集记录 capture ${f.captureId}`)] : null))));
  const meta = h('dl', { class: 'meta' },
    term('机构', r.agencyName ?? '—'), term('年度', r.year ?? '—'), term('模板', r.template), term('发布', r.publishedAt ?? '—'),
    term('版本', `v${r.version}${r.isCurrent ? '（现行 current）' : '（已被取代 superseded）'} · ${r.versions.length} version(s)`),
    term('首次采集', r.firstSeenAt),
    term('原址', h('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer', class: 'original-url' }, r.url)),
    r.sourceCaptureId ? term('采集记录', h('a', { href: `#/capture/${r.sourceCaptureId}` }, `capture ${r.sourceCaptureId}`)) : null,
    r.missingTables.length > 0 ? term('未见于HTML的表', r.missingTables.join(', ')) : null,
    r.warnings.length > 0 ? term('提示', r.warnings.join('；')) : null);
  view.append(h('h1', {}, r.title ?? `报告 ${id}`), meta,
    h('div', { class: 'report-split' },
      h('div', { class: 'pane original' }, h('h2', {}, '归档原文 Archived original'), frame),
      h('div', { class: 'pane extracted' }, h('h2', {}, '提取的表格 Extracted tables'), source, tables,
        downloadLinks(`/api/reports/${id}/tables`, {}, { json: false }), checks, timeline, files)));
  if (r.versions.length > 1) api(`/api/reports/${id}/versions`).then((answer) => append(timeline, versionTimeline(answer, id)), () => {});
  if (chosen) {
    if (cells.has(chosen)) queueMicrotask(() => select(chosen));
    else showPage(frame, data);
  }
  return view;
}

/** An attachment's archived bytes, downloaded under the name the page showed for it. */
function fileHref(f) {
  return f.kind === 'image' || !f.label ? f.archiveUrl : `${f.archiveUrl}?name=${encodeURIComponent(f.label)}`;
}

function term(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

function valueButton(key, cells, select) {
  const cell = cells.get(key);
  if (!cell) return h('td', { class: 'missing' }, '');
  const classes = ['value', cell.failingChecks.length > 0 ? 'failing' : '', cell.method === 'ocr' ? 'ocr' : '', cell.value === null ? 'blank' : ''].filter(Boolean).join(' ');
  return h('td', {}, h('button', { type: 'button', class: classes, dataset: { key }, title: cell.label ?? key, onclick: () => select(key) }, formatValue(cell.value)));
}

function matrixTable(caption, prefix, layout, cells, select) {
  return h('table', { class: 'extracted', dataset: { table: prefix } },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', {}, ''), layout.cols.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, layout.rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label), layout.cols.map((col) => valueButton(`${prefix}.${row.id}.${col.id}`, cells, select))))));
}

function listTable(caption, keys, cells, select) {
  return h('table', { class: 'extracted', dataset: { table: 't2' } },
    h('caption', {}, caption),
    h('tbody', {}, keys.map((k) => h('tr', {}, h('th', { scope: 'row' }, k.label), valueButton(k.key, cells, select)))));
}

/** The archived page in the frame, if the frame still waits for one. */
function showPage(frame, data) {
  if (frame.getAttribute('src') === 'about:blank' && data.pageUrl) frame.src = data.pageUrl;
}

function showSource(panel, frame, data, cell, label) {
  clear(panel);
  const src = cell.source;
  panel.append(h('h3', {}, label ? label.label : cell.key, h('span', { class: 'key' }, cell.key)),
    h('dl', { class: 'meta' },
      term('数值 value', `${formatValue(cell.value)}${label && cell.value !== null ? ` ${label.unit}` : ''}`),
      term('原文 raw', cell.raw ?? '（未找到 not found）'),
      term('方法 method', cell.method ?? '—'),
      term('置信度 confidence', cell.confidence === null ? '—' : cell.confidence.toFixed(2)),
      term('位置 location', h('code', {}, cell.location ?? '—')),
      src.kind === 'image' && src.repair ? term('修正 repair', src.repair) : null,
      cell.failingChecks.length > 0 ? term('未通过校验', cell.failingChecks.join(', ')) : null));
  if (src.kind === 'html' && data.pageUrl) {
    frame.src = `${data.pageUrl}?highlight=${encodeURIComponent(src.location)}#nianbao-highlight`;
    panel.append(h('p', { class: 'muted' }, '原文中已高亮该单元格 The cell is outlined in the archived page.'));
    return;
  }
  if (src.kind === 'image' && data.pageUrl) frame.src = `${data.pageUrl}?image=${src.captureId}#nianbao-highlight`;
  else showPage(frame, data);
  if (src.kind === 'image') {
    const b = src.bbox;
    const url = b ? `/archive/captures/${src.captureId}/crop?x=${Math.round(b.x)}&y=${Math.round(b.y)}&w=${Math.max(1, Math.round(b.w))}&h=${Math.max(1, Math.round(b.h))}` : `/archive/captures/${src.captureId}`;
    panel.append(h('figure', { class: 'crop' }, h('img', { src: url, alt: `image crop of ${cell.key}`, class: 'crop-image' }),
      h('figcaption', { class: 'muted' }, `图片 `, h('a', { href: `#/capture/${src.captureId}` }, `capture ${src.captureId}`), b ? ` · box ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}×${Math.round(b.h)}` : '')));
    // The whole table image with the cell boxed: its row and column labels are in view.
    if (b) panel.append(h('figure', { class: 'whole-image' }, boxedImage(`/archive/captures/${src.captureId}`, b, cell.key), h('figcaption', { class: 'muted' }, '整张图片，方框为该单元格 The whole image; the box is this cell.')));
  } else if (src.kind === 'document') {
    const file = data.files.find((f) => f.captureId === src.captureId);
    panel.append(h('p', { class: 'document-source' },
      `读自附件 Read from ${file?.label || '附件 the attachment'}`, src.page === null ? '' : `，第 ${src.page} 页 page ${src.page}`,
      `，第 ${src.table + 1} 个表格第 ${src.row + 1} 行第 ${src.col + 1} 列 (table ${src.table}, row ${src.row}, column ${src.col}). `,
      src.captureId === null ? null : [h('a', { href: file ? fileHref(file) : `/archive/captures/${src.captureId}`, target: '_blank', rel: 'noopener' }, '打开附件 open the file'), ' · ',
        h('a', { href: `#/capture/${src.captureId}` }, `采集记录 capture ${src.captureId}`)]));
    if (src.captureId !== null && src.page !== null && /^page\[\d+\]\/table\[/.test(src.location)) {
      panel.append(pdfPageFigure(data.report.id, cell.key, h('a', { href: file ? fileHref(file) : `/archive/captures/${src.captureId}`, target: '_blank', rel: 'noopener' }, file?.label || '附件 the file')));
    }
  } else {
    panel.append(h('p', { class: 'muted' }, '没有可显示的来源 No source to show.'));
  }
}

/** An image scaled to its box's width, with an outline over the cell (placed once the image's size is known). */
function boxedImage(src, b, key) {
  const box = h('div', { class: 'box', dataset: { key } });
  const img = h('img', { src, alt: `whole image of ${key}`, class: 'boxed-image' });
  img.addEventListener('load', () => {
    const W = img.naturalWidth;
    const H = img.naturalHeight;
    Object.assign(box.style, { left: `${(b.x / W) * 100}%`, top: `${(b.y / H) * 100}%`, width: `${(b.w / W) * 100}%`, height: `${(b.h / H) * 100}%` });
    box.dataset.placed = 'true';
  });
  return h('div', { class: 'boxed' }, img, box);
}

/** The document's versions, oldest first, each with the cells that changed since the one before. */
function versionTimeline(answer, currentId) {
  return [h('h2', {}, `版本 Versions (${answer.versions.length})`),
    h('ol', { class: 'timeline' }, answer.versions.map((v) => h('li', { class: v.id === currentId ? 'version shown' : 'version', dataset: { version: v.version } },
      h('a', { href: `#/report/${v.id}` }, `v${v.version}`), ` ${v.firstSeenAt.slice(0, 10)}${v.isCurrent ? ' 现行 current' : ''}`,
      v.version === 1 ? h('span', { class: 'muted' }, ' 首次采集 first seen')
        : v.changes.length === 0 ? h('span', { class: 'muted' }, ' 数字未变（正文修改） numbers unchanged, text changed')
        : h('ul', { class: 'changes' }, v.changes.map((c) => h('li', { dataset: { key: c.key } }, `${c.label}: ${formatValue(c.before)} → ${formatValue(c.after)}`))))))];
}
