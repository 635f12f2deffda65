/**
 * Where a number came from, decoded from a cell's provenance for the page:
 *  - `html`: a cell of the archived page's resolved table grid (`table[i]/row[r]/col[c]`), shown highlighted in the
 *    sanitised page;
 *  - `image`: a box of an archived image (OCR), shown as a crop;
 *  - `document`: a table cell on a page of an attached document (PDF, flip-book), named with a link to the file.
 * OCR provenance (extract/ocr) names the image and the box inside `location`. extract/ocr writes
 * `<sourceId>#table[i]/row[r]/col[c]`, where the source id is the caller's id of the image; accepted here:
 * `capture:<id>`, `capture[<id>]`, `image[<id>]` or the image URL. The box: `bbox[x,y,w,h]` / `bbox(x,y,w,h)`,
 * or a JSON location `{ "captureId" | "url", "bbox": {x,y,w,h} | "box": {x0,y0,x1,y1}, "repair" }`. Without an
 * image named there, the cell's own source capture is used when it is an image. This module is the one place to
 * adapt when that shape changes.
 */
import type { CellRow } from '../../store/reports.ts';

export interface Bbox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type CellSource =
  | { readonly kind: 'html'; readonly table: number; readonly row: number; readonly col: number; readonly location: string }
  | { readonly kind: 'image'; readonly captureId: number; readonly bbox: Bbox | null; readonly repair: string | null }
  /** A table cell of a page of an attached document (PDF text layer, flip-book): the page, not yet a box on it. */
  | { readonly kind: 'document'; readonly captureId: number | null; readonly page: number | null; readonly table: number; readonly row: number; readonly col: number; readonly location: string }
  | { readonly kind: 'unknown'; readonly location: string | null };

const HTML_LOCATION = /^table\[(\d+)\]\/row\[(\d+)\]\/col\[(\d+)\]$/;
/** `page[1]/table[0]/row[2]/col[1]` (PDF), `flipbook/table[0]/row[2]/col[1]`. */
const DOCUMENT_LOCATION = /^(?:page\[(\d+)\]|[a-z-]+)\/table\[(\d+)\]\/row\[(\d+)\]\/col\[(\d+)\]$/;
/** OCR of an image a PDF embeds (extract/documents/image-tables.ts): `page[2]/image[5]#table[0]/row[3]/col[1] bbox[…]`, image 5 of the PDF, not capture 5. */
const PDF_IMAGE_LOCATION = /^page\[(\d+)\]\/image\[\d+\]#table\[(\d+)\]\/row\[(\d+)\]\/col\[(\d+)\]/;
const CAPTURE = /(?:image|capture)(?:\[(\d+)\]|:(\d+))/;
const URL_PREFIX = /^(https?:\/\/[^#\s]+)#/;
const BBOX = /bbox[[(=](\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)[\])]?/;
const REPAIR = /repair\[([^\]]*)\]/;

export interface ImageLookup {
  /** Whether a capture holds an image. */
  isImageCapture(id: number): boolean;
  /** The archived capture of an image URL, or null. */
  captureForUrl(url: string): number | null;
}

export function cellSource(cell: Pick<CellRow, 'method' | 'location' | 'sourceCaptureId'>, images: ImageLookup): CellSource {
  const location = cell.location;
  if (location === null) return { kind: 'unknown', location };
  const html = HTML_LOCATION.exec(location);
  if (html !== null && cell.method !== 'ocr') return { kind: 'html', table: Number(html[1]), row: Number(html[2]), col: Number(html[3]), location };
  const doc = DOCUMENT_LOCATION.exec(location);
  if (doc !== null && cell.method !== 'ocr') {
    return { kind: 'document', captureId: cell.sourceCaptureId, page: doc[1] === undefined ? null : Number(doc[1]), table: Number(doc[2]), row: Number(doc[3]), col: Number(doc[4]), location };
  }
  const pdfImage = PDF_IMAGE_LOCATION.exec(location);
  if (pdfImage !== null) {
    // The page of the attached file is named and the file linked; the box is in the embedded image's pixels, not shown yet.
    return { kind: 'document', captureId: cell.sourceCaptureId, page: Number(pdfImage[1]), table: Number(pdfImage[2]), row: Number(pdfImage[3]), col: Number(pdfImage[4]), location };
  }
  const parsed = location.trimStart().startsWith('{') ? fromJson(location) : fromText(location);
  const byUrl = parsed.captureId === null && parsed.url !== null ? images.captureForUrl(parsed.url) : null;
  const own = cell.sourceCaptureId !== null && images.isImageCapture(cell.sourceCaptureId) ? cell.sourceCaptureId : null;
  const captureId = parsed.captureId ?? byUrl ?? own;
  if (captureId !== null) return { kind: 'image', captureId, bbox: parsed.bbox, repair: parsed.repair };
  return { kind: 'unknown', location };
}

interface Parsed {
  readonly captureId: number | null;
  readonly url: string | null;
  readonly bbox: Bbox | null;
  readonly repair: string | null;
}

function fromText(location: string): Parsed {
  const capture = CAPTURE.exec(location);
  const box = BBOX.exec(location);
  const repair = REPAIR.exec(location);
  return {
    captureId: capture === null ? null : Number(capture[1] ?? capture[2]),
    url: URL_PREFIX.exec(location)?.[1] ?? null,
    bbox: box === null ? null : { x: Number(box[1]), y: Number(box[2]), w: Number(box[3]), h: Number(box[4]) },
    repair: repair?.[1] ?? null,
  };
}

function fromJson(location: string): Parsed {
  try {
    const value = JSON.parse(location) as { captureId?: unknown; imageCaptureId?: unknown; url?: unknown; bbox?: unknown; box?: unknown; repair?: unknown };
    const id = typeof value.captureId === 'number' ? value.captureId : typeof value.imageCaptureId === 'number' ? value.imageCaptureId : null;
    const b = value.bbox as Partial<Bbox> | undefined;
    const box = value.box as { x0?: number; y0?: number; x1?: number; y1?: number } | undefined;
    const bbox =
      b !== undefined && [b.x, b.y, b.w, b.h].every((n) => typeof n === 'number')
        ? { x: b.x!, y: b.y!, w: b.w!, h: b.h! }
        : box !== undefined && [box.x0, box.y0, box.x1, box.y1].every((n) => typeof n === 'number')
          ? { x: box.x0!, y: box.y0!, w: box.x1! - box.x0!, h: box.y1! - box.y0! }
          : null;
    const repair = value.repair === undefined || value.repair === null ? null : typeof value.repair === 'string' ? value.repair : JSON.stringify(value.repair);
    return { captureId: id, url: typeof value.url === 'string' ? value.url : null, bbox, repair };
  } catch {
    return { captureId: null, url: null, bbox: null, repair: null };
  }
}
