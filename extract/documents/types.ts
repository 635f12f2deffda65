/** Shapes shared by the document extractors: what a document holds before it becomes an ExtractedReport. */
import type { OcrEngine } from '../ocr/engine.ts';
import type { Template } from '../ocr/labels.ts';
import type { ImageInput, ImageTablesResult } from '../ocr/types.ts';

export type DocumentFormat = 'html' | 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'wps' | 'image';

/** A table reconstructed from a document, as HTML (`<table>` with rowspan/colspan), plus where it came from. */
export interface DocumentTable {
  readonly html: string;
  /** Where in the source, e.g. `page[2]/table[0]` or `sheet[表3]`; cell locations append `/row[r]/col[c]`. */
  readonly origin: string;
  /** Spreadsheet tables: cell locations are A1 references (`sheet[表3]!C7`), row r of the table being sheet row r + rowOffset. */
  readonly a1RowOffset?: number;
  /** The file each row was read from (flip-book page URLs), when rows of one table come from several files. */
  readonly rowSources?: readonly string[];
  /** PDF tables: the box of each grid position's cell on its page (see cell-boxes in pdf/). */
  readonly cellBoxes?: CellBoxes;
}

/** Page boxes of a table's cells: `boxAt(row, col)` is the box (PDF units) of the cell covering that grid slot. */
export interface CellBoxes {
  readonly page: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly cells: readonly { readonly row: number; readonly col: number; readonly rowSpan: number; readonly colSpan: number; readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }[];
}

/** One block of a document in reading order. */
export type DocumentBlock =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'table'; readonly table: DocumentTable };

/** An image embedded in a document (native bytes, not a render), for OCR. */
export interface DocumentImage {
  readonly bytes: Buffer;
  /** e.g. `page[3]/image[0]`, or the image's URL. */
  readonly origin: string;
  /** URL of the image when it is a file of its own (an `<img>` of a report page); its cells name it as `source`. */
  readonly url?: string;
}

export interface DocumentContent {
  readonly blocks: readonly DocumentBlock[];
  readonly images: readonly DocumentImage[];
  /** Whole pages that are one image with no text layer (scans), at native resolution. */
  readonly scannedPages: readonly DocumentImage[];
  readonly warnings: readonly string[];
}

export interface DocumentLimits {
  /** Bytes of the file. Default 50 MiB. */
  readonly maxBytes: number;
  /** Pages of a PDF. Default 300. */
  readonly maxPages: number;
  /** Total uncompressed bytes of a DOCX/XLSX zip. Default 100 MiB. */
  readonly maxUnzippedBytes: number;
  /** Entries of a zip. Default 5,000. */
  readonly maxZipEntries: number;
  /** Uncompressed / compressed ratio of one zip entry above which it is a bomb. Default 200. */
  readonly maxZipRatio: number;
  /** Wall time of one document, conversion and OCR included. Default 120 s. */
  readonly timeoutMs: number;
  /** Cells of an XLSX sheet. Default 200,000. */
  readonly maxSheetCells: number;
}

export const DEFAULT_LIMITS: DocumentLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 300,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxZipEntries: 5000,
  maxZipRatio: 200,
  timeoutMs: 120_000,
  maxSheetCells: 200_000,
};

/** The images of one report, in order → their tables' cells with provenance (extractImageTables' contract). */
export type ImageTablesReader = (images: readonly ImageInput[], options: { readonly template: Template }) => Promise<ImageTablesResult>;

export interface DocumentOptions {
  readonly limits?: Partial<DocumentLimits>;
  /**
   * OCR engine for image tables and scanned pages, started only when a document needs it; without one, those
   * tables stay missing (with a warning). The caller terminates the engine.
   */
  readonly ocr?: (() => Promise<OcrEngine>) | null;
  /**
   * Reads the tables of a report's images (extract/ocr extractImageTables, or a queue of workers running it, jobs/queue).
   * Default: extractImageTables with `ocr`'s engine, in this process.
   */
  readonly imageTables?: ImageTablesReader | null;
  /** The URL or path the document came from (named in errors and used as the page URL). */
  readonly source: string;
  /** `Content-Type` the server sent, a hint for the format. */
  readonly contentType?: string;
}

export function limitsOf(options: Pick<DocumentOptions, 'limits'>): DocumentLimits {
  return { ...DEFAULT_LIMITS, ...options.limits };
}
