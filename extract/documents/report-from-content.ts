/**
 * Document content → ExtractedReport. The blocks are laid out as a plain HTML page (paragraphs and `<table>`s with
 * rowspan/colspan) and read by the HTML extractor, so titles, sections, template detection, the table-to-key
 * mapping and the checks are the same code for every format; only the provenance is rewritten to the document's
 * own coordinates (`page[2]/table[1]/row[5]/col[3]`, `sheet[表3]/row[4]/col[2]`) and extraction method.
 */
import { extractHtmlReport } from '../html/extract-html-report.ts';
import type { ExtractedCell, ExtractedReport, ExtractionMethod } from '../types.ts';
import { pageBoxAt } from './pdf/page-box-at.ts';
import { escapeHtml } from './table-html.ts';
import type { DocumentBlock, DocumentTable } from './types.ts';
import { DOCUMENT_EXTRACTOR_VERSION } from './version.ts';

export function blocksHtml(blocks: readonly DocumentBlock[], title: string): string {
  const body = blocks.map((b) => (b.kind === 'text' ? `<p>${escapeHtml(b.text)}</p>` : b.table.html)).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${body}\n</body></html>`;
}

export type TableOrigin = Pick<DocumentTable, 'origin' | 'a1RowOffset' | 'rowSources' | 'cellBoxes'>;

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function relocate(cell: ExtractedCell, origins: readonly TableOrigin[], method: ExtractionMethod): ExtractedCell {
  const match = /^table\[(\d+)\]\/row\[(\d+)\]\/col\[(\d+)\]$/.exec(cell.location);
  const origin = match === null ? undefined : origins[Number(match[1])];
  if (match === null || origin === undefined) return { ...cell, method };
  const [row, col] = [Number(match[2]), Number(match[3])];
  const location = origin.a1RowOffset === undefined ? `${origin.origin}/row[${row}]/col[${col}]` : `${origin.origin}!${columnLetters(col)}${row + origin.a1RowOffset + 1}`;
  const source = origin.rowSources?.[row];
  const pageBox = pageBoxAt(origin.cellBoxes, row, col);
  return { ...cell, method, location, ...(source === undefined ? {} : { source }), ...(pageBox === undefined ? {} : { pageBox }) };
}

/**
 * `url` is the document's URL or file URL; `method` the extraction method of its table cells.
 * Throws SkipError E_NOT_A_REPORT when the document holds neither report tables nor a titled report text.
 */
export function reportFromBlocks(blocks: readonly DocumentBlock[], url: string, method: ExtractionMethod): ExtractedReport {
  const origins = blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  return reportFromHtml(blocksHtml(blocks, ''), url, method, origins);
}

/** The same for a document already converted to HTML (DOCX through mammoth); `origins[i]` names `<table>` i. */
export function reportFromHtml(html: string, url: string, method: ExtractionMethod, origins: readonly TableOrigin[] = []): ExtractedReport {
  const report = extractHtmlReport(html, url);
  return {
    ...report,
    cellDetails: report.cellDetails.map((c) => relocate(c, origins, method)),
    files: [],
    extractorVersion: DOCUMENT_EXTRACTOR_VERSION,
  };
}
