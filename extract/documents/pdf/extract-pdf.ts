/**
 * PDF → report: the text layer (paragraphs, ruled tables) first; tables the text layer lacks are read by OCR from
 * the images the PDF embeds (extracted at native resolution, never a page render); scanned pages are OCR'd whole:
 * their tables through the table pipeline, their text (chi_sim) for search, after isolated sensor specks are
 * removed (despeckle.ts); OCR cells of a scan get their box on the page (scan-boxes.ts).
 */
import { isNianbaoError } from '../../../common/errors.ts';
import type { ExtractedReport } from '../../types.ts';
import { withImageTables } from '../image-tables.ts';
import { ocrPageText } from '../page-text-ocr.ts';
import { reportFromBlocks } from '../report-from-content.ts';
import { skeletonReport } from '../skeleton-report.ts';
import type { DocumentBlock, DocumentLimits, DocumentOptions } from '../types.ts';
import { despeckle } from './despeckle.ts';
import { pdfImages } from './pdf-images.ts';
import { readPdf } from './read-pdf.ts';
import { withScanBoxes } from './scan-boxes.ts';

function tryReport(blocks: readonly DocumentBlock[], source: string): ExtractedReport | null {
  try {
    return reportFromBlocks(blocks, source, 'pdf-text');
  } catch (error) {
    if (isNianbaoError(error) && error.code === 'E_NOT_A_REPORT') return null;
    throw error;
  }
}

export async function extractPdf(bytes: Buffer, options: DocumentOptions, limits: DocumentLimits): Promise<ExtractedReport> {
  const content = await readPdf(bytes, options.source, limits);
  const scanned = content.pages.filter((p) => p.scanned).map((p) => p.number);
  const withImages = content.pages.filter((p) => p.images > 0 || p.scanned).map((p) => p.number);
  let report = tryReport(content.blocks, options.source);
  const needsImages = report === null || report.missingTables.length > 0;
  if (!needsImages || withImages.length === 0 || report?.template === 'older') {
    if (report === null) return reportFromBlocks(content.blocks, options.source, 'pdf-text'); // throws E_NOT_A_REPORT
    return { ...report, warnings: [...report.warnings, ...content.warnings] };
  }
  const raw = await pdfImages(bytes, options.source, { timeoutMs: limits.timeoutMs, pages: withImages });
  // Scanned pages: isolated sensor specks removed before OCR (they turn into extra digits).
  const images = await Promise.all(raw.map(async (i) => (scanned.includes(i.page) ? { ...i, bytes: await despeckle(i.bytes) } : i)));
  const warnings = [...content.warnings];
  if (scanned.length > 0) {
    warnings.push(`pages ${scanned.join(', ')} are scans: text and tables read by OCR`);
    if (options.ocr !== undefined && options.ocr !== null) {
      const pageImages = scanned.flatMap((n) => {
        const mine = images.filter((i) => i.page === n).sort((a, b) => b.width * b.height - a.width * a.height);
        return mine.slice(0, 1);
      });
      const textBlocks = await ocrPageText(pageImages, await options.ocr());
      report = tryReport([...content.blocks, ...textBlocks], options.source) ?? report;
    }
  }
  const base = report ?? skeletonReport(content.blocks, options.source);
  const merged = await withImageTables({ ...base, warnings: [...base.warnings, ...warnings] }, images, options);
  return scanned.length === 0 ? merged : { ...merged, cellDetails: withScanBoxes(merged.cellDetails, content.pages, images) };
}
