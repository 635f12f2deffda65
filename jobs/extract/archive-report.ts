/**
 * Extract the report in one capture and save it in the archive (new report, new version, or unchanged),
 * linking its agency and the captures of the files it links. A page's attached documents (PDF, Word, Excel) fill
 * the tables the page lacks, each such cell pointing at the attachment's capture; a flip-book the page links is
 * assembled from its captured pages; tables pasted as `<img>` screenshots are read by OCR from the images' captures;
 * a capture that is itself a document is extracted as one. A page titled as a report is archived whatever its body
 * holds; what its tables lack (no tables at all, a table, a row, a cell) is recorded against the page's capture with
 * a named code (extract/template/report-problems.ts), never left as silent nulls.
 */
import type { Database } from 'better-sqlite3';
import { isNianbaoError } from '../../common/errors.ts';
import { extractHtmlReport } from '../../extract/html/extract-html-report.ts';
import { extractDocument, isDocument } from '../../extract/documents/extract-document.ts';
import type { ExtractedReport } from '../../extract/types.ts';
import { inferAgencyKind } from '../../crawlers/hanweb/agency-kind.ts';
import { findAgency, upsertAgency } from '../../store/agencies.ts';
import { readCapturedDocument } from '../../store/captured-document.ts';
import { getCapture, getCaptureBody, latestSuccessfulCapture } from '../../store/captures.ts';
import { recordExtractionProblem } from '../../store/extraction-problems.ts';
import { saveReport, type SaveOutcome } from '../../store/reports.ts';
import { reportProblems, type ReportProblem } from '../../extract/template/report-problems.ts';
import { cellCaptureIds, withAttachedDocuments, type DocumentExtractionOptions, type DocumentProblem } from './attached-documents.ts';
import { withBodyImageTables } from './body-image-tables.ts';
import { withFlipbook } from './flipbook-report.ts';

export interface ArchiveTarget {
  readonly portalId: string;
  /** The xxgk `area` the page was requested for, when known. */
  readonly agencyKey?: string | undefined;
}

export interface ArchivedReport {
  readonly reportId: number;
  readonly outcome: SaveOutcome;
  readonly report: ExtractedReport;
  readonly url: string;
  /** Attached documents that could not be read (typed codes, with their captures). */
  readonly documentProblems: readonly DocumentProblem[];
  /** What the report's tables lack: E_NO_TABLES (with its reason), E_TABLE_NOT_FOUND, E_ROW_NOT_FOUND, E_CELL_NOT_FOUND. */
  readonly tableProblems: readonly ReportProblem[];
}

/** What extraction of one capture found, before anything is saved: it only reads the archive. */
export interface ExtractedCapture {
  readonly report: ExtractedReport;
  /** Attached documents that could not be read. */
  readonly problems: readonly DocumentProblem[];
}

/** Extracts the report in capture `captureId` from the archive (reads only; extraction-process.ts runs it in a child). */
export async function extractArchivedCapture(db: Database, captureId: number, options: DocumentExtractionOptions): Promise<ExtractedCapture> {
  const capture = getCapture(db, captureId);
  const body = capture === null ? null : getCaptureBody(db, captureId);
  if (capture !== null && body !== null && isDocument(body, `${capture.finalUrl} ${capture.contentType ?? ''}`)) {
    const report = await extractDocument(body, { source: capture.finalUrl, contentType: capture.contentType ?? '', ocr: options.ocr ?? null, imageTables: options.imageTables ?? null });
    return { report, problems: [] };
  }
  const doc = readCapturedDocument(db, captureId);
  let page: ExtractedReport | null = null;
  let notAReport: unknown = null;
  try {
    page = extractHtmlReport(doc.html, doc.url);
  } catch (error) {
    if (!isNianbaoError(error) || error.code !== 'E_NOT_A_REPORT') throw error;
    notAReport = error;
  }
  const report = withFlipbook(db, doc.html, doc.url, page);
  if (report === null) throw notAReport;
  const attached = await withAttachedDocuments(db, report, options);
  return { report: await withBodyImageTables(db, attached.report, options), problems: attached.problems };
}

export interface ArchiveOptions extends DocumentExtractionOptions {
  /** Aborted when the extraction's time limit passed: nothing is saved after that. */
  readonly signal?: AbortSignal;
}

/** Throws SkipError E_NOT_A_REPORT when the page holds no report (e.g. the xxgk page of a missing report). */
export async function archiveReportFromCapture(db: Database, captureId: number, target: ArchiveTarget, options: ArchiveOptions = {}): Promise<ArchivedReport> {
  const extracted = await extractArchivedCapture(db, captureId, options);
  options.signal?.throwIfAborted();
  return saveExtractedReport(db, captureId, target, extracted);
}

/** Saves what extractArchivedCapture found in capture `captureId` (the archive's single writer does this). */
export function saveExtractedReport(db: Database, captureId: number, target: ArchiveTarget, { report, problems }: ExtractedCapture): ArchivedReport {
  const doc = getCapture(db, captureId);
  if (doc === null) throw new Error(`capture ${captureId} vanished`);
  const agencyId = resolveAgency(db, target, report);
  const files = report.files.map((file) => ({
    captureId: latestSuccessfulCapture(db, file.url)?.id ?? null,
    url: file.url,
    kind: file.kind,
    label: file.label,
  }));
  const saved = saveReport(db, {
    portalId: target.portalId,
    agencyId,
    reportKey: doc.finalUrl,
    url: doc.finalUrl,
    sourceCaptureId: captureId,
    report,
    files,
    seenAt: doc.fetchedAt,
    cellCaptureIds: cellCaptureIds(db, report),
  });
  for (const problem of problems) {
    recordExtractionProblem(db, { captureId: problem.captureId, reportCaptureId: captureId, code: problem.code, message: problem.message, extractorVersion: report.extractorVersion });
  }
  const tableProblems = reportProblems(report);
  recordTableProblems(db, captureId, report.extractorVersion, tableProblems);
  return { reportId: saved.reportId, outcome: saved.outcome, report, url: doc.finalUrl, documentProblems: problems, tableProblems };
}

/**
 * One extraction_problems row per code against the page's capture: `<reason>: <message>` for E_NO_TABLES, else the
 * messages of that code (each names its table, row and keys).
 */
function recordTableProblems(db: Database, captureId: number, extractorVersion: string, tableProblems: readonly ReportProblem[]): void {
  const byCode = new Map<ReportProblem['code'], string[]>();
  for (const p of tableProblems) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p.reason === null ? p.message : `${p.reason}: ${p.message}`]);
  for (const [code, messages] of byCode) {
    recordExtractionProblem(db, { captureId, reportCaptureId: captureId, code, message: messages.join('; '), extractorVersion });
  }
}

/** The xxgk key when the page was asked for by key; otherwise the agency named in the report (keyed by name). */
function resolveAgency(db: Database, target: ArchiveTarget, report: ExtractedReport): number | null {
  if (target.agencyKey !== undefined) {
    const known = findAgency(db, target.portalId, target.agencyKey);
    if (known !== null) return known.id;
  }
  if (report.agency === null) return null;
  const byName = findAgency(db, target.portalId, report.agency);
  if (byName !== null) return byName.id;
  return upsertAgency(db, { portalId: target.portalId, key: report.agency, name: report.agency, kind: inferAgencyKind(report.agency), source: 'report' });
}
