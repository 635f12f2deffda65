/**
 * `report_summaries`: each report version's cells and failing checks as JSON text, and its check counts, so that
 * the report view, the grid and search read one row per report instead of its 200 cells and 42 checks. Filled here
 * for the versions already archived; saveReport writes it with every new version.
 */
import { SUMMARY_COLUMNS, SUMMARY_SELECT } from '../report-summaries.ts';
import type { Migration } from './migration.ts';

const SQL = `
CREATE TABLE report_summaries (
  report_id      INTEGER PRIMARY KEY REFERENCES reports(id),
  cells_json     TEXT NOT NULL,
  check_count    INTEGER NOT NULL,
  failing_count  INTEGER NOT NULL,
  failing_json   TEXT NOT NULL
) STRICT;
INSERT INTO report_summaries ${SUMMARY_COLUMNS} ${SUMMARY_SELECT};
`;

export const migration005: Migration = {
  id: 5,
  name: 'report-summaries',
  up(db) {
    db.exec(SQL);
  },
};
