/** Reports: versioned documents with their cells, arithmetic checks and linked files. Reads live here; see report-save.ts. */
import type { Database } from 'better-sqlite3';
import type { ReportSection, TemplateVersion } from '../extract/types.ts';
import { fromJson, stmt } from './statements.ts';

export { saveReport, type ReportFileInput, type SaveOutcome, type SaveReportInput, type SaveResult } from './report-save.ts';

export interface ReportFilter {
  readonly portalId?: string;
  readonly year?: number;
  /** Agency key or USCC, or part of its archive name or of the name printed in the report (as search matches). */
  readonly agency?: string;
  /** Only the current version of each document (default true). */
  readonly currentOnly?: boolean;
}

export interface ReportListRow {
  readonly id: number;
  readonly portalId: string;
  readonly agencyId: number | null;
  readonly agencyKey: string | null;
  /** The archive's name of the agency, else the name printed in the report. */
  readonly agencyName: string | null;
  readonly year: number | null;
  readonly url: string;
  readonly template: TemplateVersion;
  readonly publishedAt: string | null;
  /** When the document (any version) was first seen. */
  readonly firstSeenAt: string;
  readonly version: number;
  readonly isCurrent: boolean;
  readonly title: string | null;
  readonly failingChecks: number;
}

export interface ReportRow {
  readonly id: number;
  readonly portalId: string;
  readonly agencyId: number | null;
  readonly reportKey: string;
  readonly version: number;
  readonly isCurrent: boolean;
  readonly year: number | null;
  readonly title: string | null;
  /** Agency name as printed in the report. */
  readonly agencyName: string | null;
  readonly publishedAt: string | null;
  readonly publishedAtRaw: string | null;
  /** When this version was first seen. */
  readonly firstSeenAt: string;
  readonly sourceCaptureId: number | null;
  readonly url: string;
  readonly template: TemplateVersion;
  readonly fullText: string;
  readonly sections: readonly ReportSection[];
  readonly contentSha256: string;
  readonly extractorVersion: string;
  readonly missingTables: readonly ('t2' | 't3' | 't4')[];
  readonly warnings: readonly string[];
}

export interface CellRow {
  readonly key: string;
  /** null for blank / dash / not found — never 0. */
  readonly value: number | null;
  readonly raw: string | null;
  readonly method: string | null;
  readonly location: string | null;
  readonly confidence: number | null;
  readonly extractorVersion: string;
  readonly sourceCaptureId: number | null;
}

export interface CheckRow {
  readonly checkId: string;
  readonly ok: boolean;
  readonly left: number;
  readonly right: number;
  readonly nullsAsZero: readonly string[];
}

export interface FileRow {
  readonly url: string;
  readonly kind: 'attachment' | 'image';
  readonly label: string;
  readonly captureId: number | null;
}

export interface VersionRow {
  readonly id: number;
  readonly version: number;
  readonly isCurrent: boolean;
  readonly firstSeenAt: string;
  readonly contentSha256: string;
  readonly extractorVersion: string;
}

export interface ReportDetail extends ReportRow {
  readonly agencyKey: string | null;
  readonly cells: readonly CellRow[];
  readonly checks: readonly CheckRow[];
  readonly files: readonly FileRow[];
  /** Every version of the same report_key, oldest first (this one included). */
  readonly versions: readonly VersionRow[];
}

/** A `reports` row as SQLite returns it (`full_text` left out by readers that do not need it). */
export interface RawReportMeta {
  id: number;
  portal_id: string;
  agency_id: number | null;
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
  sections: string;
  content_sha256: string;
  extractor_version: string;
  missing_tables: string;
  warnings: string;
}

interface RawReport extends RawReportMeta {
  full_text: string;
}

interface RawListRow {
  id: number;
  portal_id: string;
  agency_id: number | null;
  agency_key: string | null;
  agency_name: string | null;
  year: number | null;
  url: string;
  template: TemplateVersion;
  published_at: string | null;
  first_seen_at: string;
  version: number;
  is_current: number;
  title: string | null;
  failing_checks: number;
}

const LIST_SQL = `SELECT r.id, r.portal_id, r.agency_id, a.key AS agency_key, COALESCE(a.name, r.agency_name) AS agency_name,
    r.year, r.url, r.template, r.published_at,
    (SELECT min(o.first_seen_at) FROM reports o WHERE o.report_key = r.report_key) AS first_seen_at,
    r.version, r.is_current, r.title,
    (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0) AS failing_checks
  FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id`;

/** Reports matching the filter, by portal, year (newest first), agency name and id. */
export function listReports(db: Database, filter: ReportFilter = {}): ReportListRow[] {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.currentOnly ?? true) clauses.push('r.is_current = 1');
  if (filter.portalId !== undefined) {
    clauses.push('r.portal_id = @portalId');
    params.portalId = filter.portalId;
  }
  if (filter.year !== undefined) {
    clauses.push('r.year = @year');
    params.year = filter.year;
  }
  if (filter.agency !== undefined) {
    clauses.push('(a.key = @agency OR a.uscc = @agency OR instr(a.name, @agency) > 0 OR instr(r.agency_name, @agency) > 0)');
    params.agency = filter.agency;
  }
  const where = clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`;
  const sql = `${LIST_SQL}${where} ORDER BY r.portal_id, r.year DESC, agency_name, r.id`;
  return (stmt(db, sql).all(params) as RawListRow[]).map((row) => ({
    id: row.id,
    portalId: row.portal_id,
    agencyId: row.agency_id,
    agencyKey: row.agency_key,
    agencyName: row.agency_name,
    year: row.year,
    url: row.url,
    template: row.template,
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    version: row.version,
    isCurrent: row.is_current === 1,
    title: row.title,
    failingChecks: row.failing_checks,
  }));
}

/** The current version of the document `reportKey`, or null. */
export function findReportByKey(db: Database, reportKey: string): ReportRow | null {
  const row = stmt(db, 'SELECT * FROM reports WHERE report_key = ? AND is_current = 1').get(reportKey) as RawReport | undefined;
  return row === undefined ? null : toReport(row);
}

/**
 * The current report already extracted from the same bytes as `captureId` (its source capture has the same sha256
 * and the same final URL), or null: lets a re-crawl that confirmed a page unchanged skip extracting it again.
 */
export function findCurrentReportForCapture(db: Database, captureId: number): ReportRow | null {
  const row = stmt(
    db,
    `SELECT r.* FROM captures c
       JOIN reports r ON r.report_key = c.final_url AND r.is_current = 1
       JOIN captures source ON source.id = r.source_capture_id
      WHERE c.id = ? AND c.sha256 IS NOT NULL AND source.sha256 = c.sha256`,
  ).get(captureId) as RawReport | undefined;
  return row === undefined ? null : toReport(row);
}

/** One report version with its cells (table order), checks, files and the list of all versions of its document. */
export function getReport(db: Database, id: number): ReportDetail | null {
  const row = stmt(db, 'SELECT * FROM reports WHERE id = ?').get(id) as RawReport | undefined;
  if (row === undefined) return null;
  const agencyKey = row.agency_id === null ? null : ((stmt(db, 'SELECT key FROM agencies WHERE id = ?').pluck().get(row.agency_id) as string | undefined) ?? null);
  return { ...toReport(row), agencyKey, cells: cellsOf(db, id), checks: checksOf(db, id), files: filesOf(db, id), versions: versionsOf(db, row.report_key) };
}

function cellsOf(db: Database, reportId: number): CellRow[] {
  const rows = stmt(db, 'SELECT * FROM cells WHERE report_id = ? ORDER BY rowid').all(reportId) as {
    key: string;
    value: number | null;
    raw: string | null;
    method: string | null;
    location: string | null;
    confidence: number | null;
    extractor_version: string;
    source_capture_id: number | null;
  }[];
  return rows.map((c) => ({
    key: c.key,
    value: c.value,
    raw: c.raw,
    method: c.method,
    location: c.location,
    confidence: c.confidence,
    extractorVersion: c.extractor_version,
    sourceCaptureId: c.source_capture_id,
  }));
}

function checksOf(db: Database, reportId: number): CheckRow[] {
  const rows = stmt(db, 'SELECT * FROM check_results WHERE report_id = ? ORDER BY rowid').all(reportId) as {
    check_id: string;
    ok: number;
    left_value: number;
    right_value: number;
    nulls_as_zero: string;
  }[];
  return rows.map((c) => ({ checkId: c.check_id, ok: c.ok === 1, left: c.left_value, right: c.right_value, nullsAsZero: fromJson<string[]>(c.nulls_as_zero) ?? [] }));
}

export function filesOf(db: Database, reportId: number): FileRow[] {
  const rows = stmt(db, 'SELECT url, kind, label, capture_id FROM report_files WHERE report_id = ? ORDER BY rowid').all(reportId) as {
    url: string;
    kind: 'attachment' | 'image';
    label: string;
    capture_id: number | null;
  }[];
  return rows.map((f) => ({ url: f.url, kind: f.kind, label: f.label, captureId: f.capture_id }));
}

export function versionsOf(db: Database, reportKey: string): VersionRow[] {
  const rows = stmt(db, 'SELECT id, version, is_current, first_seen_at, content_sha256, extractor_version FROM reports WHERE report_key = ? ORDER BY version').all(
    reportKey,
  ) as { id: number; version: number; is_current: number; first_seen_at: string; content_sha256: string; extractor_version: string }[];
  return rows.map((v) => ({
    id: v.id,
    version: v.version,
    isCurrent: v.is_current === 1,
    firstSeenAt: v.first_seen_at,
    contentSha256: v.content_sha256,
    extractorVersion: v.extractor_version,
  }));
}

function toReport(row: RawReport): ReportRow {
  return { ...toReportMeta(row), fullText: row.full_text };
}

/** A report row without its text, as the store hands it out. */
export function toReportMeta(row: RawReportMeta): Omit<ReportRow, 'fullText'> {
  return {
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
  };
}
