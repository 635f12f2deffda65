/** URL shapes of the Hanweb (大汉) jcms CMS. */

export function annualReportUrl(baseUrl: string, area: string, year: number): string {
  return `${baseUrl}/module/xxgk/xxgkAnnualReport.jsp?area=${encodeURIComponent(area)}&fbtime=${year}`;
}

export function columnUrl(baseUrl: string, columnId: number): string {
  return `${baseUrl}/col/col${columnId}/index.html`;
}

/** Parse `area` and `fbtime` in any order from an xxgkAnnualReport.jsp URL. */
export function parseAnnualReportUrl(url: string): { area: string; year: number } | null {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/module/xxgk/xxgkAnnualReport.jsp')) return null;
  const area = parsed.searchParams.get('area');
  const year = Number(parsed.searchParams.get('fbtime'));
  return area && Number.isInteger(year) && year > 0 ? { area, year } : null;
}

const ARTICLE_PATH = /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\/art_(\d+)_(\d+)\.html$/;

/** `/art/YYYY/M/D/art_<col>_<id>.html` → its parts. The path date is not a reliable publish date. */
export function parseArticleUrl(url: string): { columnId: number; articleId: number; pathDate: string } | null {
  const match = ARTICLE_PATH.exec(new URL(url).pathname);
  if (!match) return null;
  const [, y, m, d, col, id] = match;
  return { columnId: Number(col), articleId: Number(id), pathDate: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` };
}

const COLUMN_PATH = /\/col\/col(\d+)\/index\.html$/;

export function parseColumnUrl(url: string): number | null {
  const match = COLUMN_PATH.exec(new URL(url).pathname);
  return match ? Number(match[1]) : null;
}

const FLIPBOOK_PAGE = /\/book\/(\d{4})dzs\/([^/]+)\/files\/basic-html\/page(\d+)\.html$/;

/** Flip-book page `/book/{YYYY}dzs/{dept}/files/basic-html/page{N}.html`. */
export function parseFlipbookUrl(url: string): { year: number; book: string; page: number } | null {
  const match = FLIPBOOK_PAGE.exec(new URL(url).pathname);
  return match ? { year: Number(match[1]), book: match[2]!, page: Number(match[3]) } : null;
}

export function flipbookPageUrl(url: string, page: number): string {
  return url.replace(/page\d+\.html$/, `page${page}.html`);
}

/** A link to a flip-book's entry (`/book/{YYYY}dzs/{dept}/…`), normalised to its first page. */
export function flipbookFirstPage(url: string): string | null {
  const parsed = new URL(url);
  const match = /^(\/book\/\d{4}dzs\/[^/]+)\//.exec(parsed.pathname);
  return match ? `${parsed.origin}${match[1]}/files/basic-html/page1.html` : null;
}
