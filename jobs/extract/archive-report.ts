/**
 * Extract the report in one capture and save it in the archive (new report, new version, or unchanged),
 * linking its agency and the captures of the files it links.
 */
import type { Database } from 'better-sqlite3';
import { extractHtmlReport } from '../../extract/html/extract-html-report.ts';
import type { ExtractedReport } from '../../extract/types.ts';
import { inferAgencyKind } from '../../crawlers/hanweb/agency-kind.ts';
import { findAgency, upsertAgency } from '../../store/agencies.ts';
import { latestSuccessfulCapture } from '../../store/captures.ts';
import { saveReport, type SaveOutcome } from '../../store/reports.ts';
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
}

/** Throws SkipError E_NOT_A_REPORT when the page holds no report (e.g. the xxgk page of a missing report). */
export function archiveReportFromCapture(db: Database, captureId: number, target: ArchiveTarget): ArchivedReport {
  const doc = readCapturedDocument(db, captureId);
  const report = extractHtmlReport(doc.html, doc.url);
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
    reportKey: doc.url,
    url: doc.url,
    sourceCaptureId: doc.captureId,
    report,
    files,
    seenAt: doc.fetchedAt,
  });
  return { reportId: saved.reportId, outcome: saved.outcome, report, url: doc.url };
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
