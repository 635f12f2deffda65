/**
 * Watch statuses (`nianbao nightly`, migration 002: `watch_statuses`, one row per portal × body key × year) seen
 * from search and exports. Looked up at run time, so search and export also work on archives without them.
 */
import type { Database } from 'better-sqlite3';

export const WATCH_STATUS_TABLE = 'watch_statuses';

/** Statuses the watch assigns (migration 002's CHECK). */
export const WATCH_STATUSES = ['not_due', 'on_time', 'late', 'missing', 'removed', 'changed', 'unknown'] as const;

/** The watch status table, or null when this archive has none. */
export function findWatchStatusTable(db: Database): string | null {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(WATCH_STATUS_TABLE) as string[];
  return ['portal_id', 'body_key', 'year', 'status'].every((c) => columns.includes(c)) ? WATCH_STATUS_TABLE : null;
}

/**
 * SQL condition "the body × year of report `r` (agency alias `a`) has watch status @param": matched by the status
 * row's report, or by portal, body key and year.
 */
export function watchStatusCondition(reportAlias: string, agencyAlias: string, param: string): string {
  return `EXISTS (SELECT 1 FROM ${WATCH_STATUS_TABLE} w WHERE w.status = ${param} AND (w.report_id = ${reportAlias}.id
    OR (w.portal_id = ${reportAlias}.portal_id AND w.body_key = ${agencyAlias}.key AND w.year = ${reportAlias}.year)))`;
}
