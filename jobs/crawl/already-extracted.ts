/**
 * Skip re-extracting a report page whose bytes were already extracted by this extractor version, when the run
 * fetched no new file (image, attachment, flip-book page) on that portal: nothing the report is made of changed.
 * OCR of pasted table images is the expensive part of extraction; a quiet night should not redo it.
 */
import type { Database } from 'better-sqlite3';
import { EXTRACTOR_VERSION } from '../../extract/version.ts';
import { countCaptures, type CapturePurpose } from '../../store/captures.ts';
import { findCurrentReportForCapture, type ReportRow } from '../../store/reports.ts';

const FILE_PURPOSES: readonly CapturePurpose[] = ['image', 'attachment', 'flipbook'];

export function alreadyExtracted(db: Database, contentCaptureId: number, runId: number, portalId: string): ReportRow | null {
  const report = findCurrentReportForCapture(db, contentCaptureId);
  if (report === null || !report.extractorVersion.startsWith(EXTRACTOR_VERSION)) return null;
  const newFiles = FILE_PURPOSES.some((purpose) => countCaptures(db, { runId, portalId, purpose, status: 200, hasBody: true }) > 0);
  return newFiles ? null : report;
}
