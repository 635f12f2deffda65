/**
 * Page boxes of PDF table cells: the box of the cell covering a grid slot (what extraction records as a cell's
 * `pageBox`), and the same looked up afresh from a PDF's bytes by the cell's location (`page[p]/table[t]/row[r]/col[c]`),
 * for cells stored before boxes were recorded. Text layer only: no OCR, no images.
 */
import type { PageBox } from '../../types.ts';
import { DEFAULT_LIMITS, type CellBoxes } from '../types.ts';
import { readPdf } from './read-pdf.ts';

export function pageBoxAt(boxes: CellBoxes | undefined, row: number, col: number): PageBox | undefined {
  const c = boxes?.cells.find((b) => row >= b.row && row < b.row + b.rowSpan && col >= b.col && col < b.col + b.colSpan);
  if (boxes === undefined || c === undefined) return undefined;
  return { page: boxes.page, x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, pageWidth: boxes.pageWidth, pageHeight: boxes.pageHeight };
}

const LOCATION = /^(page\[\d+\]\/table\[\d+\])\/row\[(\d+)\]\/col\[(\d+)\]$/;

/** Every table of the PDF's text layer by its origin (`page[2]/table[0]`) → its cell boxes. */
export async function pdfTableBoxes(bytes: Uint8Array, input: string): Promise<Map<string, CellBoxes>> {
  const content = await readPdf(bytes, input, DEFAULT_LIMITS);
  const out = new Map<string, CellBoxes>();
  for (const block of content.blocks) if (block.kind === 'table' && block.table.cellBoxes !== undefined) out.set(block.table.origin, block.table.cellBoxes);
  return out;
}

/** The box of the cell at `location` among `tables` (from pdfTableBoxes), or undefined when the PDF has no such cell. */
export function pageBoxOfLocation(tables: ReadonlyMap<string, CellBoxes>, location: string): PageBox | undefined {
  const m = LOCATION.exec(location);
  if (m === null) return undefined;
  return pageBoxAt(tables.get(m[1]!), Number(m[2]), Number(m[3]));
}
