/**
 * Tables a report page pasted as screenshots: the `<img>`s of its body, read from their archived captures (never
 * the network) and put through the OCR pipeline for the tables the HTML lacks. Each OCR cell names its image
 * (`source`, so the archive points the cell at that image's capture) and the box it was read from.
 */
import type { Database } from 'better-sqlite3';
import { withImageTables } from '../../extract/documents/image-tables.ts';
import type { DocumentImage } from '../../extract/documents/types.ts';
import type { ExtractedReport } from '../../extract/types.ts';
import { latestCapturedBody } from '../../store/captured-body.ts';
import type { DocumentExtractionOptions } from './attached-documents.ts';

export async function withBodyImageTables(db: Database, report: ExtractedReport, options: DocumentExtractionOptions): Promise<ExtractedReport> {
  if (report.template === 'older' || report.missingTables.length === 0 || (!options.ocr && !options.imageTables)) return report;
  const images = capturedImages(db, report);
  if (images.length === 0) return report;
  return withImageTables(report, images, { source: report.files[0]?.url ?? 'report page', ocr: options.ocr ?? null, imageTables: options.imageTables ?? null });
}

function capturedImages(db: Database, report: ExtractedReport): DocumentImage[] {
  return report.files.flatMap((file) => {
    if (file.kind !== 'image') return [];
    const captured = latestCapturedBody(db, file.url);
    return captured === null ? [] : [{ bytes: captured.body, origin: file.url, url: file.url }];
  });
}
