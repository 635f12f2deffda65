/**
 * The documents a report page links (PDF, DOC/DOCX/WPS, XLS/XLSX attachments), read from their archived captures
 * (never the network) and merged into the page's report where the page lacks tables. A document that cannot be
 * read becomes a problem with a typed code, recorded against its capture; it never fails the page.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError, type ErrorCode } from '../../common/errors.ts';
import { extractDocument, isDocument } from '../../extract/documents/extract-document.ts';
import { mergeAttachedReport } from '../../extract/documents/merge-reports.ts';
import type { ImageTablesReader } from '../../extract/documents/types.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import type { ExtractedReport } from '../../extract/types.ts';
import { latestCapturedBody } from '../../store/captured-body.ts';
import { latestSuccessfulCapture } from '../../store/captures.ts';

export interface DocumentProblem {
  readonly url: string;
  readonly captureId: number;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface DocumentExtractionOptions {
  /** OCR engine for image tables and scans inside documents (started only when needed). */
  readonly ocr?: (() => Promise<OcrEngine>) | null;
  /** Reads the tables of a report's images; default extractImageTables with `ocr`, in this process (a queue: jobs/queue). */
  readonly imageTables?: ImageTablesReader | null;
}

export interface WithAttachments {
  readonly report: ExtractedReport;
  readonly problems: readonly DocumentProblem[];
}

export async function withAttachedDocuments(db: Database, page: ExtractedReport, options: DocumentExtractionOptions): Promise<WithAttachments> {
  let report = page;
  const problems: DocumentProblem[] = [];
  for (const file of page.files) {
    if (file.kind !== 'attachment' || report.missingTables.length === 0 || report.template === 'older') continue;
    const captured = latestCapturedBody(db, file.url);
    if (captured === null || !isDocument(captured.body, `${file.url} ${captured.capture.contentType ?? ''}`)) continue;
    const { capture, body: bytes } = captured;
    try {
      const attached = await extractDocument(bytes, { source: file.url, contentType: capture.contentType ?? '', ocr: options.ocr ?? null, imageTables: options.imageTables ?? null });
      report = mergeAttachedReport(report, attached, file.url);
    } catch (error) {
      if (isNianbaoError(error) && error.action === 'stop') throw error;
      const code = isNianbaoError(error) ? error.code : 'E_DOCUMENT_CORRUPT';
      problems.push({ url: file.url, captureId: capture.id, code, message: errorMessage(error) });
      report = { ...report, warnings: [...report.warnings, `attachment ${file.url} (capture ${capture.id}): ${code} ${errorMessage(error)}`] };
    }
  }
  return { report, problems };
}

/** Capture id of each cell read from another file than the page (by the file's latest successful capture). */
export function cellCaptureIds(db: Database, report: ExtractedReport): Map<string, number> {
  const byUrl = new Map<string, number | null>();
  const out = new Map<string, number>();
  for (const cell of report.cellDetails) {
    if (cell.source === undefined) continue;
    if (!byUrl.has(cell.source)) byUrl.set(cell.source, latestSuccessfulCapture(db, cell.source)?.id ?? null);
    const id = byUrl.get(cell.source);
    if (id !== null && id !== undefined) out.set(cell.key, id);
  }
  return out;
}
