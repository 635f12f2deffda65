/**
 * URL shapes of Hanweb's JPAAS publishing platform: column pages `/col/col<N>/index.html` whose lists are built by
 * `/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic&webId=…&tplSetId=…&pageType=column
 * &tagId=…&editType=null&pageId=<N>&paramJson={"pageNo":p,"pageSize":n}`, and articles
 * `/col/col<N>/art/<YYYY>/art_<hex>.html` (e.g. 烟台 district sites).
 */

export const UNIT_PATH = '/api-gateway/jpaas-publish-server/front/page/build/unit';

export interface UnitQuery {
  readonly webId: string;
  readonly tplSetId: string;
  readonly pageType: string;
  readonly tagId: string;
  readonly editType: string;
  readonly pageId: string;
  readonly pageSize: number;
}

export function unitUrl(baseUrl: string, query: UnitQuery, pageNo: number): string {
  const params = new URLSearchParams({
    parseType: 'bulidstatic',
    webId: query.webId,
    tplSetId: query.tplSetId,
    pageType: query.pageType,
    tagId: query.tagId,
    editType: query.editType,
    pageId: query.pageId,
    paramJson: JSON.stringify({ pageNo, pageSize: query.pageSize }),
  });
  return `${baseUrl}${UNIT_PATH}?${params.toString()}`;
}

/** The query of a build/unit URL and the page it asks for, or null. */
export function parseUnitUrl(url: string): { query: UnitQuery; pageNo: number } | null {
  const parsed = new URL(url);
  if (parsed.pathname !== UNIT_PATH) return null;
  const get = (name: string): string => parsed.searchParams.get(name) ?? '';
  let paging: { pageNo?: unknown; pageSize?: unknown } = {};
  try {
    paging = JSON.parse(get('paramJson') || '{}') as typeof paging;
  } catch {
    return null;
  }
  const pageNo = Number(paging.pageNo ?? 1);
  const pageSize = Number(paging.pageSize ?? 15);
  if (!Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(pageSize) || pageSize < 1) return null;
  return {
    query: { webId: get('webId'), tplSetId: get('tplSetId'), pageType: get('pageType'), tagId: get('tagId'), editType: get('editType'), pageId: get('pageId'), pageSize },
    pageNo,
  };
}

const COLUMN_PATH = /^\/col\/col(\d+)\/(?:index\.html)?$/;

export function parseColumnUrl(url: string): number | null {
  const match = COLUMN_PATH.exec(new URL(url).pathname);
  return match === null ? null : Number(match[1]);
}

const ARTICLE_PATH = /^\/col\/col(\d+)\/art\/(\d{4})\/art_([0-9a-f]+)\.html$/i;

/** `/col/col<N>/art/<YYYY>/art_<hex>.html` → its parts (the year is the publication year, not the report year). */
export function parseArticleUrl(url: string): { columnId: number; year: number; articleId: string } | null {
  const match = ARTICLE_PATH.exec(new URL(url).pathname);
  return match === null ? null : { columnId: Number(match[1]), year: Number(match[2]), articleId: match[3]!.toLowerCase() };
}
