/**
 * Extract the report in one capture and save it in the archive (new report, new version, or unchanged),
 * linking its agency and the captures of the files it links. A page's attached documents (PDF, Word, Excel) fill
 * the tables the page lacks, each such cell pointing at the attachment's capture; a flip-book the page links is
 * assembled from its captured pages; tables pasted as `<img>` screenshots are read by OCR from the images' captures;
 * a capture that is itself a document is extracted as one.
 */
import type { Database } from 'better-sqlite3';
import { isNianbaoError } from '../../common/errors.ts';
import { extractHtmlReport } from '../../extract/html/extract-html-report.ts';
import { extractDocument, isDocument } from '../../extract/documents/extract-document.ts';
import type { ExtractedReport } from '../../extract/types.ts';
import { inferAgencyKind } from '../../crawlers/hanweb/agency-kind.ts';
import { findAgency, upsertAgency } from '../../store/agencies.ts';
import { getCapture, getCaptureBody, latestSuccessfulCapture } from '../../store/captures.ts';
import { recordExtractionProblem } from '../../store/extraction-problems.ts';
import { saveReport, type SaveOutcome } from '../../store/reports.ts';
import { cellCaptureIds, withAttachedDocuments, type DocumentExtractionOptions, type DocumentProblem } from './attached-documents.ts';
import { withBodyImageTables } from './body-image-tables.ts';
import { withFlipbook } from './flipbook-report.ts';
import { readCapturedDocument } from './read-capture.ts';

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
}

async function extractCapture(db: Database, captureId: number, options: DocumentExtractionOptions): Promise<{ report: ExtractedReport; problems: readonly DocumentProblem[] }> {
  const capture = getCapture(db, captureId);
  const body = capture === null ? null : getCaptureBody(db, captureId);
  if (capture !== null && body !== null && isDocument(body, `${capture.finalUrl} ${capture.contentType ?? ''}`)) {
    const report = await extractDocument(body, { source: capture.finalUrl, contentType: capture.contentType ?? '', ocr: options.ocr ?? null });
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

/** Throws SkipError E_NOT_A_REPORT when the page holds no report (e.g. the xxgk page of a missing report). */
export async function archiveReportFromCapture(db: Database, captureId: number, target: ArchiveTarget, options: DocumentExtractionOptions = {}): Promise<ArchivedReport> {
  const { report, problems } = await extractCapture(db, captureId, options);
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
  return { reportId: saved.reportId, outcome: saved.outcome, report, url: doc.finalUrl, documentProblems: problems };
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
