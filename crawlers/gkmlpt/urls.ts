/**
 * URL shapes of Guangdong's 政府信息公开目录平台 (gkmlpt): the catalogue shell `/gkmlpt/index`, its list API
 * `/gkmlpt/api/all/<classify>?page=<N>&sid=<site>` and documents at `/gkmlpt/content/<a>/<b>/post_<id>.html`
 * (`b` = id ÷ 1000, `a` = id ÷ 1 000 000), e.g. `http://www.gd.gov.cn/gkmlpt/content/4/4688/post_4688997.html`.
 */

export const INDEX_PATH = '/gkmlpt/index';

export function indexUrl(baseUrl: string): string {
  return `${baseUrl}${INDEX_PATH}`;
}

export function listApiUrl(baseUrl: string, classifyId: number, siteId: string, page: number): string {
  const query = new URLSearchParams({ page: String(page), sid: siteId });
  return `${baseUrl}/gkmlpt/api/all/${classifyId}?${query.toString()}`;
}

/** `{classifyId, page}` of a list API URL, or null. */
export function parseListApiUrl(url: string): { classifyId: number; page: number; siteId: string } | null {
  const parsed = new URL(url);
  const match = /\/gkmlpt\/api\/all\/(\d+)$/.exec(parsed.pathname);
  if (match === null) return null;
  const page = Number(parsed.searchParams.get('page') ?? '1');
  return { classifyId: Number(match[1]), page: Number.isInteger(page) && page > 0 ? page : 1, siteId: parsed.searchParams.get('sid') ?? '' };
}

export function contentUrl(baseUrl: string, postId: number): string {
  return `${baseUrl}/gkmlpt/content/${Math.floor(postId / 1_000_000)}/${Math.floor(postId / 1000)}/post_${postId}.html`;
}

const POST_PATH = /\/(?:gkmlpt\/)?content\/(?:\d+\/\d+\/)?post_(\d+)\.html$/;

/** The post id of a document URL (`…/gkmlpt/content/<a>/<b>/post_<id>.html` or a site's `…/content/post_<id>.html`). */
export function parsePostUrl(url: string): number | null {
  const match = POST_PATH.exec(new URL(url).pathname);
  return match === null ? null : Number(match[1]);
}

export function isIndexUrl(url: string): boolean {
  return new URL(url).pathname.replace(/\/+$/, '') === INDEX_PATH;
}
