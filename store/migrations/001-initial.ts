/** The first archive schema: portals, agencies, blobs, runs, captures, frontier, reports and their parts. */
import type { Migration } from './migration.ts';

const SQL = `
CREATE TABLE portals (
  id          TEXT PRIMARY KEY,
  family      TEXT NOT NULL,
  base_url    TEXT NOT NULL,
  name        TEXT NOT NULL,
  config      TEXT CHECK (config IS NULL OR json_valid(config)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE agencies (
  id             INTEGER PRIMARY KEY,
  portal_id      TEXT NOT NULL REFERENCES portals(id),
  key            TEXT NOT NULL,
  name           TEXT NOT NULL,
  uscc           TEXT,
  kind           TEXT CHECK (kind IN ('部门', '本级政府', '乡镇街道')),
  source         TEXT NOT NULL CHECK (source IN ('config', 'catalogue', 'report')),
  first_seen_at  TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (portal_id, key)
) STRICT;
CREATE INDEX agencies_uscc ON agencies(uscc) WHERE uscc IS NOT NULL;

CREATE TABLE blobs (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  length      INTEGER NOT NULL CHECK (length >= 0),
  bytes       BLOB NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE runs (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('crawl', 'extract', 'demo')),
  started_at       TEXT NOT NULL,
  finished_at      TEXT,
  status           TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  crawler_version  TEXT NOT NULL,
  options          TEXT NOT NULL CHECK (json_valid(options)),
  counts           TEXT CHECK (counts IS NULL OR json_valid(counts))
) STRICT;
CREATE INDEX runs_kind_status ON runs(kind, status, id);

CREATE TABLE captures (
  id               INTEGER PRIMARY KEY,
  run_id           INTEGER NOT NULL REFERENCES runs(id),
  portal_id        TEXT NOT NULL REFERENCES portals(id),
  requested_url    TEXT NOT NULL,
  url              TEXT NOT NULL,
  final_url        TEXT NOT NULL,
  method           TEXT NOT NULL,
  request_headers  TEXT NOT NULL CHECK (json_valid(request_headers)),
  fetched_at       TEXT NOT NULL,
  elapsed_ms       INTEGER,
  status           INTEGER NOT NULL,
  headers          TEXT NOT NULL CHECK (json_valid(headers)),
  content_type     TEXT,
  charset          TEXT,
  length           INTEGER NOT NULL,
  sha256           TEXT REFERENCES blobs(sha256),
  error_code       TEXT,
  error_message    TEXT,
  crawler_version  TEXT NOT NULL,
  purpose          TEXT NOT NULL CHECK (purpose IN ('robots', 'catalogue', 'listing', 'report', 'attachment', 'image', 'flipbook', 'other'))
) STRICT;
CREATE INDEX captures_url ON captures(url, status, id);
CREATE INDEX captures_requested ON captures(requested_url, status, id);
CREATE INDEX captures_run ON captures(run_id, purpose, requested_url, id);
CREATE INDEX captures_sha256 ON captures(sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE frontier (
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  url          TEXT NOT NULL,
  purpose      TEXT NOT NULL CHECK (purpose IN ('robots', 'catalogue', 'listing', 'report', 'attachment', 'image', 'flipbook', 'other')),
  portal_id    TEXT NOT NULL REFERENCES portals(id),
  meta         TEXT CHECK (meta IS NULL OR json_valid(meta)),
  depth        INTEGER NOT NULL DEFAULT 0,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
  reason_code  TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  added_at     TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (run_id, url)
) STRICT;
CREATE INDEX frontier_pending ON frontier(run_id, state);

CREATE TABLE reports (
  id                 INTEGER PRIMARY KEY,
  portal_id          TEXT NOT NULL REFERENCES portals(id),
  agency_id          INTEGER REFERENCES agencies(id),
  report_key         TEXT NOT NULL,
  version            INTEGER NOT NULL CHECK (version >= 1),
  is_current         INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  year               INTEGER,
  title              TEXT,
  agency_name        TEXT,
  published_at       TEXT,
  published_at_raw   TEXT,
  first_seen_at      TEXT NOT NULL,
  source_capture_id  INTEGER REFERENCES captures(id),
  url                TEXT NOT NULL,
  template           TEXT NOT NULL CHECK (template IN ('2021', '2019', 'older')),
  full_text          TEXT NOT NULL,
  sections           TEXT NOT NULL CHECK (json_valid(sections)),
  content_sha256     TEXT NOT NULL CHECK (length(content_sha256) = 64),
  extractor_version  TEXT NOT NULL,
  missing_tables     TEXT NOT NULL CHECK (json_valid(missing_tables)),
  warnings           TEXT NOT NULL CHECK (json_valid(warnings)),
  UNIQUE (report_key, content_sha256),
  UNIQUE (report_key, version)
) STRICT;
CREATE UNIQUE INDEX reports_one_current ON reports(report_key) WHERE is_current = 1;
CREATE INDEX reports_portal_year ON reports(portal_id, year);
CREATE INDEX reports_agency ON reports(agency_id);

CREATE TABLE report_files (
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  url         TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('attachment', 'image')),
  label       TEXT NOT NULL,
  capture_id  INTEGER REFERENCES captures(id),
  PRIMARY KEY (report_id, url)
) STRICT;

CREATE TABLE cells (
  report_id          INTEGER NOT NULL REFERENCES reports(id),
  key                TEXT NOT NULL,
  value              REAL,
  raw                TEXT,
  method             TEXT,
  location           TEXT,
  confidence         REAL,
  extractor_version  TEXT NOT NULL,
  source_capture_id  INTEGER REFERENCES captures(id),
  PRIMARY KEY (report_id, key)
) STRICT;
CREATE INDEX cells_key ON cells(key);

CREATE TABLE check_results (
  report_id      INTEGER NOT NULL REFERENCES reports(id),
  check_id       TEXT NOT NULL,
  ok             INTEGER NOT NULL CHECK (ok IN (0, 1)),
  left_value     REAL NOT NULL,
  right_value    REAL NOT NULL,
  nulls_as_zero  TEXT NOT NULL CHECK (json_valid(nulls_as_zero)),
  PRIMARY KEY (report_id, check_id)
) STRICT;

-- One row per report version × cell, with the body and year: the table researchers query first.
CREATE VIEW report_cells_v AS
SELECT r.id AS report_id, r.portal_id, r.agency_id, a.key AS agency_key,
       COALESCE(a.name, r.agency_name) AS agency_name, a.uscc, a.kind AS agency_kind,
       r.year, r.template, r.version, r.is_current, r.url,
       c.key, c.value, c.raw, c.method, c.location, c.confidence, c.extractor_version
FROM reports r
JOIN cells c ON c.report_id = r.id
LEFT JOIN agencies a ON a.id = r.agency_id;

-- Current version of each report with its body and the number of failing arithmetic checks.
CREATE VIEW current_reports_v AS
SELECT r.id AS report_id, r.portal_id, r.agency_id, a.key AS agency_key,
       COALESCE(a.name, r.agency_name) AS agency_name, a.uscc, a.kind AS agency_kind,
       r.year, r.title, r.template, r.published_at, r.first_seen_at, r.version, r.url,
       (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0) AS failing_checks
FROM reports r
LEFT JOIN agencies a ON a.id = r.agency_id
WHERE r.is_current = 1;
`;

export const migration001: Migration = {
  id: 1,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
