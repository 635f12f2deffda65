/**
 * Read model of the report view's compact answer (`GET /api/reports/:id/compact`): the report's metadata without
 * its text, and its summary (report-summaries.ts): cells as `[key, value, method]` rows and only its failing
 * checks, as JSON text. Three point reads (report, files, versions); provenance is fetched per cell on click.
 */
import type { Database } from 'better-sqlite3';
import type { ReportSection, TemplateVersion } from '../extract/types.ts';
import type { FileRow, ReportRow, VersionRow } from './reports.ts';
import { fromJson, stmt } from './statements.ts';

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

interface MetaRow {
  id: number;
  portal_id: string;
  agency_id: number | null;
  agency_key: string | null;
  report_key: string;
  version: number;
  is_current: number;
  year: number | null;
  title: string | null;
  agency_name: string | null;
  published_at: string | null;
  published_at_raw: string | null;
  first_seen_at: string;
  source_capture_id: number | null;
  url: string;
  template: TemplateVersion;
  text_length: number;
  sections: string;
  content_sha256: string;
  extractor_version: string;
  missing_tables: string;
  warnings: string;
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
  const files = (stmt(db, 'SELECT url, kind, label, capture_id FROM report_files WHERE report_id = ? ORDER BY rowid').raw(true).all(id) as [string, 'attachment' | 'image', string, number | null][]).map(
    ([url, kind, label, captureId]) => ({ url, kind, label, captureId }),
  );
  const versions = (
    stmt(db, 'SELECT id, version, is_current, first_seen_at, content_sha256, extractor_version FROM reports WHERE report_key = ? ORDER BY version').raw(true).all(row.report_key) as [
      number,
      number,
      number,
      string,
      string,
      string,
    ][]
  ).map(([vid, version, isCurrent, firstSeenAt, contentSha256, extractorVersion]) => ({ id: vid, version, isCurrent: isCurrent === 1, firstSeenAt, contentSha256, extractorVersion }));
  const meta: CompactReportMeta = {
    id: row.id,
    portalId: row.portal_id,
    agencyId: row.agency_id,
    reportKey: row.report_key,
    version: row.version,
    isCurrent: row.is_current === 1,
    year: row.year,
    title: row.title,
    agencyName: row.agency_name,
    publishedAt: row.published_at,
    publishedAtRaw: row.published_at_raw,
    firstSeenAt: row.first_seen_at,
    sourceCaptureId: row.source_capture_id,
    url: row.url,
    template: row.template,
    sections: fromJson<ReportSection[]>(row.sections) ?? [],
    contentSha256: row.content_sha256,
    extractorVersion: row.extractor_version,
    missingTables: fromJson<('t2' | 't3' | 't4')[]>(row.missing_tables) ?? [],
    warnings: fromJson<string[]>(row.warnings) ?? [],
    agencyKey: row.agency_key,
    files,
    versions,
    textLength: row.text_length,
  };
  return { meta, cellsJson: row.cells_json, checkCount: row.check_count, failingJson: row.failing_json };
}
