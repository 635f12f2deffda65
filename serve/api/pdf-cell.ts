/**
 * `GET /api/reports/:id/cells/:key/page`: where a PDF table cell lies on its page, for the report view to box it on
 * the page's rendering: `{ captureId, location, page, box: { x0, y0, x1, y1 }, pageWidth, pageHeight, imageUrl }`
 * in PDF units (points, top-left origin, y down; the image is the page's crop box, so the box scales by
 * imageWidth / pageWidth). The archive stores a cell's location, not its box, so the box is read again from the
 * archived PDF's text layer by the extractor's own table reconstruction (extract/documents/pdf/page-box-at.ts);
 * tables are kept in memory by the PDF's digest. 404 when the cell is not a PDF table cell or the PDF no longer
 * yields that cell.
 */
import type { Database } from 'better-sqlite3';
import { pageBoxOfLocation, pdfTableBoxes } from '../../extract/documents/pdf/page-box-at.ts';
import type { CellBoxes } from '../../extract/documents/types.ts';
import { isNianbaoError } from '../../common/errors.ts';
import { archivedPdf } from '../archive/pdf-page.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { cellAnswer } from './report.ts';

export interface PdfCellAnswer {
  readonly captureId: number;
  readonly location: string;
  readonly page: number;
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly imageUrl: string;
}

const CACHE_ENTRIES = 16;
const tablesByDigest = new Map<string, Promise<Map<string, CellBoxes>>>();

function tablesOf(sha256: string, body: Buffer, captureId: number): Promise<Map<string, CellBoxes>> {
  let tables = tablesByDigest.get(sha256);
  if (tables === undefined) {
    tables = pdfTableBoxes(body, `capture ${captureId}`).catch((error: unknown) => {
      tablesByDigest.delete(sha256);
      if (isNianbaoError(error)) throw new HttpError(415, error.code, error.message);
      throw error;
    });
    tablesByDigest.set(sha256, tables);
    if (tablesByDigest.size > CACHE_ENTRIES) tablesByDigest.delete(tablesByDigest.keys().next().value!);
  }
  return tables;
}

export async function pdfCellAnswer(db: Database, reportId: number, key: string): Promise<PdfCellAnswer> {
  const { source } = cellAnswer(db, reportId, key);
  if (source.kind !== 'document' || source.captureId === null || source.page === null) {
    throw notFound(`a PDF page for cell ${key} of report ${reportId}`);
  }
  const pdf = archivedPdf(db, source.captureId);
  const box = pageBoxOfLocation(await tablesOf(pdf.sha256, pdf.body, pdf.id), source.location);
  if (box === undefined) throw notFound(`cell ${source.location} in the text layer of capture ${pdf.id}`);
  return {
    captureId: pdf.id,
    location: source.location,
    page: box.page,
    box: { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 },
    pageWidth: box.pageWidth,
    pageHeight: box.pageHeight,
    imageUrl: `/archive/captures/${pdf.id}/pages/${box.page}.png`,
  };
}
