/**
 * The content every document fixture is generated from: a demo report spec rendered by the same template renderer
 * as the HTML reports (`render-report-body.ts` / `render-tables-html.ts`), read back as paragraphs and resolved table
 * grids so that each writer (PDF, DOCX, XLSX, scanned pages) prints exactly the same labels and numbers.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { buildGrid, type Grid } from '../../extract/html/grid.ts';
import { collapseWhitespace } from '../../extract/html/normalize-label.ts';
import { renderReportBody } from '../reports/render-report-body.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';

export type FixtureBlock =
  | { readonly kind: 'para'; readonly text: string; readonly align: 'left' | 'center' | 'right'; readonly bold: boolean }
  | { readonly kind: 'table'; readonly grid: Grid; readonly html: string };

/** The spec as an HTML-table report with plain markup (no CMS quirks), whatever its published table form. */
export function plainSpec(spec: DemoReportSpec): DemoReportSpec {
  return { ...spec, tables: 'html', delivery: 'page', quirks: ['bare-table'] };
}

/** Body HTML (bare tables, plain paragraphs) of the spec. */
export function bodyHtml(spec: DemoReportSpec): string {
  return renderReportBody(plainSpec(spec), { imageUrls: [] });
}

export function documentBlocks(spec: DemoReportSpec): FixtureBlock[] {
  const $ = cheerio.load(`<div id="root">${bodyHtml(spec)}</div>`);
  const blocks: FixtureBlock[] = [];
  $('#root').children().each((_, node) => {
    const el = node as Element;
    if (el.tagName === 'table') {
      blocks.push({ kind: 'table', grid: buildGrid(el), html: $.html(el) });
      return;
    }
    const style = $(el).attr('style') ?? '';
    const align = style.includes('center') ? 'center' : style.includes('right') ? 'right' : 'left';
    const text = collapseWhitespace($(el).text());
    if (text !== '') blocks.push({ kind: 'para', text, align, bold: $(el).find('strong').length > 0 });
  });
  return blocks;
}

const PAGE_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Serif CJK SC", "AR PL UMing CN", serif; font-size: 12pt; line-height: 1.6; margin: 0; }
  p { margin: 0 0 4pt 0; }
  table { border-collapse: collapse; margin: 6pt auto; font-size: 9pt; line-height: 1.3; page-break-inside: avoid; }
  td, th { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; font-weight: normal; }
  img { display: block; margin: 6pt auto; max-width: 100%; }
`;

/** A printable page: the report body with its tables as HTML (`tables`) or the given images in their place. */
export function printableHtml(spec: DemoReportSpec, tableImages?: readonly string[]): string {
  let body = bodyHtml(spec);
  if (tableImages !== undefined) {
    let i = 0;
    body = body.replace(/<table[\s\S]*?<\/table>/g, () => `<img src="${tableImages[i++] ?? ''}" style="width:170mm">`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${spec.title}</title><style>${PAGE_CSS}</style></head><body>${body}</body></html>`;
}

/** Only the tables, one per page section, for screenshots. */
export function tablesOnlyHtml(spec: DemoReportSpec): string {
  const tables = documentBlocks(spec).filter((b) => b.kind === 'table').map((b) => `<div class="t">${b.html}</div>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${PAGE_CSS} body{background:#fff;padding:8px;font-size:14pt} table{font-size:11pt;margin:0}.t{display:inline-block;padding:6px;background:#fff}</style></head><body>${tables.join('')}</body></html>`;
}
