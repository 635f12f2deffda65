/**
 * TRS list paging: the list page prints no page links, an inline script writes them:
 * `createPageHTML(<pageCount>, <currentIndex>, "index", "html")` (some templates append the channel and the record
 * count). Page 0 is `index.html`, page n is `index_n.html`.
 */

export interface TrsPaging {
  readonly pageCount: number;
  readonly current: number;
  readonly name: string;
  readonly ext: string;
}

const CALL = /createPageHTML\s*\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/;

/** The paging call on a list page, or null when the page has none (a single page). */
export function parsePaging(html: string): TrsPaging | null {
  const match = CALL.exec(html);
  if (!match) return null;
  const pageCount = Number(match[1]);
  const current = Number(match[2]);
  if (!Number.isInteger(pageCount) || pageCount < 1 || !Number.isInteger(current) || current < 0) return null;
  return { pageCount, current, name: match[3]!, ext: match[4]! };
}
