/**
 * Files that could not be read as part of a report (a corrupt, encrypted, truncated or oversized attachment, a zip
 * bomb, a PDF claiming 10,000 pages), recorded against the capture of that file with a stable code.
 */
import type { Migration } from './migration.ts';

const SQL = `
CREATE TABLE extraction_problems (
  id                 INTEGER PRIMARY KEY,
  capture_id         INTEGER NOT NULL REFERENCES captures(id),
  report_capture_id  INTEGER REFERENCES captures(id),
  code               TEXT NOT NULL,
  message            TEXT NOT NULL,
  extractor_version  TEXT NOT NULL,
  recorded_at        TEXT NOT NULL,
  UNIQUE (capture_id, code, extractor_version)
) STRICT;
CREATE INDEX extraction_problems_report ON extraction_problems(report_capture_id);
`;

export const migration004: Migration = {
  id: 4,
  name: 'extraction-problems',
  up(db) {
    db.exec(SQL);
  },
};
