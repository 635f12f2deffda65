/**
 * Hanweb's newer JPAAS platform (烟台 districts, some ministries). Column pages carry no list: their script asks
 * build/unit for it with the page's inline `queryData`. We read that JSON directly with the plain fetcher:
 * home → 年报 columns (and the 政府信息公开 menus that lead to them) → build/unit pages → articles
 * `/col/col<N>/art/<YYYY>/art_<hex>.html` → their images and attachments.
 */
import * as cheerio from 'cheerio';
import type { AgencyConfig, PortalConfig } from '../portal-config.ts';
import { NOTHING_FOUND, type CrawlTask, type Discovery, type FetchedPage, type PortalAdapter, type TaskKind, type TaskMeta } from '../adapter.ts';
import { findBodyLinks } from '../body-links.ts';
import { REPORT_TITLE } from '../report-title.ts';
import { parseQueryData } from './query-data.ts';
import { hasNextUnitPage, parseUnitAnswer } from './unit-answer.ts';
import { parseColumnUrl, parseUnitUrl, unitUrl } from './urls.ts';

const JPAAS_BODY = ['#zoom', '.article-con', '.bt-content'];
/** Menu links worth one step from the home page: the disclosure section that holds the 年报 columns. */
const MENU_TEXT = /政府信息公开|信息公开|政务公开/;

function task(portal: PortalConfig, kind: TaskKind, url: string, meta: TaskMeta, depth: number): CrawlTask {
  return { url, kind, portalId: portal.id, meta, depth };
}

function seeds(portal: PortalConfig, _agencies: readonly AgencyConfig[]): CrawlTask[] {
  return [task(portal, 'home', `${portal.baseUrl}/`, {}, 0)];
}

function discover(current: CrawlTask, page: FetchedPage, portal: PortalConfig): Discovery {
  if (page.status !== 200 || page.text === '') return NOTHING_FOUND;
  const depth = current.depth + 1;
  switch (current.kind) {
    case 'home':
      return fromMenu(page, portal, depth, true);
    case 'menu':
      return fromMenu(page, portal, depth, false);
    case 'column':
      return fromColumn(page, portal, depth);
    case 'listing':
      return fromUnit(current, page, portal, depth);
    case 'report':
      return fromArticle(current, page, portal, depth);
    default:
      return NOTHING_FOUND;
  }
}

interface ColumnLink {
  readonly url: string;
  readonly columnId: number;
  readonly text: string;
}

/** Column links of this portal on a page, with their text. */
function columnLinks(page: FetchedPage, portal: PortalConfig): ColumnLink[] {
  const $ = cheerio.load(page.text);
  const found = new Map<number, ColumnLink>();
  $('a[href]').each((_, el) => {
    try {
      const url = new URL($(el).attr('href') ?? '', page.url);
      if (url.origin !== portal.baseUrl) return;
      const columnId = parseColumnUrl(url.href);
      const text = ($(el).attr('title') ?? $(el).text()).replace(/\s+/g, '');
      if (columnId !== null && !found.has(columnId)) found.set(columnId, { url: `${url.origin}${url.pathname}`, columnId, text });
    } catch {
      // not a URL
    }
  });
  return [...found.values()];
}

/** 年报 columns; from the home page also the disclosure menus one step further. */
function fromMenu(page: FetchedPage, portal: PortalConfig, depth: number, followMenus: boolean): Discovery {
  const tasks: CrawlTask[] = [];
  for (const link of columnLinks(page, portal)) {
    if (REPORT_TITLE.test(link.text)) tasks.push(task(portal, 'column', link.url, { columnId: link.columnId }, depth));
    else if (followMenus && MENU_TEXT.test(link.text)) tasks.push(task(portal, 'menu', link.url, { columnId: link.columnId }, depth));
  }
  return { tasks, agencies: [], allowHosts: [] };
}

/** A 年报 column: its list through build/unit, and per-year sub-columns it links. */
function fromColumn(page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const query = parseQueryData(page.text, parseColumnUrl(page.url));
  const tasks = fromMenu(page, portal, depth, false).tasks.filter((t) => t.url !== page.url);
  if (query !== null) tasks.push(task(portal, 'listing', unitUrl(portal.baseUrl, query, 1), { columnId: Number(query.pageId) }, depth));
  return { tasks, agencies: [], allowHosts: [] };
}

function fromUnit(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const answer = parseUnitAnswer(page.text, page.url);
  const at = parseUnitUrl(current.url);
  if (answer === null || at === null) return NOTHING_FOUND;
  const tasks = answer.links.filter((l) => REPORT_TITLE.test(l.title)).map((l) => task(portal, 'report', l.url, { ...current.meta }, depth));
  if (hasNextUnitPage(answer, at.pageNo, at.query.pageSize)) tasks.push(task(portal, 'listing', unitUrl(portal.baseUrl, at.query, at.pageNo + 1), current.meta, current.depth));
  return { tasks, agencies: [], allowHosts: [] };
}

function fromArticle(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const links = findBodyLinks(page.text, page.url, JPAAS_BODY);
  const meta: TaskMeta = { ...current.meta, parentUrl: page.url };
  return {
    tasks: [...links.images.map((url) => task(portal, 'image', url, meta, depth)), ...links.attachments.map((url) => task(portal, 'attachment', url, meta, depth))],
    agencies: [],
    allowHosts: [],
  };
}

export const jpaasAdapter: PortalAdapter = { family: 'jpaas', seeds, discover };
