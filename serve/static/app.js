// Hash routing: every view is addressable (#/, #/report/12?cell=t3.new.total, #/search?q=…, #/compare?agencies=…).
import { clear, h } from './dom.js';
import { currentRoute } from './route.js';
import { showGrid } from './grid-view.js';
import { showReport } from './report-view.js';
import { showSearch } from './search-view.js';
import { showCompare } from './compare-view.js';
import { showCapture } from './capture-view.js';

const ROUTES = [
  { pattern: /^\/(?:grid)?$/, nav: 'grid', show: (view, m, params) => showGrid(view, params) },
  { pattern: /^\/report\/(\d+)$/, nav: null, show: (view, m, params) => showReport(view, Number(m[1]), params) },
  { pattern: /^\/search$/, nav: 'search', show: (view, m, params) => showSearch(view, params) },
  { pattern: /^\/compare$/, nav: 'compare', show: (view, m, params) => showCompare(view, params) },
  { pattern: /^\/capture\/(\d+)$/, nav: null, show: (view, m) => showCapture(view, Number(m[1])) },
];

let generation = 0;

async function render() {
  const view = document.getElementById('view');
  const { path, params } = currentRoute();
  const route = ROUTES.find((r) => r.pattern.test(path));
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', route?.nav === a.dataset.nav);
  const mine = ++generation;
  clear(view).append(h('p', { class: 'muted' }, 'Loading…'));
  try {
    if (!route) throw new Error(`no page ${path}`);
    const content = await route.show(h('div'), route.pattern.exec(path), params);
    if (mine === generation) clear(view).append(content);
  } catch (error) {
    if (mine === generation) clear(view).append(h('p', { class: 'error' }, `出错 Error: ${error.message}`));
  }
}

window.addEventListener('hashchange', render);
render();
