/** Test-local reader: maps the rendered HTML tables back to canonical keys, to prove the pages print the spec. */
import * as cheerio from 'cheerio';
import { T2_KEYS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';

type CheerioRoot = ReturnType<typeof cheerio.load>;

export function cellText($: CheerioRoot, el: Parameters<CheerioRoot>[0]): string {
  return $(el).text().replace(/[\s\u00a0]+/g, '');
}

export function parseValue(text: string): number | null {
  if (text === '' || text === '-' || text === '/') return null;
  if (text.endsWith('万元')) return Number(text.slice(0, -2));
  if (text.endsWith('元')) return Math.round(Number(text.slice(0, -1))) / 10000;
  return Number(text);
}

/** The three statistical tables, found by their labels. */
export function findTables($: CheerioRoot): { t2: cheerio.Cheerio<any>; t3: cheerio.Cheerio<any>; t4: cheerio.Cheerio<any> } {
  const tables = $('table').toArray().map((t) => $(t));
  const by = (marker: string): cheerio.Cheerio<any> => {
    const found = tables.find((t) => cellText($, t).includes(marker));
    if (!found) throw new Error(`no table with ${marker}`);
    return found;
  };
  return { t2: by('第二十条'), t3: by('勾稽关系'), t4: by('行政复议') };
}

/** Data rows of table 3 (after the three header rows). */
export function t3DataRows($: CheerioRoot, t3: cheerio.Cheerio<any>): cheerio.Cheerio<any>[] {
  return t3.find('tr').toArray().slice(3).map((r) => $(r));
}

export function readCells(html: string, template: '2021' | '2019'): Record<string, number | null> {
  const $ = cheerio.load(html);
  const { t2, t3, t4 } = findTables($);
  const out: Record<string, number | null> = {};
  const t2Values = t2
    .find('tr')
    .toArray()
    .filter((r) => {
      const cells = $(r).find('td,th').toArray();
      return cells.length > 1 && cells.slice(1).every((c) => /^(-?[\d.]+(万元|元)?|-|\/|)$/.test(cellText($, c)));
    })
    .flatMap((r) => $(r).find('td,th').toArray().slice(1).map((c) => parseValue(cellText($, c))));
  T2_KEYS[template].forEach((k, i) => (out[k] = i < t2Values.length ? (t2Values[i] as number | null) : NaN));
  const rows = t3DataRows($, t3).filter((r) => !cellText($, r).includes('小计'));
  T3_ROWS[template].forEach((row, i) => {
    const cells = rows[i]!.find('td,th').toArray().slice(-7);
    T3_COLUMNS.forEach((col, j) => (out[`t3.${row}.${col}`] = parseValue(cellText($, cells[j]!))));
  });
  const last = t4.find('tr').last().find('td,th').toArray();
  T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g}.${c}`)).forEach((k, i) => (out[k] = parseValue(cellText($, last[i]!))));
  return out;
}
