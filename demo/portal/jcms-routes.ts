/** Route builders shared by the demo jcms portals: robots, columns + dataproxy, fixed pages, files. */
import type { ListRecord, SiteIdentity } from './page-shells.ts';
import { columnPage, dataproxyXml } from './page-shells.ts';
import { htmlPage, type Route, type SiteResponse } from './http-site.ts';

export const ROBOTS_TXT = `User-agent: *
Disallow: /module/search/
Disallow: /manager/

User-agent: BadBot
Disallow: /
`;

export function robotsRoute(): Route {
  return (url) => (url.pathname === '/robots.txt' ? { status: 200, headers: { 'content-type': 'text/plain' }, body: ROBOTS_TXT } : null);
}

/** Fixed responses by exact path (query ignored unless the key has one). */
export function pathRoute(pages: ReadonlyMap<string, SiteResponse>): Route {
  return (url) => pages.get(url.pathname + url.search) ?? pages.get(url.pathname) ?? null;
}

export interface DemoColumn {
  readonly id: number;
  readonly name: string;
  readonly unitId: number;
  readonly records: readonly ListRecord[];
}

/** Column shells at `/col/col<N>/index.html` and their lists at dataproxy.jsp (GET or POST-style query). */
export function columnRoutes(site: SiteIdentity, columns: readonly DemoColumn[]): Route[] {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const shell: Route = (url) => {
    const match = /^\/col\/col(\d+)\/index\.html$/.exec(url.pathname);
    const column = match ? byId.get(Number(match[1])) : undefined;
    return column ? htmlPage(columnPage(site, column)) : null;
  };
  const dataproxy: Route = (url) => {
    if (url.pathname !== '/module/web/jpage/dataproxy.jsp') return null;
    const column = byId.get(Number(url.searchParams.get('columnid')));
    if (!column) return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: dataproxyXml(0, []) };
    const start = Math.max(1, Number(url.searchParams.get('startrecord') ?? 1));
    const end = Math.max(start, Number(url.searchParams.get('endrecord') ?? start + 44));
    const records = column.records.slice(start - 1, end);
    return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: dataproxyXml(column.records.length, records) };
  };
  return [shell, dataproxy];
}

/** Answers 503 with Retry-After the first `failures` times, then defers to the real route (a server that recovers). */
export function flakyRoute(path: string, failures: number, inner: Route): Route {
  let remaining = failures;
  return (url, req) => {
    if (url.pathname + url.search !== path) return null;
    if (remaining > 0) {
      remaining -= 1;
      return { status: 503, headers: { 'retry-after': '1', 'content-type': 'text/html' }, body: '<h1>503 Service Temporarily Unavailable</h1>', conditional: false };
    }
    return inner(url, req);
  };
}

/** A permanent redirect from an old address (site migration). */
export function redirectRoute(from: string, to: string): Route {
  return (url) => (url.pathname === from ? { status: 301, headers: { location: to }, body: '', conditional: false } : null);
}

export function articleDate(publishedAt: string): { y: number; m: number; d: number } {
  const [y, m, d] = publishedAt.slice(0, 10).split('-').map(Number);
  return { y: y ?? 2000, m: m ?? 1, d: d ?? 1 };
}
