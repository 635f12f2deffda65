/**
 * A portal's 政府信息公开年报 menu: links to per-year report columns (wendeng.gov.cn changes the column every year),
 * e.g. `<a href="/col/col70623/index.html">2019年政府信息公开年报</a>`.
 */
import * as cheerio from 'cheerio';
import { parseColumnUrl } from './urls.ts';

export interface YearColumn {
  readonly columnId: number;
  readonly url: string;
  readonly year: number | null;
}

export function parseReportMenu(html: string, pageUrl: string): YearColumn[] {
  const $ = cheerio.load(html);
  const columns = new Map<number, YearColumn>();
  $('a[href]').each((_, el) => {
    const text = $(el).text().replace(/\s+/g, '');
    if (!/年报|年度报告/.test(text)) return;
    let url: string;
    try {
      url = new URL($(el).attr('href')!, pageUrl).href;
    } catch {
      return;
    }
    const columnId = parseColumnUrl(url);
    if (columnId === null || columns.has(columnId)) return;
    const year = /((?:19|20)\d{2})\s*年/.exec(text)?.[1];
    columns.set(columnId, { columnId, url, year: year === undefined ? null : Number(year) });
  });
  return [...columns.values()];
}
