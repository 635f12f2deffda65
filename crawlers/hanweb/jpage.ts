/**
 * jcms column lists: the column page carries `var param_<unit> = {...}` for jpage, which loads records from
 * `/module/web/jpage/dataproxy.jsp` as XML (`<totalrecord>` and CDATA `<record>`s holding `<li><a …>`).
 */
import * as cheerio from 'cheerio';

export interface JpageParams {
  readonly columnId: number;
  readonly unitId: string;
  readonly webId: string;
  readonly appId: string;
  readonly path: string;
  readonly webName: string;
  readonly permissionType: string;
  readonly sourceContentType: string;
}

const PARAM_OBJECT = /var\s+param_\w+\s*=\s*\{([^}]*)\}/;

/** Read jpage's parameters from a column page's inline script, or null when the page has none. */
export function parseJpageParams(html: string): JpageParams | null {
  const match = PARAM_OBJECT.exec(html);
  if (!match) return null;
  const fields = new Map<string, string>();
  for (const pair of match[1]!.split(',')) {
    const [rawKey, ...rest] = pair.split(':');
    if (rawKey === undefined || rest.length === 0) continue;
    fields.set(rawKey.trim(), rest.join(':').trim().replace(/^['"]|['"]$/g, ''));
  }
  const columnId = Number(fields.get('columnid'));
  if (!Number.isInteger(columnId) || columnId <= 0) return null;
  return {
    columnId,
    unitId: fields.get('unitid') ?? '',
    webId: fields.get('webid') ?? '1',
    appId: fields.get('appid') ?? '1',
    path: fields.get('path') ?? '/',
    webName: fields.get('webname') ?? '',
    permissionType: fields.get('permissiontype') ?? '0',
    sourceContentType: fields.get('sourceContentType') ?? '1',
  };
}

/** Records per dataproxy request (jpage's default asks for 3 pages of 15 at a time). */
export const DATAPROXY_BATCH = 45;

export function dataproxyUrl(baseUrl: string, params: JpageParams, startRecord: number, batch = DATAPROXY_BATCH): string {
  const query = new URLSearchParams({
    startrecord: String(startRecord),
    endrecord: String(startRecord + batch - 1),
    perpage: '15',
    col: '1',
    appid: params.appId,
    webid: params.webId,
    path: params.path,
    columnid: String(params.columnId),
    sourceContentType: params.sourceContentType,
    unitid: params.unitId,
    webname: params.webName,
    permissiontype: params.permissionType,
  });
  return `${baseUrl}/module/web/jpage/dataproxy.jsp?${query.toString()}`;
}

export interface ListedArticle {
  readonly url: string;
  readonly title: string;
  readonly date: string | null;
}

export interface DataproxyPage {
  readonly total: number;
  readonly articles: readonly ListedArticle[];
}

/** Parse a dataproxy XML answer; links are made absolute against the request URL. */
export function parseDataproxy(xml: string, requestUrl: string): DataproxyPage {
  const total = Number(/<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(xml)?.[1] ?? 0);
  const articles: ListedArticle[] = [];
  for (const match of xml.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi)) {
    const $ = cheerio.load(match[1]!);
    const link = $('a[href]').first();
    const href = link.attr('href');
    if (!href) continue;
    const date = /\d{4}-\d{2}-\d{2}/.exec($.root().text())?.[0] ?? null;
    articles.push({ url: new URL(href, requestUrl).href, title: (link.attr('title') ?? link.text()).trim(), date });
  }
  return { total, articles };
}

/** The dataproxy URL of the batch after `requestUrl`, or null when that batch reached `total`. */
export function nextBatchUrl(requestUrl: string, total: number): string | null {
  const url = new URL(requestUrl);
  const start = Number(url.searchParams.get('startrecord'));
  const end = Number(url.searchParams.get('endrecord'));
  if (!Number.isInteger(start) || !Number.isInteger(end) || end < start || end >= total) return null;
  url.searchParams.set('startrecord', String(end + 1));
  url.searchParams.set('endrecord', String(end + 1 + (end - start)));
  return url.href;
}
