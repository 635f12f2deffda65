/** Shared shapes of an extracted report. Produced by extract/, consumed by store/ and the CLI. */

export type TemplateVersion = '2021' | '2019' | 'older';

/**
 * How a number was obtained: a table of an HTML page, OCR of a table image, the text layer of a PDF (ruled table
 * or text rows), a DOCX table (DOC/WPS after conversion: 'doc-table'), a spreadsheet cell, a flip-book's text rows.
 */
export type ExtractionMethod = 'html-table' | 'ocr' | 'pdf-text' | 'docx-table' | 'doc-table' | 'xlsx' | 'flipbook-text';

/** One canonical cell with its provenance inside the source document. */
export interface ExtractedCell {
  /** Canonical key, e.g. `t3.new.natural` (see extract/template/keys.ts). */
  readonly key: string;
  /** Parsed value; `null` for a blank, dash or slash (never 0). Money in 万元. */
  readonly value: number | null;
  /** Cell text exactly as printed (whitespace collapsed). */
  readonly raw: string;
  readonly method: ExtractionMethod;
  /** Where in the source: e.g. `table[1]/row[5]/col[3]` (0-based indices of the resolved grid). */
  readonly location: string;
  /** 0..1; 1 for text read from the DOM. */
  readonly confidence: number;
  /**
   * The file the cell was read from when it is not the report page itself (an attachment's URL, a flip-book page),
   * so that the archive can point the cell at that file's capture.
   */
  readonly source?: string;
  /**
   * A cell of a PDF's table: its page (1-based) and box on that page in PDF units (points, origin top-left, y down,
   * the page's view box), and the page's size, so that a reader can see the box on a rendering of the page.
   */
  readonly pageBox?: PageBox;
}

/** A box on a page of a PDF, in PDF units (points; top-left origin, y down). */
export interface PageBox {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
}

export interface CheckResult {
  /** Check id from the spec: `t3.balance.natural`, `t3.results.total`, `t3.row.new`, `t4.sum.review` … */
  readonly id: string;
  readonly ok: boolean;
  /** Left and right side of the identity as computed (nulls counted as 0). */
  readonly left: number;
  readonly right: number;
  /** Keys that were null and counted as 0. */
  readonly nullsAsZero: readonly string[];
}

export interface ReportSection {
  /** Heading as printed, e.g. `二、主动公开政府信息情况`. */
  readonly heading: string;
  /** Canonical section number 1..6 when recognised, else null. */
  readonly part: number | null;
  readonly text: string;
}

/** A file linked from the report body (attachment or image), absolute URL. */
export interface LinkedFile {
  readonly url: string;
  readonly kind: 'attachment' | 'image';
  /** Link text or alt text. */
  readonly label: string;
}

export interface ExtractedReport {
  readonly title: string | null;
  readonly agency: string | null;
  /** Report (statistics) year, not the publish year. */
  readonly year: number | null;
  /** Publish date as printed on the page, ISO `YYYY-MM-DD`, or null. */
  readonly publishedAt: string | null;
  /** The publish time text as printed (e.g. `发布时间:2024-01-15 09:30:00`). */
  readonly publishedAtRaw: string | null;
  readonly template: TemplateVersion;
  /** Every canonical key of the detected template → number or null. Empty for `older`. */
  readonly cells: Readonly<Record<string, number | null>>;
  readonly cellDetails: readonly ExtractedCell[];
  readonly checks: readonly CheckResult[];
  readonly sections: readonly ReportSection[];
  /** Full body text (normalised whitespace), for search. */
  readonly text: string;
  readonly files: readonly LinkedFile[];
  /** Tables expected by the template but not found as HTML (e.g. published as images). */
  readonly missingTables: readonly ('t2' | 't3' | 't4')[];
  readonly warnings: readonly string[];
  readonly extractorVersion: string;
}
