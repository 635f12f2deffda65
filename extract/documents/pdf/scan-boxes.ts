/**
 * OCR cells read from a scanned page get their box on the page too: the OCR box (pixels of the scan, at native
 * resolution, `bbox[x,y,w,h]` in the location) scaled onto the rectangle the scan is painted in. Only when the
 * scan is painted upright: its painted rectangle has the image's aspect (within 2 %); a rotated scan keeps its pixel
 * box only.
 */
import type { ExtractedCell, PageBox } from '../../types.ts';
import type { PdfImage } from './pdf-images.ts';
import type { PdfPageSummary } from './read-pdf.ts';

const OCR_LOCATION = /^page\[(\d+)\]\/image\[(\d+)\]#.*\bbbox\[(-?[\d.]+),(-?[\d.]+),([\d.]+),([\d.]+)\]/;

function boxOn(page: PdfPageSummary, image: PdfImage, x: number, y: number, w: number, h: number): PageBox | undefined {
  const s = page.scanBox;
  if (s === undefined) return undefined;
  const sx = (s.x1 - s.x0) / image.width;
  const sy = (s.y1 - s.y0) / image.height;
  if (Math.abs(sx / sy - 1) > 0.02) return undefined;
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    page: page.number,
    x0: round(s.x0 + x * sx),
    y0: round(s.y0 + y * sy),
    x1: round(s.x0 + (x + w) * sx),
    y1: round(s.y0 + (y + h) * sy),
    pageWidth: round(page.width),
    pageHeight: round(page.height),
  };
}

/** `cells` with a pageBox added to each OCR cell of a scanned page's image. */
export function withScanBoxes(cells: readonly ExtractedCell[], pages: readonly PdfPageSummary[], images: readonly PdfImage[]): ExtractedCell[] {
  return cells.map((cell) => {
    const m = cell.method === 'ocr' && cell.pageBox === undefined ? OCR_LOCATION.exec(cell.location) : null;
    if (m === null) return cell;
    const page = pages.find((p) => p.number === Number(m[1]) && p.scanned);
    const image = images.find((i) => i.origin === `page[${m[1]}]/image[${m[2]}]`);
    if (page === undefined || image === undefined) return cell;
    const pageBox = boxOn(page, image, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    return pageBox === undefined ? cell : { ...cell, pageBox };
  });
}
