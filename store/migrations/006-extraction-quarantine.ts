/**
 * Extraction attempts and quarantine (issue 12). Every extraction of a report capture is recorded as started before
 * it runs and finished after, so an extraction that killed its process (out of memory, SIGKILL) is still counted on
 * the next run. A capture whose extraction crashed or timed out twice under one extractor version is quarantined:
 * later runs skip it, with its reason, until the extractor version changes.
 */
import type { Migration } from './migration.ts';

const SQL = `
CREATE TABLE extraction_attempts (
  id                 INTEGER PRIMARY KEY,
  capture_id         INTEGER NOT NULL REFERENCES captures(id),
  extractor_version  TEXT NOT NULL,
  run_id             INTEGER REFERENCES runs(id),
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  outcome            TEXT CHECK (outcome IN ('ok', 'skipped', 'crashed', 'timeout')),
  code               TEXT
) STRICT;
CREATE INDEX extraction_attempts_capture ON extraction_attempts(capture_id, extractor_version);

CREATE TABLE quarantined_captures (
  capture_id         INTEGER NOT NULL REFERENCES captures(id),
  extractor_version  TEXT NOT NULL,
  code               TEXT NOT NULL,
  message            TEXT NOT NULL,
  attempts           INTEGER NOT NULL,
  run_id             INTEGER REFERENCES runs(id),
  quarantined_at     TEXT NOT NULL,
  PRIMARY KEY (capture_id, extractor_version)
) STRICT;
`;

export const migration006: Migration = {
  id: 6,
  name: 'extraction-quarantine',
  up(db) {
    db.exec(SQL);
  },
};
