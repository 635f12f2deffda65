/**
 * Demo yanzhou.gov.cn: departments' and towns' reports in the xxgk module
 * (`/module/xxgk/xxgkAnnualReport.jsp?area=…&fbtime=…`), agencies in the xxgk catalogue, and the whole-government
 * report as an article in the 年报 column 61508.
 */
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { renderReportBody } from '../reports/render-report-body.ts';
import { encodePage, shellCharset } from './page-encoding.ts';
import { htmlPage, type Route, type SiteResponse } from './http-site.ts';
import { articleDate, columnRoutes, flakyRoute, pathRoute, redirectRoute, robotsRoute } from './jcms-routes.ts';
import { annualReportPage, articlePage, cataloguePage, homePage, missingAnnualReportPage, type SiteIdentity } from './page-shells.ts';
import { fileRoutes, reportAssets, type ExtraLink } from './report-files.ts';
import type { SiteOptions } from './site-options.ts';

const SITE: SiteIdentity = { siteName: '中国·兖州', printedHost: 'www.yanzhou.gov.cn', sponsor: '济宁市兖州区人民政府办公室', webId: 1 };
const CATALOGUE_COLUMN = 35774;
const REPORT_COLUMN = 61508;
/** A body listed in the catalogue that never published a report. */
const SILENT_AGENCY = { key: '11370812MB1565722X', name: '济宁市兖州区审计局', group: '区政府部门' };
/** Old address of the first column article: the site moved it, the list still links the old one. */
const MOVED_FROM = `/art/2023/1/20/art_${REPORT_COLUMN}_10001.html`;
export const OVERSIZED_DOWNLOAD = '/module/download/downfile.jsp?classid=0&filename=5f1c0e2a9b7d4c3e8a6f1b2c3d4e5f60.zip';
export const HANGING_DOWNLOAD = '/module/download/downfile.jsp?classid=0&filename=0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4.rar';

export function yanzhouRoutes(all: readonly DemoReportSpec[], options: SiteOptions): Route[] {
  const reports = all.filter((r) => r.portal === 'yanzhou' && r.delivery === 'page');
  const inModule = reports.filter((r) => r.agencyKind !== '本级政府');
  const asArticles = reports.filter((r) => r.agencyKind === '本级政府');
  const extraLinks: ExtraLink[] = options.withOversizedDownload === true ? [{ href: OVERSIZED_DOWNLOAD, text: '兖州区政务公开资料汇编（全文）.zip' }] : [];
  if (options.withHangingDownload) extraLinks.push({ href: HANGING_DOWNLOAD, text: '政务公开工作台账.rar' });
  const articles = articlePaths(asArticles);
  const flaky = inModule.find((r) => r.template === '2019');

  const annualReport: Route = (url) => (url.pathname === '/module/xxgk/xxgkAnnualReport.jsp' ? moduleReportPage(inModule, url) : null);
  const pages = new Map<string, SiteResponse>([
    ['/', htmlPage(homePage(SITE, [{ href: `/col/col${CATALOGUE_COLUMN}/index.html`, text: '政府信息公开' }, { href: `/col/col${REPORT_COLUMN}/index.html`, text: '政府信息公开年报' }]))],
    [`/col/col${CATALOGUE_COLUMN}/index.html`, { ...htmlPage(cataloguePage(SITE, CATALOGUE_COLUMN, catalogueEntries(inModule))), delayMs: options.slowMs }],
    ...articles.map(({ spec, path }, i): [string, SiteResponse] => [path, encodePage(articlePage(SITE, articleMeta(spec), bodyWithLinks(spec, i === 0 ? extraLinks : []), shellCharset(spec)), spec.charset)]),
  ]);
  const records = articles.map(({ spec, path }, i) => ({ href: i === 0 ? MOVED_FROM : path, title: spec.title, date: spec.publishedAt.slice(0, 10) }));
  return [
    robotsRoute(),
    ...(flaky ? [flakyRoute(moduleReportPath(flaky), options.flakyFailures, annualReport)] : []),
    annualReport,
    ...columnRoutes(SITE, [{ id: REPORT_COLUMN, name: '政府信息公开年报', unitId: 31591, records }]),
    ...(articles[0] ? [redirectRoute(MOVED_FROM, articles[0].path)] : []),
    pathRoute(pages),
    ...fileRoutes(reports, { oversized: OVERSIZED_DOWNLOAD, hanging: options.withHangingDownload ? HANGING_DOWNLOAD : null }),
  ];
}

function articlePaths(asArticles: readonly DemoReportSpec[]): { spec: DemoReportSpec; path: string }[] {
  return asArticles.map((spec, i) => ({ spec, path: spec.articlePath ?? defaultArticlePath(spec, i) }));
}

/** Where each yanzhou report page is served (path and query), by slug. */
export function yanzhouReportPaths(all: readonly DemoReportSpec[]): Map<string, string> {
  const reports = all.filter((r) => r.portal === 'yanzhou' && r.delivery === 'page');
  const paths = new Map(reports.filter((r) => r.agencyKind !== '本级政府').map((r) => [r.slug, moduleReportPath(r)]));
  for (const { spec, path } of articlePaths(reports.filter((r) => r.agencyKind === '本级政府'))) paths.set(spec.slug, path);
  return paths;
}

function moduleReportPath(spec: DemoReportSpec): string {
  return `/module/xxgk/xxgkAnnualReport.jsp?area=${encodeURIComponent(spec.agencyKey)}&fbtime=${spec.year}`;
}

function moduleReportPage(reports: readonly DemoReportSpec[], url: URL): SiteResponse {
  const area = url.searchParams.get('area');
  const year = Number(url.searchParams.get('fbtime'));
  const spec = reports.find((r) => r.agencyKey === area && r.year === year);
  if (spec === undefined) return htmlPage(missingAnnualReportPage(SITE));
  const page = annualReportPage(SITE, { title: spec.title, publishedAt: spec.publishedAt, bodyHtml: bodyWithLinks(spec, []) }, shellCharset(spec));
  return encodePage(page, spec.charset);
}

function bodyWithLinks(spec: DemoReportSpec, extra: readonly ExtraLink[]): string {
  const assets = reportAssets(spec);
  const links = extra.map((l) => `<p>附件：<a href="${l.href}">${l.text}</a></p>`).join('\n');
  return renderReportBody(spec, assets) + links;
}

function catalogueEntries(reports: readonly DemoReportSpec[]): { key: string; name: string; group: string }[] {
  const byKey = new Map<string, { key: string; name: string; group: string }>();
  for (const r of reports) byKey.set(r.agencyKey, { key: r.agencyKey, name: r.agency, group: r.agencyKind === '乡镇街道' ? '镇街' : '区政府部门' });
  byKey.set(SILENT_AGENCY.key, SILENT_AGENCY);
  return [...byKey.values()];
}

function articleMeta(spec: DemoReportSpec) {
  return { title: spec.title, publishedAt: spec.publishedAt, indexNumber: `${spec.agencyKey}/${spec.publishedAt.slice(0, 4)}-00012`, publisher: spec.agency, columnName: '政府信息公开年报' };
}

function defaultArticlePath(spec: DemoReportSpec, index: number): string {
  const { y, m, d } = articleDate(spec.publishedAt);
  return `/art/${y}/${m}/${d}/art_${REPORT_COLUMN}_${11757 + index}.html`;
}
