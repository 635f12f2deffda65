/** Demo flip-book host (wendeng's 2021–2022 e-books): `/book/{YYYY}dzs/{dept}/files/basic-html/page{N}.html`. */
import { renderFlipbookPages } from '../reports/render-flipbook-pages.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { htmlPage, type Route, type SiteResponse } from './http-site.ts';
import { flipbookPage } from './page-shells.ts';

export function flipbookRoutes(all: readonly DemoReportSpec[]): Route[] {
  const pages = new Map<string, SiteResponse>();
  for (const spec of all) {
    if (spec.delivery !== 'flipbook' || spec.flipbookPath === undefined) continue;
    const base = `/book/${spec.flipbookPath}`;
    pages.set(`${base}/index.html`, htmlPage(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${spec.title}</title></head><body><iframe src="files/basic-html/page1.html"></iframe></body></html>`));
    renderFlipbookPages(spec).forEach((text, i) => pages.set(`${base}/files/basic-html/page${i + 1}.html`, htmlPage(flipbookPage(i + 1, text))));
  }
  return [(url) => pages.get(url.pathname) ?? null];
}
