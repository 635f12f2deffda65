/**
 * Read model of the report view's compact answer (`GET /api/reports/:id/compact`): the report's metadata without
 * its text, and its summary (report-summaries.ts): cells as `[key, value, method]` rows and only its failing
 * checks, as JSON text. Three point reads (report, files, versions); provenance is fetched per cell on click.
 */
import type { Database } from 'better-sqlite3';
import { filesOf, toReportMeta, versionsOf, type FileRow, type RawReportMeta, type ReportRow, type VersionRow } from './reports.ts';
import { stmt } from './statements.ts';

/** The report row without its full text, plus what the view shows beside it. */
export interface CompactReportMeta extends Omit<ReportRow, 'fullText'> {
  readonly agencyKey: string | null;
  readonly files: readonly FileRow[];
  readonly versions: readonly VersionRow[];
  /** Characters of the report's text (the text itself is not sent). */
  readonly textLength: number;
}

export interface CompactReport {
  readonly meta: CompactReportMeta;
  /**
   * The cells as a JSON array text of `[key, value, method]` rows, in key order. value null = blank / not found,
   * never 0; numbers may be written `32.0`.
   */
  readonly cellsJson: string;
  readonly checkCount: number;
  /** Failing checks as a JSON array text of `{ checkId, ok: false, left, right, nullsAsZero }`, in check order. */
  readonly failingJson: string;
}

interface MetaRow extends RawReportMeta {
  agency_key: string | null;
  text_length: number;
  check_count: number;
  cells_json: string;
  failing_json: string;
}

const META_SQL = `SELECT r.id, r.portal_id, r.agency_id, a.key AS agency_key, r.report_key, r.version, r.is_current, r.year, r.title,
    r.agency_name, r.published_at, r.published_at_raw, r.first_seen_at, r.source_capture_id, r.url, r.template,
    length(r.full_text) AS text_length, r.sections, r.content_sha256, r.extractor_version, r.missing_tables, r.warnings,
    s.check_count, s.cells_json, s.failing_json
  FROM reports r JOIN report_summaries s ON s.report_id = r.id LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.id = ?`;

/** The compact read of one report version, or null when there is none with that id. */
export function compactReport(db: Database, id: number): CompactReport | null {
  const row = stmt(db, META_SQL).get(id) as MetaRow | undefined;
  if (row === undefined) return null;
  const meta: CompactReportMeta = {
    ...toReportMeta(row),
    agencyKey: row.agency_key,
    files: filesOf(db, id),
    versions: versionsOf(db, row.report_key),
    textLength: row.text_length,
  };
  return { meta, cellsJson: row.cells_json, checkCount: row.check_count, failingJson: row.failing_json };
}
