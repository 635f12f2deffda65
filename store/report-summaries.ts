/**
 * A report version's summary, written with the version (one row per report, never changed after): its cells and
 * failing checks as the JSON text the report view sends, and its check counts. Reading one report's 200 cells and
 * 42 checks row by row costs ~150 µs; its summary is one row. The cells and check_results tables stay the record.
 */
import type { Database } from 'better-sqlite3';
import { stmt } from './statements.ts';

/** Summary columns of the reports the WHERE clause appended to it selects (alias `r`). */
export const SUMMARY_SELECT = `SELECT r.id,
    (SELECT json_group_array(json_array(c.key, c.value, c.method) ORDER BY c.key) FROM cells c WHERE c.report_id = r.id),
    (SELECT count(*) FROM check_results k WHERE k.report_id = r.id),
    (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0),
    (SELECT json_group_array(json_object('checkId', k.check_id, 'ok', json('false'), 'left', k.left_value, 'right', k.right_value,
       'nullsAsZero', json(k.nulls_as_zero)) ORDER BY k.rowid) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0)
  FROM reports r`;

export const SUMMARY_COLUMNS = '(report_id, cells_json, check_count, failing_count, failing_json)';

/** Writes the summary of a report version whose cells and checks are saved (same transaction). */
export function writeReportSummary(db: Database, reportId: number): void {
  stmt(db, `INSERT OR REPLACE INTO report_summaries ${SUMMARY_COLUMNS} ${SUMMARY_SELECT} WHERE r.id = ?`).run(reportId);
}
