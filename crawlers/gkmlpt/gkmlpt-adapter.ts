/**
 * Guangdong's 政府信息公开目录平台 (gkmlpt), e.g. www.gd.gov.cn, www.gz.gov.cn and their districts.
 * The catalogue's lists are drawn by script from a JSON API; we read that API with the plain fetcher (no browser):
 * home → `/gkmlpt/index` (site id and classification tree) → `/gkmlpt/api/all/<年报 classify>?page=N&sid=…` →
 * documents `/gkmlpt/content/<a>/<b>/post_<id>.html` → their images and attachments.
 */
import * as cheerio from 'cheerio';
import type { AgencyConfig, PortalConfig } from '../portal-config.ts';
import { NOTHING_FOUND, type CrawlTask, type Discovery, type FetchedPage, type PortalAdapter, type TaskKind, type TaskMeta } from '../adapter.ts';
import { REPORT_TITLE } from '../report-title.ts';
import { parseCatalogueShell, reportClassifies } from './catalogue-shell.ts';
import { findContentLinks } from './content-page.ts';
import { hasNextPage, parseListPage } from './list-api.ts';
import { indexUrl, isIndexUrl, listApiUrl, parseListApiUrl } from './urls.ts';

function task(portal: PortalConfig, kind: TaskKind, url: string, meta: TaskMeta, depth: number): CrawlTask {
  return { url, kind, portalId: portal.id, meta, depth };
}

/** The home page (links to the catalogue) and the catalogue itself, whose path is the platform's. */
function seeds(portal: PortalConfig, _agencies: readonly AgencyConfig[]): CrawlTask[] {
  return [task(portal, 'home', `${portal.baseUrl}/`, {}, 0), task(portal, 'menu', indexUrl(portal.baseUrl), {}, 0)];
}

function discover(current: CrawlTask, page: FetchedPage, portal: PortalConfig): Discovery {
  if (page.status !== 200 || page.text === '') return NOTHING_FOUND;
  const depth = current.depth + 1;
  switch (current.kind) {
    case 'home':
      return fromHome(page, portal, depth);
    case 'menu':
      return fromCatalogue(page, portal, depth);
    case 'listing':
      return fromList(current, page, portal, depth);
    case 'report':
      return fromContent(current, page, portal, depth);
    default:
      return NOTHING_FOUND;
  }
}

/** Catalogue shells the home page links (a portal may host the platform under its own origin only). */
function fromHome(page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const $ = cheerio.load(page.text);
  const urls = new Set<string>();
  $('a[href]').each((_, el) => {
    try {
      const url = new URL($(el).attr('href') ?? '', page.url);
      url.hash = '';
      if (url.origin === portal.baseUrl && isIndexUrl(url.href)) urls.add(url.href);
    } catch {
      // not a URL: not a link we follow
    }
  });
  return { tasks: [...urls].map((url) => task(portal, 'menu', url, {}, depth)), agencies: [], allowHosts: [] };
}

function fromCatalogue(page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const shell = parseCatalogueShell(page.text);
  if (shell === null) return NOTHING_FOUND;
  const tasks = reportClassifies(shell).map((c) => task(portal, 'listing', listApiUrl(portal.baseUrl, c.id, shell.siteId, 1), {}, depth));
  return { tasks, agencies: [], allowHosts: [] };
}

function fromList(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const list = parseListPage(page.text, page.url);
  const at = parseListApiUrl(current.url);
  if (list === null || at === null) return NOTHING_FOUND;
  const tasks = list.posts.filter((p) => REPORT_TITLE.test(p.title)).map((p) => task(portal, 'report', p.url, {}, depth));
  if (hasNextPage(list)) tasks.push(task(portal, 'listing', listApiUrl(portal.baseUrl, at.classifyId, at.siteId, at.page + 1), {}, current.depth));
  return { tasks, agencies: [], allowHosts: [] };
}

function fromContent(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const links = findContentLinks(page.text, page.url);
  const meta: TaskMeta = { ...current.meta, parentUrl: page.url };
  return {
    tasks: [...links.images.map((url) => task(portal, 'image', url, meta, depth)), ...links.attachments.map((url) => task(portal, 'attachment', url, meta, depth))],
    agencies: [],
    allowHosts: [],
  };
}

export const gkmlptAdapter: PortalAdapter = { family: 'gkmlpt', seeds, discover };
