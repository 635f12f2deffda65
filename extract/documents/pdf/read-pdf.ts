/**
 * A PDF's content: per page, text outside tables as paragraphs and ruled tables as grids (text layer), the images
 * it paints, and pages that are scans (one image, no text layer). Radicals in the text layer are normalised.
 */
import { SkipError } from '../../../common/errors.ts';
import type { DocumentBlock, DocumentContent, DocumentLimits } from '../types.ts';
import { openPdf } from './load-pdf.ts';
import { readPageContent, type PageContent, type PaintedImage } from './page-content.ts';
import { pageBlocks } from './page-blocks.ts';

export interface PdfPageSummary {
  readonly number: number;
  readonly chars: number;
  readonly tables: number;
  /** The page is one image covering most of it, with (almost) no text: a scan. */
  readonly scanned: boolean;
  /** Images painted on the page (not counting the scan itself). */
  readonly images: number;
  /** Page size in PDF units (points, the page's view box). */
  readonly width: number;
  readonly height: number;
  /** A scan: where its image is painted on the page (points, top-left origin), to place OCR boxes on the page. */
  readonly scanBox?: PaintedImage;
}

export interface PdfContent extends Omit<DocumentContent, 'images' | 'scannedPages'> {
  readonly pages: readonly PdfPageSummary[];
}

function isScan(page: PageContent): boolean {
  const area = page.width * page.height;
  const chars = page.runs.reduce((n, r) => n + r.text.trim().length, 0);
  return chars < 20 && page.images.some((i) => (i.x1 - i.x0) * (i.y1 - i.y0) >= area * 0.5);
}

function largestImage(page: PageContent): PaintedImage | undefined {
  const area = (i: PaintedImage): number => (i.x1 - i.x0) * (i.y1 - i.y0);
  return [...page.images].sort((a, b) => area(b) - area(a))[0];
}

/** The largest `/Count` of an uncompressed page tree node (0 when page trees sit in object streams). */
function claimedPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d{1,12})|\/Count\s+(\d{1,12})[^>]*?\/Type\s*\/Pages\b/g)) {
    max = Math.max(max, Number(m[1] ?? m[2]));
  }
  return max;
}

export async function readPdf(bytes: Uint8Array, input: string, limits: DocumentLimits): Promise<PdfContent> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: no %PDF header`, { input });
  }
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF')) {
    throw new SkipError('E_TRUNCATED', `${input}: the PDF has no %%EOF end marker (truncated download?)`, { input });
  }
  const claimed = claimedPages(bytes);
  if (claimed > limits.maxPages) {
    throw new SkipError('E_DOCUMENT_TOO_MANY_PAGES', `${input}: the PDF's page tree claims ${claimed} pages, over the ${limits.maxPages}-page limit for a report`, { input });
  }
  const pdf = await openPdf(bytes, input, limits.maxPages);
  try {
    const blocks: DocumentBlock[] = [];
    const pages: PdfPageSummary[] = [];
    const warnings: string[] = [];
    let tableIndex = 0;
    for (let n = 1; n <= pdf.doc.numPages; n += 1) {
      let content: PageContent;
      try {
        const page = await pdf.doc.getPage(n);
        content = await readPageContent(pdf, page, n);
        page.cleanup();
      } catch (cause) {
        warnings.push(`page ${n}: unreadable (${cause instanceof Error ? cause.message : String(cause)})`);
        continue;
      }
      const scanned = isScan(content);
      const read = pageBlocks(content, tableIndex);
      tableIndex += read.tables;
      blocks.push(...read.blocks);
      const images = scanned ? content.images.length - 1 : content.images.length;
      const scanBox = scanned ? largestImage(content) : undefined;
      pages.push({ number: n, chars: read.chars, tables: read.tables, scanned, images, width: content.width, height: content.height, ...(scanBox === undefined ? {} : { scanBox }) });
    }
    if (pages.length === 0) throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: no page of the PDF could be read`, { input });
    return { blocks, pages, warnings };
  } finally {
    await pdf.close();
  }
}
