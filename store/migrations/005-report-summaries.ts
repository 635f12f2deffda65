/**
 * `report_summaries`: each report version's cells and failing checks as JSON text, and its check counts, so that
 * the report view, the grid and search read one row per report instead of its 200 cells and 42 checks. Filled here
 * for the versions already archived; saveReport writes it with every new version (store/report-summaries.ts).
 * The backfill's SELECT is written out here, as it was when this migration was made, rather than imported from live
 * code: an applied migration's meaning must never change.
 */
import type { Migration } from './migration.ts';

const SQL = `
CREATE TABLE report_summaries (
  report_id      INTEGER PRIMARY KEY REFERENCES reports(id),
  cells_json     TEXT NOT NULL,
  check_count    INTEGER NOT NULL,
  failing_count  INTEGER NOT NULL,
  failing_json   TEXT NOT NULL
) STRICT;
INSERT INTO report_summaries (report_id, cells_json, check_count, failing_count, failing_json)
  SELECT r.id,
    (SELECT json_group_array(json_array(c.key, c.value, c.method) ORDER BY c.key) FROM cells c WHERE c.report_id = r.id),
    (SELECT count(*) FROM check_results k WHERE k.report_id = r.id),
    (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0),
    (SELECT json_group_array(json_object('checkId', k.check_id, 'ok', json('false'), 'left', k.left_value, 'right', k.right_value,
       'nullsAsZero', json(k.nulls_as_zero)) ORDER BY k.rowid) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0)
  FROM reports r;
`;

export const migration005: Migration = {
  id: 5,
  name: 'report-summaries',
  up(db) {
    db.exec(SQL);
  },
};
