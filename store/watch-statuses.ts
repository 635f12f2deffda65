/**
 * Watch statuses: one row per portal × body × report year with the status as of a date, the deadline, the publish
 * time and the evidence (capture ids). Saving appends a history row whenever a status changes.
 */
import type { Database } from 'better-sqlite3';
import type { AgencyKind } from './agencies.ts';
import { fromJson, nowIso, stmt, toJson } from './statements.ts';

export type WatchStatus = 'not_due' | 'on_time' | 'late' | 'missing' | 'removed' | 'changed' | 'unknown';
export const WATCH_STATUSES: readonly WatchStatus[] = ['not_due', 'on_time', 'late', 'missing', 'removed', 'changed', 'unknown'];

export type PublishedSource = 'page' | 'index-number' | 'url' | 'first-seen';

export interface WatchStatusRow {
  readonly portalId: string;
  readonly bodyKey: string;
  readonly year: number;
  readonly bodyName: string;
  readonly bodyKind: AgencyKind | null;
  /** Where the body is known from: config, catalogue, report, user. */
  readonly bodySources: readonly string[];
  readonly status: WatchStatus;
  /** `YYYY-MM-DD` the status holds as of. */
  readonly asOf: string;
  readonly deadline: string;
  /** Which rule set the deadline, e.g. `statutory:部门` or `portal:乡镇街道`. */
  readonly deadlineRule: string;
  readonly reportId: number | null;
  readonly publishedAt: string | null;
  readonly publishedSource: PublishedSource | null;
  readonly firstSeenAt: string | null;
  readonly daysLate: number | null;
  /** Capture ids of the pages that were checked. */
  readonly evidence: readonly number[];
  /** Status-specific detail (cell diff of a changed report, why a status is unknown, …). */
  readonly detail: unknown;
}

interface RawStatus {
  portal_id: string;
  body_key: string;
  year: number;
  body_name: string;
  body_kind: AgencyKind | null;
  body_sources: string;
  status: WatchStatus;
  as_of: string;
  deadline: string;
  deadline_rule: string;
  report_id: number | null;
  published_at: string | null;
  published_source: PublishedSource | null;
  first_seen_at: string | null;
  days_late: number | null;
  evidence: string;
  detail: string | null;
}

/** Upserts the statuses (one transaction); a status that differs from the stored one gets a history row. Returns the changes. */
export interface StatusChange {
  /** `portal/body key/year`. */
  readonly key: string;
  readonly bodyName: string;
  readonly from: WatchStatus | null;
  readonly to: WatchStatus;
}

export function saveWatchStatuses(db: Database, rows: readonly WatchStatusRow[], nightlyRunId: number | null): StatusChange[] {
  const previous = stmt(db, 'SELECT status FROM watch_statuses WHERE portal_id = ? AND body_key = ? AND year = ?').pluck();
  const upsert = stmt(
    db,
    `INSERT INTO watch_statuses (portal_id, body_key, year, body_name, body_kind, body_sources, status, as_of, deadline, deadline_rule,
       report_id, published_at, published_source, first_seen_at, days_late, evidence, detail, nightly_run_id, updated_at)
     VALUES (@portalId, @bodyKey, @year, @bodyName, @bodyKind, @bodySources, @status, @asOf, @deadline, @deadlineRule,
       @reportId, @publishedAt, @publishedSource, @firstSeenAt, @daysLate, @evidence, @detail, @nightlyRunId, @now)
     ON CONFLICT (portal_id, body_key, year) DO UPDATE SET body_name = excluded.body_name, body_kind = excluded.body_kind,
       body_sources = excluded.body_sources, status = excluded.status, as_of = excluded.as_of, deadline = excluded.deadline,
       deadline_rule = excluded.deadline_rule, report_id = excluded.report_id, published_at = excluded.published_at,
       published_source = excluded.published_source, first_seen_at = excluded.first_seen_at, days_late = excluded.days_late,
       evidence = excluded.evidence, detail = excluded.detail, nightly_run_id = excluded.nightly_run_id, updated_at = excluded.updated_at`,
  );
  const history = stmt(
    db,
    `INSERT INTO watch_status_history (portal_id, body_key, year, status, previous_status, as_of, report_id, evidence, detail, nightly_run_id, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction(() => {
    const now = nowIso();
    const changes: StatusChange[] = [];
    for (const row of rows) {
      const before = (previous.get(row.portalId, row.bodyKey, row.year) as WatchStatus | undefined) ?? null;
      const params = { ...row, bodySources: JSON.stringify(row.bodySources), evidence: JSON.stringify(row.evidence), detail: toJson(row.detail), nightlyRunId, now };
      upsert.run(params);
      if (before !== row.status) {
        history.run(row.portalId, row.bodyKey, row.year, row.status, before, row.asOf, row.reportId, params.evidence, params.detail, nightlyRunId, now);
        changes.push({ key: `${row.portalId}/${row.bodyKey}/${row.year}`, bodyName: row.bodyName, from: before, to: row.status });
      }
    }
    return changes;
  }).immediate();
}

export function listWatchStatuses(db: Database, filter: { year?: number; portalId?: string } = {}): WatchStatusRow[] {
  const rows = stmt(
    db,
    `SELECT * FROM watch_statuses WHERE (@year IS NULL OR year = @year) AND (@portalId IS NULL OR portal_id = @portalId)
     ORDER BY portal_id, year, body_name, body_key`,
  ).all({ year: filter.year ?? null, portalId: filter.portalId ?? null }) as RawStatus[];
  return rows.map(toRow);
}

export interface StatusHistoryRow {
  readonly portalId: string;
  readonly bodyKey: string;
  readonly year: number;
  readonly status: WatchStatus;
  readonly previousStatus: WatchStatus | null;
  readonly asOf: string;
  readonly nightlyRunId: number | null;
}

export function listStatusHistory(db: Database, filter: { portalId: string; bodyKey: string; year: number }): StatusHistoryRow[] {
  const rows = stmt(db, 'SELECT * FROM watch_status_history WHERE portal_id = ? AND body_key = ? AND year = ? ORDER BY id').all(
    filter.portalId,
    filter.bodyKey,
    filter.year,
  ) as { portal_id: string; body_key: string; year: number; status: WatchStatus; previous_status: WatchStatus | null; as_of: string; nightly_run_id: number | null }[];
  return rows.map((r) => ({ portalId: r.portal_id, bodyKey: r.body_key, year: r.year, status: r.status, previousStatus: r.previous_status, asOf: r.as_of, nightlyRunId: r.nightly_run_id }));
}

function toRow(r: RawStatus): WatchStatusRow {
  return {
    portalId: r.portal_id,
    bodyKey: r.body_key,
    year: r.year,
    bodyName: r.body_name,
    bodyKind: r.body_kind,
    bodySources: fromJson<string[]>(r.body_sources) ?? [],
    status: r.status,
    asOf: r.as_of,
    deadline: r.deadline,
    deadlineRule: r.deadline_rule,
    reportId: r.report_id,
    publishedAt: r.published_at,
    publishedSource: r.published_source,
    firstSeenAt: r.first_seen_at,
    daysLate: r.days_late,
    evidence: fromJson<number[]>(r.evidence) ?? [],
    detail: fromJson(r.detail),
  };
}
