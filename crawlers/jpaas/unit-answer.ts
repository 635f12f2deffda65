/**
 * build/unit's answer: JSON `{ success, data: { html, total? } }` with the column's list as HTML
 * (`<li><a href title>…</a><span>YYYY-MM-DD</span></li>`). The total comes from `data.total`, else from the pager
 * text `共N条` in the HTML; without either, a full page means there may be another.
 */
import * as cheerio from 'cheerio';

export interface UnitLink {
  readonly url: string;
  readonly title: string;
}

export interface UnitAnswer {
  readonly links: readonly UnitLink[];
  readonly total: number | null;
}

export function parseUnitAnswer(text: string, requestUrl: string): UnitAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const data = (json as { data?: unknown } | null)?.data;
  const html = (data as { html?: unknown } | null | undefined)?.html;
  if (typeof html !== 'string') return null;
  const $ = cheerio.load(html);
  const links: UnitLink[] = [];
  $('a[href]').each((_, el) => {
    try {
      const url = new URL($(el).attr('href') ?? '', requestUrl).href;
      links.push({ url, title: ($(el).attr('title') ?? $(el).text()).trim() });
    } catch {
      // not a URL
    }
  });
  const declared = Number((data as { total?: unknown }).total);
  const printed = /共\s*(\d+)\s*条/.exec($.root().text())?.[1];
  const total = Number.isInteger(declared) && declared >= 0 ? declared : printed === undefined ? null : Number(printed);
  return { links, total };
}

/** Whether page `pageNo + 1` exists. */
export function hasNextUnitPage(answer: UnitAnswer, pageNo: number, pageSize: number): boolean {
  if (answer.total !== null) return pageNo * pageSize < answer.total;
  return answer.links.length >= pageSize;
}
