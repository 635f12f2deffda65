/**
 * Researchers' access: a trigram full-text index over report text, kept in sync with `reports` by triggers, and
 * views that make the common questions one-liners (docs/research-queries.md).
 *
 * The index covers every version of every report (superseded ones too); searches filter on `reports.is_current`.
 * It is an external-content FTS5 table: it stores the trigram index only, the text stays in `reports`.
 */
import type { Migration } from './migration.ts';

const FTS = `
CREATE VIRTUAL TABLE reports_fts USING fts5(
  title, agency_name, full_text,
  content = 'reports', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
  INSERT INTO reports_fts (rowid, title, agency_name, full_text) VALUES (new.id, new.title, new.agency_name, new.full_text);
END;

CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts (reports_fts, rowid, title, agency_name, full_text) VALUES ('delete', old.id, old.title, old.agency_name, old.full_text);
END;

CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, agency_name, full_text ON reports BEGIN
  INSERT INTO reports_fts (reports_fts, rowid, title, agency_name, full_text) VALUES ('delete', old.id, old.title, old.agency_name, old.full_text);
  INSERT INTO reports_fts (rowid, title, agency_name, full_text) VALUES (new.id, new.title, new.agency_name, new.full_text);
END;

INSERT INTO reports_fts (reports_fts) VALUES ('rebuild');
`;

/** Table/row/column of a key: 't3.withheld.secret.total' → tbl 't3', row_key 'withheld.secret', col_key 'total'. */
const KEY_PARTS = `
       substr(c.key, 1, 2) AS tbl,
       substr(rtrim(c.key, replace(c.key, '.', '')), 4, max(length(rtrim(c.key, replace(c.key, '.', ''))) - 4, 0)) AS row_key,
       substr(c.key, length(rtrim(c.key, replace(c.key, '.', ''))) + 1) AS col_key`;

const VIEWS = `
-- One row per current report × cell, with portal, body, kind, year, template and the key split into table/row/column.
CREATE VIEW current_cells_v AS
SELECT r.id AS report_id, r.portal_id, p.name AS portal_name, r.agency_id, a.key AS agency_key,
       COALESCE(a.name, r.agency_name) AS agency_name, a.uscc, a.kind AS agency_kind,
       r.year, r.template, r.title, r.published_at, r.url,
       c.key, ${KEY_PARTS},
       c.value, c.raw, c.method, c.location, c.confidence, c.extractor_version, c.source_capture_id
FROM reports r
JOIN cells c ON c.report_id = r.id
JOIN portals p ON p.id = r.portal_id
LEFT JOIN agencies a ON a.id = r.agency_id
WHERE r.is_current = 1;

-- One row per current report: body, year, headline numbers of tables 3 and 4, and its failing checks.
CREATE VIEW report_summary_v AS
SELECT r.id AS report_id, r.portal_id, p.name AS portal_name, r.agency_id, a.key AS agency_key,
       COALESCE(a.name, r.agency_name) AS agency_name, a.uscc, a.kind AS agency_kind,
       r.year, r.template, r.title, r.published_at, r.first_seen_at, r.version, r.url, r.missing_tables,
       (SELECT count(*) FROM cells c WHERE c.report_id = r.id AND c.value IS NOT NULL) AS cells_with_value,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't3.new.total') AS applications_new,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't3.carried_in.total') AS applications_carried_in,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't3.disclosed.total') AS disclosed,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't3.partial.total') AS partially_disclosed,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key GLOB 't3.withheld.*.total') AS withheld,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key GLOB 't3.unable.*.total') AS unable,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key GLOB 't3.rejected.*.total') AS rejected,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND (c.key = 't3.other.total' OR c.key GLOB 't3.other.*.total')) AS other_handling,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't3.total.total') AS handled_total,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't3.carried_out.total') AS carried_out,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key = 't4.review.total') AS reviews,
       (SELECT sum(c.value) FROM cells c WHERE c.report_id = r.id AND c.key IN ('t4.suit_direct.total', 't4.suit_after_review.total')) AS suits,
       (SELECT count(*) FROM check_results k WHERE k.report_id = r.id) AS checks,
       (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0) AS failing_checks,
       (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0 AND k.check_id GLOB 't3.*') AS failing_t3_checks,
       (SELECT count(*) FROM check_results k WHERE k.report_id = r.id AND k.ok = 0 AND k.check_id GLOB 't4.*') AS failing_t4_checks,
       (SELECT group_concat(k.check_id, ' ') FROM check_results k WHERE k.report_id = r.id AND k.ok = 0) AS failing_check_ids
FROM reports r
JOIN portals p ON p.id = r.portal_id
LEFT JOIN agencies a ON a.id = r.agency_id
WHERE r.is_current = 1;

-- One row per body × year the watch (migration 002) knows, with its status and the current report's headline numbers.
CREATE VIEW body_years_v AS
SELECT w.portal_id, w.body_key, a.id AS agency_id, COALESCE(a.name, w.body_name) AS agency_name,
       COALESCE(a.kind, w.body_kind) AS agency_kind, w.year, w.status, w.as_of, w.deadline, w.published_at,
       w.first_seen_at, w.days_late, s.report_id, s.template, s.url, s.applications_new, s.withheld, s.rejected,
       s.handled_total, s.failing_checks
FROM watch_statuses w
LEFT JOIN agencies a ON a.portal_id = w.portal_id AND a.key = w.body_key
LEFT JOIN reports r0 ON r0.id = w.report_id
LEFT JOIN report_summary_v s ON s.report_id = (SELECT r1.id FROM reports r1 WHERE r1.report_key = r0.report_key AND r1.is_current = 1);
`;

export const migration003: Migration = {
  id: 3,
  name: 'search',
  up(db) {
    db.exec(FTS);
    db.exec(VIEWS);
  },
};
