/** Report reads for the watch: the versions of a body's reports for a year, cells and prose of a version, cross-year checks. */
import type { Database } from 'better-sqlite3';
import type { ReportSection, TemplateVersion } from '../extract/types.ts';
import { fromJson, nowIso, stmt } from './statements.ts';

export interface WatchReportVersion {
  readonly id: number;
  readonly reportKey: string;
  readonly version: number;
  readonly isCurrent: boolean;
  readonly agencyId: number | null;
  readonly year: number | null;
  readonly publishedAt: string | null;
  readonly firstSeenAt: string;
  readonly url: string;
  readonly sourceCaptureId: number | null;
  readonly template: TemplateVersion;
  readonly missingTables: readonly string[];
}

interface RawVersion {
  id: number;
  report_key: string;
  version: number;
  is_current: number;
  agency_id: number | null;
  year: number | null;
  published_at: string | null;
  first_seen_at: string;
  url: string;
  source_capture_id: number | null;
  template: TemplateVersion;
  missing_tables: string;
}

const VERSION_COLUMNS = 'id, report_key, version, is_current, agency_id, year, published_at, first_seen_at, url, source_capture_id, template, missing_tables';

/**
 * Every version, first seen at or before `until`, of the portal's reports for `year` by any of `agencyIds` — read from a
 * complete capture: a version an older extractor read from a cut-off or failed capture is neither evidence of
 * publication nor compared with a complete one (no "changed" from a page that was cut short).
 */
export function reportVersionsOf(db: Database, portalId: string, year: number, agencyIds: readonly number[], until: string): WatchReportVersion[] {
  if (agencyIds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT ${VERSION_COLUMNS} FROM reports
     WHERE portal_id = ? AND year = ? AND agency_id IN (SELECT value FROM json_each(?)) AND first_seen_at <= ?
       AND NOT EXISTS (SELECT 1 FROM captures c WHERE c.id = reports.source_capture_id AND c.error_code IS NOT NULL)
     ORDER BY report_key, first_seen_at, id`,
  ).all(portalId, year, JSON.stringify(agencyIds), until) as RawVersion[];
  return rows.map(toVersion);
}

/** Current versions with a known agency and year (candidates for cross-year checks). */
export function currentReportsWithAgency(db: Database): WatchReportVersion[] {
  const rows = stmt(db, `SELECT ${VERSION_COLUMNS} FROM reports WHERE is_current = 1 AND agency_id IS NOT NULL AND year IS NOT NULL ORDER BY id`).all() as RawVersion[];
  return rows.map(toVersion);
}

/** A version's cells: key → value (null = blank). */
export function reportCellValues(db: Database, reportId: number): Record<string, number | null> {
  const rows = stmt(db, 'SELECT key, value FROM cells WHERE report_id = ? ORDER BY rowid').all(reportId) as { key: string; value: number | null }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** A version's text and sections. */
export function reportProse(db: Database, reportId: number): { fullText: string; sections: ReportSection[]; title: string | null } | null {
  const row = stmt(db, 'SELECT full_text, sections, title FROM reports WHERE id = ?').get(reportId) as { full_text: string; sections: string; title: string | null } | undefined;
  return row === undefined ? null : { fullText: row.full_text, sections: fromJson<ReportSection[]>(row.sections) ?? [], title: row.title };
}

export interface CrossCheckRow {
  readonly reportId: number;
  /** `cross.carry.<col>` or `cross.similar`. */
  readonly checkId: string;
  /** Last year's report of the same body. */
  readonly otherReportId: number;
  readonly ok: boolean;
  readonly left: number;
  readonly right: number;
  readonly nullsAsZero: readonly string[];
}

/** Replaces every cross-year check with `checks` (they are recomputed as a whole each run; one transaction). */
export function replaceCrossChecks(db: Database, checks: readonly CrossCheckRow[]): void {
  const insert = stmt(
    db,
    `INSERT INTO cross_checks (report_id, check_id, other_report_id, ok, left_value, right_value, nulls_as_zero, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    const now = nowIso();
    stmt(db, 'DELETE FROM cross_checks').run();
    for (const c of checks) insert.run(c.reportId, c.checkId, c.otherReportId, c.ok ? 1 : 0, c.left, c.right, JSON.stringify(c.nullsAsZero), now);
  }).immediate();
}

export function listCrossChecks(db: Database, reportId?: number): CrossCheckRow[] {
  const rows = stmt(db, 'SELECT * FROM cross_checks WHERE (? IS NULL OR report_id = ?) ORDER BY report_id, check_id').all(reportId ?? null, reportId ?? null) as {
    report_id: number;
    check_id: string;
    other_report_id: number;
    ok: number;
    left_value: number;
    right_value: number;
    nulls_as_zero: string;
  }[];
  return rows.map((r) => ({
    reportId: r.report_id,
    checkId: r.check_id,
    otherReportId: r.other_report_id,
    ok: r.ok === 1,
    left: r.left_value,
    right: r.right_value,
    nullsAsZero: fromJson<string[]>(r.nulls_as_zero) ?? [],
  }));
}

function toVersion(r: RawVersion): WatchReportVersion {
  return {
    id: r.id,
    reportKey: r.report_key,
    version: r.version,
    isCurrent: r.is_current === 1,
    agencyId: r.agency_id,
    year: r.year,
    publishedAt: r.published_at,
    firstSeenAt: r.first_seen_at,
    url: r.url,
    sourceCaptureId: r.source_capture_id,
    template: r.template,
    missingTables: fromJson<string[]>(r.missing_tables) ?? [],
  };
}

/** Report years per agency id on a portal (any version). */
export function reportYearsByAgency(db: Database, portalId: string): Map<number, number[]> {
  const rows = stmt(db, 'SELECT DISTINCT agency_id, year FROM reports WHERE portal_id = ? AND agency_id IS NOT NULL AND year IS NOT NULL ORDER BY agency_id, year').all(portalId) as {
    agency_id: number;
    year: number;
  }[];
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), r.year]);
  return out;
}

/** Years the portal has reports for. */
export function listReportYears(db: Database, portalId: string): number[] {
  return stmt(db, 'SELECT DISTINCT year FROM reports WHERE portal_id = ? AND year IS NOT NULL ORDER BY year').pluck().all(portalId) as number[];
}
