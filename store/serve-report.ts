/**
 * Read model of the report view's compact answer (`GET /api/reports/:id/compact`): the report's metadata without
 * its text, its cells as `[key, value, method]` rows (JSON built by SQLite) and only its failing checks. A handful of prepared statements
 * reading only the columns shown (no full text, no provenance): provenance is fetched per cell on click.
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
   * The cells as a JSON array text of `[key, value, method]` rows, in key order (built by SQLite: no row objects
   * in JavaScript). value null = blank / not found, never 0; numbers may be written `32.0`.
   */
  readonly cellsJson: string;
  readonly checkCount: number;
  /** Failing checks as `[checkId, left, right, nullsAsZero JSON text]`, in check order. */
  readonly failingChecks: [string, number, number, string][];
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
}

const META_SQL = `SELECT r.id, r.portal_id, r.agency_id, a.key AS agency_key, r.report_key, r.version, r.is_current, r.year, r.title,
    r.agency_name, r.published_at, r.published_at_raw, r.first_seen_at, r.source_capture_id, r.url, r.template,
    length(r.full_text) AS text_length, r.sections, r.content_sha256, r.extractor_version, r.missing_tables, r.warnings,
    (SELECT count(*) FROM check_results k WHERE k.report_id = r.id) AS check_count
  FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.id = ?`;

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
  const cellsJson = stmt(db, 'SELECT json_group_array(json_array(key, value, method)) FROM cells WHERE report_id = ?').pluck().get(id) as string;
  const failingChecks = stmt(db, 'SELECT check_id, left_value, right_value, nulls_as_zero FROM check_results WHERE report_id = ? AND ok = 0 ORDER BY rowid').raw(true).all(id) as [
    string,
    number,
    number,
    string,
  ][];
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
  return { meta, cellsJson, checkCount: row.check_count, failingChecks };
}
