/**
 * The nightly run and the watch: nightly runs with their counts, the crawl's evidence of absence (pages that answered
 * but held no report), the user's expected-bodies list, per body × year statuses (current and history) and the
 * cross-year checks (上年结转 vs 结转下年度, 内容雷同).
 */
import type { Migration } from './migration.ts';

const SQL = `
CREATE TABLE nightly_runs (
  id             INTEGER PRIMARY KEY,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  as_of          TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status         TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  pid            INTEGER NOT NULL,
  crawl_run_id   INTEGER REFERENCES runs(id),
  options        TEXT NOT NULL CHECK (json_valid(options)),
  counts         TEXT CHECK (counts IS NULL OR json_valid(counts)),
  log_file       TEXT,
  error_code     TEXT,
  error_message  TEXT
) STRICT;
CREATE INDEX nightly_runs_status ON nightly_runs(status, id);

CREATE TABLE no_report_pages (
  capture_id          INTEGER PRIMARY KEY REFERENCES captures(id),
  content_capture_id  INTEGER NOT NULL REFERENCES captures(id),
  run_id              INTEGER NOT NULL REFERENCES runs(id),
  portal_id           TEXT NOT NULL REFERENCES portals(id),
  requested_url       TEXT NOT NULL,
  reason_code         TEXT NOT NULL,
  recorded_at         TEXT NOT NULL
) STRICT;
CREATE INDEX no_report_pages_url ON no_report_pages(requested_url, capture_id);

CREATE TABLE expected_bodies (
  portal_id   TEXT NOT NULL,
  key         TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('add', 'retire')),
  name        TEXT,
  kind        TEXT CHECK (kind IN ('部门', '本级政府', '乡镇街道')),
  from_year   INTEGER,
  to_year     INTEGER,
  source      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (portal_id, key, action)
) STRICT;

CREATE TABLE watch_statuses (
  portal_id         TEXT NOT NULL REFERENCES portals(id),
  body_key          TEXT NOT NULL,
  year              INTEGER NOT NULL,
  body_name         TEXT NOT NULL,
  body_kind         TEXT CHECK (body_kind IN ('部门', '本级政府', '乡镇街道')),
  body_sources      TEXT NOT NULL CHECK (json_valid(body_sources)),
  status            TEXT NOT NULL CHECK (status IN ('not_due', 'on_time', 'late', 'missing', 'removed', 'changed', 'unknown')),
  as_of             TEXT NOT NULL,
  deadline          TEXT NOT NULL,
  deadline_rule     TEXT NOT NULL,
  report_id         INTEGER REFERENCES reports(id),
  published_at      TEXT,
  published_source  TEXT CHECK (published_source IN ('page', 'index-number', 'url', 'first-seen')),
  first_seen_at     TEXT,
  days_late         INTEGER,
  evidence          TEXT NOT NULL CHECK (json_valid(evidence)),
  detail            TEXT CHECK (detail IS NULL OR json_valid(detail)),
  nightly_run_id    INTEGER REFERENCES nightly_runs(id),
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (portal_id, body_key, year)
) STRICT;
CREATE INDEX watch_statuses_year ON watch_statuses(year, status);

CREATE TABLE watch_status_history (
  id              INTEGER PRIMARY KEY,
  portal_id       TEXT NOT NULL REFERENCES portals(id),
  body_key        TEXT NOT NULL,
  year            INTEGER NOT NULL,
  status          TEXT NOT NULL,
  previous_status TEXT,
  as_of           TEXT NOT NULL,
  report_id       INTEGER REFERENCES reports(id),
  evidence        TEXT NOT NULL CHECK (json_valid(evidence)),
  detail          TEXT CHECK (detail IS NULL OR json_valid(detail)),
  nightly_run_id  INTEGER REFERENCES nightly_runs(id),
  recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX watch_status_history_body ON watch_status_history(portal_id, body_key, year, id);

CREATE TABLE cross_checks (
  report_id        INTEGER NOT NULL REFERENCES reports(id),
  check_id         TEXT NOT NULL,
  other_report_id  INTEGER NOT NULL REFERENCES reports(id),
  ok               INTEGER NOT NULL CHECK (ok IN (0, 1)),
  left_value       REAL NOT NULL,
  right_value      REAL NOT NULL,
  nulls_as_zero    TEXT NOT NULL CHECK (json_valid(nulls_as_zero)),
  computed_at      TEXT NOT NULL,
  PRIMARY KEY (report_id, check_id)
) STRICT;
`;

export const migration002: Migration = {
  id: 2,
  name: 'watch',
  up(db) {
    db.exec(SQL);
  },
};
