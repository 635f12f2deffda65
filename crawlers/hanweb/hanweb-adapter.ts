/**
 * Hanweb (大汉) jcms portals: yanzhou, jining, wenshang, weihai, wendeng …
 * Seeds: the home page, the xxgk module's annual-report page for every known agency × year, and whatever config
 * names (xxgk catalogues, 年报 columns, 年报 menus). The home page leads to the disclosure catalogue (bodies) and the
 * 年报 columns and menus, so the address alone is enough. Discovery follows listings to articles, and reports to
 * their files.
 */
import type { AgencyConfig, PortalConfig } from '../portal-config.ts';
import { NOTHING_FOUND, type CrawlTask, type Discovery, type FetchedPage, type PortalAdapter, type TaskKind, type TaskMeta } from '../adapter.ts';
import { parseCatalogue } from './catalogue.ts';
import { dataproxyUrl, nextBatchUrl, parseDataproxy, parseJpageParams } from './jpage.ts';
import { findReportLinks } from './report-links.ts';
import { parseReportMenu } from './report-menu.ts';
import { parseModuleReportLinks, parsePortalLinks, type ReportLink } from './portal-links.ts';
import { annualReportUrl, columnUrl, flipbookPageUrl, parseAnnualReportUrl, parseFlipbookUrl } from './urls.ts';

import { REPORT_TITLE } from '../report-title.ts';

function task(portal: PortalConfig, kind: TaskKind, url: string, meta: TaskMeta, depth: number): CrawlTask {
  return { url, kind, portalId: portal.id, meta, depth };
}

function absolute(portal: PortalConfig, pathOrUrl: string): string {
  return new URL(pathOrUrl, `${portal.baseUrl}/`).href;
}

function seeds(portal: PortalConfig, agencies: readonly AgencyConfig[]): CrawlTask[] {
  const tasks: CrawlTask[] = [task(portal, 'home', `${portal.baseUrl}/`, {}, 0)];
  for (const url of portal.catalogueUrls) tasks.push(task(portal, 'catalogue', absolute(portal, url), {}, 0));
  for (const url of portal.reportMenuUrls) tasks.push(task(portal, 'menu', absolute(portal, url), {}, 0));
  for (const id of portal.reportColumns) tasks.push(task(portal, 'column', columnUrl(portal.baseUrl, id), { columnId: id }, 0));
  if (portal.annualReportModule) tasks.push(...annualReportTasks(portal, agencies, 0));
  return tasks;
}

function annualReportTasks(portal: PortalConfig, agencies: readonly { key: string; name: string }[], depth: number): CrawlTask[] {
  return agencies.flatMap((agency) =>
    portal.years.map((year) =>
      task(portal, 'report', annualReportUrl(portal.baseUrl, agency.key, year), { agencyKey: agency.key, agencyName: agency.name, year }, depth),
    ),
  );
}

function discover(current: CrawlTask, page: FetchedPage, portal: PortalConfig): Discovery {
  if (page.status !== 200 || page.text === '') return NOTHING_FOUND;
  const depth = current.depth + 1;
  switch (current.kind) {
    case 'home':
      return fromPortalPage(current, page, portal, depth);
    case 'catalogue':
      return fromPortalPage(current, page, portal, depth);
    case 'menu':
      return {
        tasks: parseReportMenu(page.text, page.url).map((c) => task(portal, 'column', c.url, { columnId: c.columnId, ...(c.year === null ? {} : { year: c.year }) }, depth)),
        agencies: [],
        allowHosts: [],
      };
    case 'column':
      return fromColumn(current, page, portal, depth);
    case 'listing':
      return fromListing(current, page, portal, depth);
    case 'report':
      return fromReport(current, page, portal, depth);
    case 'flipbook':
      return fromFlipbookPage(current, page, portal, depth);
    case 'attachment':
    case 'image':
      return NOTHING_FOUND;
  }
}

/**
 * The home page or an xxgk catalogue: bodies (`vc_xxgkarea` links) and their module reports, 年报 columns, menus
 * and report pages linked by name, and the disclosure catalogue pages — from home, and once more from a first-level
 * catalogue that shows neither bodies nor 年报 links (a 政务公开 landing page in front of the xxgk catalogue).
 */
function fromPortalPage(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const agencies = parseCatalogue(page.text, page.url);
  const links = parsePortalLinks(page.text, page.url);
  const landing = current.kind === 'catalogue' && current.depth <= 1 && agencies.length === 0 && links.reportLinks.length === 0;
  const tasks = [
    ...(portal.annualReportModule ? annualReportTasks(portal, agencies, depth) : []),
    ...links.reportLinks.map((link) => reportLinkTask(portal, link, depth)),
    ...(current.kind === 'home' || landing ? links.disclosurePages.map((url) => task(portal, 'catalogue', url, {}, depth)) : []),
  ];
  return { tasks, agencies, allowHosts: [] };
}

function reportLinkTask(portal: PortalConfig, link: ReportLink, depth: number): CrawlTask {
  const meta: TaskMeta = { ...(link.columnId === null ? {} : { columnId: link.columnId }), ...(link.year === null ? {} : { year: link.year }) };
  return task(portal, link.kind, link.url, meta, depth);
}

/** A column: its list through jpage's dataproxy, and — when it is a 年报 menu — the per-year 年报 columns it links. */
function fromColumn(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const params = parseJpageParams(page.text);
  const tasks = params === null ? [] : [task(portal, 'listing', dataproxyUrl(portal.baseUrl, params, 1), current.meta, depth)];
  for (const column of parseReportMenu(page.text, page.url)) {
    if (column.url === page.url) continue;
    const year = column.year ?? current.meta.year;
    tasks.push(task(portal, 'column', column.url, { columnId: column.columnId, ...(year === undefined ? {} : { year }) }, depth));
  }
  return { tasks, agencies: [], allowHosts: [] };
}

function fromListing(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const listing = parseDataproxy(page.text, page.url);
  const tasks = listing.articles
    .filter((article) => REPORT_TITLE.test(article.title))
    .map((article) => task(portal, 'report', article.url, { ...current.meta }, depth));
  const next = nextBatchUrl(current.url, listing.total);
  if (next !== null) tasks.push(task(portal, 'listing', next, current.meta, current.depth));
  return { tasks, agencies: [], allowHosts: [] };
}

function fromReport(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const links = findReportLinks(page.text, page.url);
  const meta: TaskMeta = { ...current.meta, parentUrl: page.url };
  const tasks = [
    ...links.images.map((url) => task(portal, 'image', url, meta, depth)),
    ...links.attachments.map((url) => task(portal, 'attachment', url, meta, depth)),
    ...links.flipbooks.map((url) => task(portal, 'flipbook', url, meta, depth)),
    // The years a module page offers (its year tabs link the same body's other years): years outside `years` too.
    ...(portal.annualReportModule ? moduleYearLinks(page).map((l) => task(portal, 'report', l.url, { ...current.meta, agencyKey: l.area, year: l.year }, depth)) : []),
  ];
  const allowHosts = links.flipbooks.map((url) => new URL(url).host);
  return { tasks, agencies: [], allowHosts };
}

/** Links from an xxgk module report page to the module's report pages of other years (`fbtime` tabs). */
function moduleYearLinks(page: FetchedPage): { url: string; area: string; year: number }[] {
  if (parseAnnualReportUrl(page.url) === null) return [];
  return parseModuleReportLinks(page.text, page.url).filter((l) => l.url !== page.url);
}

/** Flip-books have one URL per page: fetch page N+1 after page N, until the server says 404. */
function fromFlipbookPage(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const parsed = parseFlipbookUrl(page.url);
  if (parsed === null) return NOTHING_FOUND;
  return { tasks: [task(portal, 'flipbook', flipbookPageUrl(page.url, parsed.page + 1), current.meta, depth)], agencies: [], allowHosts: [] };
}

export const hanwebAdapter: PortalAdapter = { family: 'hanweb', seeds, discover };
