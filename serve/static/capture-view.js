// One archived HTTP exchange (#/capture/ID): what the portal was asked and answered — the evidence ids of the watch
// and every number's source point here. The body is shown as the archive can show it safely: an image inline, an
// HTML page inert in a sandboxed frame, text as text, anything else as a download.
import { api } from './api.js';
import { append, h } from './dom.js';

export async function showCapture(view, id) {
  const data = await api(`/api/captures/${id}`);
  const c = data.capture;
  const rows = [
    ['请求 request', `${c.method} ${c.requestedUrl}`],
    ['最终地址 final URL', c.finalUrl === c.requestedUrl ? '（同上 same）' : c.finalUrl],
    ['时间 fetched at', c.fetchedAt],
    ['状态 status', c.status === 0 ? `无应答 no response (${c.errorCode ?? ''} ${c.errorMessage ?? ''})` : String(c.status)],
    ['类型 type', [c.contentType, c.charset].filter(Boolean).join(' · ') || '—'],
    ['长度 length', `${c.length} bytes`],
    ['SHA-256', c.sha256 ?? '（无正文 no body）'],
    ['用途 purpose', c.purpose],
    ['采集批次 run', `${c.runId} · ${c.portalId} · ${c.crawlerVersion}`],
  ];
  append(view, [h('h1', {}, `采集记录 Capture ${c.id}`),
    h('dl', { class: 'meta capture-meta' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    data.confirms === null ? null : h('p', {}, '304：门户确认内容未变，内容见 the portal confirmed the content of ', h('a', { href: `#/capture/${data.confirms}` }, `capture ${data.confirms}`)),
    h('div', { class: 'capture-headers' },
      headerTable('请求头 Request headers', c.requestHeaders),
      headerTable('响应头 Response headers', c.headers)),
    body(data)]);
  return view;
}

function headerTable(caption, headers) {
  const entries = Object.entries(headers ?? {});
  return h('table', { class: 'data headers' }, h('caption', {}, caption),
    h('tbody', {}, entries.length === 0 ? h('tr', {}, h('td', { class: 'muted' }, '—')) : entries.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

function body(data) {
  const section = h('section', { class: 'capture-body' }, h('h2', {}, '正文 Body'));
  if (data.rendering === 'image') section.append(h('img', { src: data.bodyUrl, alt: `capture ${data.capture.id}`, class: 'capture-image' }));
  else if (data.rendering === 'html') section.append(h('iframe', { class: 'archived', sandbox: '', referrerpolicy: 'no-referrer', title: 'archived page', src: data.pageUrl }));
  else if (data.rendering === 'text') section.append(h('pre', { class: 'capture-text' }, data.text ?? ''));
  else if (data.rendering === 'download') section.append(h('p', {}, h('a', { href: data.bodyUrl, download: '' }, '下载 Download')));
  else section.append(h('p', { class: 'muted' }, '没有正文 No body was stored for this exchange.'));
  return section;
}
