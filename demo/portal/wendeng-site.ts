/**
 * Demo wendeng.gov.cn: reports as jcms articles in a different 年报 column every year, reached from the
 * 政府信息公开年报 menu; 2021–2022 reports are flip-books on a separate host, linked from their article.
 */
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { renderReportBody } from '../reports/render-report-body.ts';
import { encodePage, shellCharset } from './page-encoding.ts';
import { htmlPage, type Route, type SiteResponse } from './http-site.ts';
import { articleDate, columnRoutes, pathRoute, robotsRoute, type DemoColumn } from './jcms-routes.ts';
import { articlePage, homePage, type SiteIdentity } from './page-shells.ts';
import { fileRoutes, reportAssets } from './report-files.ts';
import type { SiteOptions } from './site-options.ts';

const SITE: SiteIdentity = { siteName: '威海市文登区人民政府', printedHost: 'www.wendeng.gov.cn', sponsor: '威海市文登区人民政府办公室', webId: 2 };
const MENU = '/col/col70622/index.html';
/** Year → 年报 column where no article path pins it (2019, 2020 and 2025 are the real ids). */
const YEAR_COLUMNS: Readonly<Record<number, number>> = { 2019: 70623, 2020: 75243, 2021: 110531, 2022: 139852, 2023: 158870, 2024: 170214, 2025: 182996 };

export function wendengRoutes(all: readonly DemoReportSpec[], options: SiteOptions): Route[] {
  const reports = all.filter((r) => r.portal === 'wendeng');
  const articles = articlePaths(reports);
  const columns = new Map<number, DemoColumn & { records: { href: string; title: string; date: string }[] }>();
  for (const { spec, path } of articles) {
    const id = columnOf(path) ?? YEAR_COLUMNS[spec.year] ?? 199999;
    const column = columns.get(id) ?? { id, name: `${spec.year}年政府信息公开年报`, unitId: 40000 + (id % 1000), records: [] };
    column.records.push({ href: path, title: spec.title, date: spec.publishedAt.slice(0, 10) });
    columns.set(id, column);
  }
  const menuLinks = [...columns.values()].sort((a, b) => a.id - b.id).map((c) => ({ href: `/col/col${c.id}/index.html`, text: c.name }));
  const pages = new Map<string, SiteResponse>([
    ['/', htmlPage(homePage(SITE, [{ href: MENU, text: '政府信息公开年报' }]))],
    [MENU, htmlPage(homePage(SITE, menuLinks))],
    // The 政府信息公开 entry every page's top bar links: the xxgk menu, which links the 年报 menu.
    ['/col/col35774/index.html', htmlPage(homePage(SITE, [{ href: MENU, text: '政府信息公开年报' }]))],
    ...articles.map(({ spec, path }): [string, SiteResponse] => [path, encodePage(articlePage(SITE, articleMeta(spec), articleBody(spec, options), shellCharset(spec)), spec.charset)]),
  ]);
  return [robotsRoute(), ...columnRoutes(SITE, [...columns.values()]), pathRoute(pages), ...fileRoutes(reports, { oversized: '/none/oversized', hanging: null })];
}

function articlePaths(reports: readonly DemoReportSpec[]): { spec: DemoReportSpec; path: string }[] {
  return reports.map((spec, i) => ({ spec, path: spec.articlePath ?? defaultArticlePath(spec, i) }));
}

/** Where each wendeng report article is served, by slug. */
export function wendengReportPaths(all: readonly DemoReportSpec[]): Map<string, string> {
  return new Map(articlePaths(all.filter((r) => r.portal === 'wendeng')).map(({ spec, path }) => [spec.slug, path]));
}

function articleBody(spec: DemoReportSpec, options: SiteOptions): string {
  if (spec.delivery === 'flipbook' && spec.flipbookPath !== undefined) {
    return `<p style="text-align:center"><a href="${options.flipbookOrigin}/book/${spec.flipbookPath}/index.html" target="_blank">${spec.title}（点击阅读电子书）</a></p>`;
  }
  return renderReportBody(spec, reportAssets(spec));
}

function articleMeta(spec: DemoReportSpec) {
  return { title: spec.title, publishedAt: spec.publishedAt, indexNumber: `${spec.agencyKey}/${spec.publishedAt.slice(0, 4)}-00003`, publisher: spec.agency, columnName: `${spec.year}年政府信息公开年报` };
}

function columnOf(path: string): number | null {
  const match = /art_(\d+)_\d+\.html$/.exec(path);
  return match ? Number(match[1]) : null;
}

function defaultArticlePath(spec: DemoReportSpec, index: number): string {
  const { y, m, d } = articleDate(spec.publishedAt);
  return `/art/${y}/${m}/${d}/art_${YEAR_COLUMNS[spec.year] ?? 199999}_${2600000 + index}.html`;
}
