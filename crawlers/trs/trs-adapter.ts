/**
 * TRS WCM static publishing (拓尔思; 滕州, 枣庄, 青岛, 长春, 荣昌 …): no module to probe, reports are documents in
 * 年报 channels. Seeds: the home page and any configured 年报 menus. Discovery: home / disclosure page → 年报
 * channels → year and body channels (部门, 镇街, 本级政府) → list pages (`index.html`, `index_1.html` … as the
 * inline `createPageHTML(…)` says) → documents `./YYYYMM/tYYYYMMDD_<id>.html` → their `P0…`/`W0…` files.
 */
import type { AgencyConfig, PortalConfig } from '../portal-config.ts';
import { NOTHING_FOUND, type CrawlTask, type Discovery, type FetchedPage, type PortalAdapter, type TaskKind, type TaskMeta } from '../adapter.ts';
import { REPORT_TITLE } from '../report-title.ts';
import { parseChannelPage } from './channel-page.ts';
import { parsePaging } from './paging.ts';
import { parsePortalLinks } from './portal-links.ts';
import { findTrsReportLinks } from './trs-report-links.ts';
import { channelDir, channelPageUrl, listPageUrl } from './urls.ts';

function task(portal: PortalConfig, kind: TaskKind, url: string, meta: TaskMeta, depth: number): CrawlTask {
  return { url, kind, portalId: portal.id, meta, depth };
}

function seeds(portal: PortalConfig, _agencies: readonly AgencyConfig[]): CrawlTask[] {
  const tasks = [task(portal, 'home', `${portal.baseUrl}/`, {}, 0)];
  for (const url of portal.reportMenuUrls) tasks.push(task(portal, 'column', channelPageUrl(new URL(url, `${portal.baseUrl}/`).href), {}, 0));
  return tasks;
}

function discover(current: CrawlTask, page: FetchedPage, portal: PortalConfig): Discovery {
  if (page.status !== 200 || page.text === '') return NOTHING_FOUND;
  const depth = current.depth + 1;
  switch (current.kind) {
    case 'home':
    case 'catalogue':
    case 'menu':
      return fromPortalPage(current, page, portal, depth);
    case 'column':
    case 'listing':
      return fromChannelPage(current, page, portal, depth);
    case 'report':
      return fromDocument(current, page, portal, depth);
    case 'attachment':
    case 'image':
    case 'flipbook':
      return NOTHING_FOUND;
  }
}

/**
 * Home and disclosure pages: 年报 channels, report documents linked directly, and disclosure pages — from home, and
 * once more from a first-level disclosure page that links no 年报 channel (a landing page in front of the catalogue).
 */
function fromPortalPage(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const links = parsePortalLinks(page.text, page.url);
  const tasks = [
    ...links.reportChannels.map((l) => task(portal, 'column', l.url, l.year === null ? {} : { year: l.year }, depth)),
    ...links.documents.map((l) => task(portal, 'report', l.url, l.year === null ? {} : { year: l.year }, depth)),
  ];
  const landing = current.kind === 'catalogue' && current.depth <= 1 && tasks.length === 0;
  if (current.kind === 'home' || landing) tasks.push(...links.disclosurePages.map((l) => task(portal, 'catalogue', l.url, {}, depth)));
  return { tasks, agencies: [], allowHosts: [] };
}

/** A channel's list page: report documents, the other list pages (from the first page only), sub-channels. */
function fromChannelPage(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const listing = parseChannelPage(page.text, page.url);
  const tasks: CrawlTask[] = listing.documents
    .filter((doc) => REPORT_TITLE.test(doc.title))
    .map((doc) => task(portal, 'report', doc.url, current.meta, depth));
  const paging = parsePaging(page.text);
  if (current.kind === 'column' && paging !== null && paging.current === 0) {
    const dir = channelDir(page.url);
    for (let n = 1; n < paging.pageCount; n += 1) tasks.push(task(portal, 'listing', listPageUrl(dir, n, paging.name, paging.ext), current.meta, current.depth));
  }
  if (current.kind === 'column') {
    for (const sub of listing.subChannels) {
      const year = sub.year ?? current.meta.year;
      tasks.push(task(portal, 'column', sub.url, year === undefined ? {} : { year }, depth));
    }
  }
  return { tasks, agencies: [], allowHosts: [] };
}

function fromDocument(current: CrawlTask, page: FetchedPage, portal: PortalConfig, depth: number): Discovery {
  const links = findTrsReportLinks(page.text, page.url);
  const meta: TaskMeta = { ...current.meta, parentUrl: page.url };
  return {
    tasks: [...links.images.map((url) => task(portal, 'image', url, meta, depth)), ...links.attachments.map((url) => task(portal, 'attachment', url, meta, depth))],
    agencies: [],
    allowHosts: [],
  };
}

export const trsAdapter: PortalAdapter = { family: 'trs', seeds, discover };
