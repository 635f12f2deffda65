// Full-text search with highlighted snippets; the query and filters live in the URL.
import { api } from './api.js';
import { go, hashOf } from './route.js';
import { downloadLinks, h } from './dom.js';

const FIELDS = ['q', 'portal', 'year', 'agency', 'template', 'failingCheck'];

export async function showSearch(view, params) {
  const state = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? '']));
  const offset = Number(params.get('offset') ?? 0) || 0;
  const input = (name, label, attrs = {}) => h('label', {}, label, ' ', h('input', { name, value: state[name], ...attrs }));
  const form = h('form', { class: 'filters search-form', onsubmit: (e) => {
    e.preventDefault();
    go('/search', Object.fromEntries(new FormData(e.target)));
  } },
    input('q', '检索 Search', { type: 'search', placeholder: '如：信访 / 依申请公开', autofocus: true, size: 30 }),
    input('year', '年度', { size: 5, inputmode: 'numeric' }),
    input('agency', '机构', { size: 12 }),
    h('label', {}, '模板 ', h('select', { name: 'template' }, ['', '2021', '2019', 'older'].map((t) => h('option', { value: t, selected: t === state.template }, t || '全部')))),
    input('failingCheck', '未通过校验', { size: 14, placeholder: 't3.balance.total' }),
    input('portal', '门户', { size: 10 }),
    h('button', { type: 'submit' }, '检索'));
  view.append(h('h1', {}, '检索 Search'), form);
  if (state.q === '' && state.failingCheck === '' && state.agency === '') return view;
  const answer = await api('/api/search', { ...state, offset, limit: 20 });
  const list = h('ol', { class: 'results', start: offset + 1 },
    answer.results.map((r) => h('li', { class: 'result' },
      h('a', { href: `#/report/${r.reportId}`, class: 'result-title' }, r.title ?? `${r.agency ?? ''} ${r.year ?? ''}`),
      h('div', { class: 'muted' }, [r.agency, r.year, r.portalId].filter(Boolean).join(' · ')),
      h('p', { class: 'snippet' }, highlight(r.snippet ?? '', state.q)))));
  view.append(h('p', { class: 'muted' }, answer.results.length === 0 ? '没有结果 No results.' : `${offset + 1}–${offset + answer.results.length}`), list);
  const pager = h('p', { class: 'pager' });
  if (offset > 0) pager.append(h('a', { href: hashOf('/search', { ...state, offset: Math.max(0, offset - 20) }) }, '← 上一页'), ' ');
  if (answer.results.length === 20) pager.append(h('a', { href: hashOf('/search', { ...state, offset: offset + 20 }) }, '下一页 →'));
  view.append(pager, downloadLinks('/api/search', { ...state, offset, limit: 20 }));
  return view;
}

/**
 * Snippet with its hits marked. The API's snippets are HTML-escaped text with hits in <mark></mark>; they are
 * split on the marks and decoded into text nodes (never parsed as HTML). A snippet without marks gets every
 * query term marked instead.
 */
export function highlight(snippet, query) {
  const parts = snippet.includes('<mark>')
    ? snippet.split(/(<mark>.*?<\/mark>)/s).map((p) => {
        const m = /^<mark>(.*)<\/mark>$/s.exec(p);
        return { text: unescapeHtml(m ? m[1] : p), hit: m !== null };
      })
    : splitTerms(snippet, query);
  return parts.filter((p) => p.text !== '').map((p) => (p.hit ? h('mark', {}, p.text) : p.text));
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&amp;': '&' };

function unescapeHtml(text) {
  return text.replace(/&(?:lt|gt|quot|amp|#39|#x27);/g, (e) => ENTITIES[e]);
}

function splitTerms(text, query) {
  const terms = query.split(/\s+/).map((t) => t.replace(/["*()]/g, '')).filter((t) => t.length > 0);
  if (terms.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return text.split(pattern).map((p, i) => ({ text: p, hit: i % 2 === 1 }));
}
