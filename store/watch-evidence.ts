/**
 * Evidence for the watch, read from what the crawl recorded: pages that answered but held no report (the xxgk
 * module's 200 empty shell), the latest conclusive answer for a URL, whether a run's listings of a portal were all
 * read, and each portal's task outcomes in a run. Absence is only ever concluded from these rows.
 */
import type { Database } from 'better-sqlite3';
import type { ErrorCode } from '../common/errors.ts';
import { nowIso, stmt } from './statements.ts';

export interface NoReportPage {
  /** The final capture of the fetch (a 200, or a 304 confirming an earlier empty page). */
  readonly captureId: number;
  /** The capture holding the bytes that were read. */
  readonly contentCaptureId: number;
  readonly runId: number;
  readonly portalId: string;
  readonly requestedUrl: string;
  /** Why it is not a report, e.g. `E_NOT_A_REPORT`. */
  readonly reasonCode: ErrorCode;
}

/** Records that a fetched page held no report (idempotent: a resumed run may record it again). */
export function recordNoReportPage(db: Database, page: NoReportPage): void {
  stmt(
    db,
    `INSERT INTO no_report_pages (capture_id, content_capture_id, run_id, portal_id, requested_url, reason_code, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (capture_id) DO NOTHING`,
  ).run(page.captureId, page.contentCaptureId, page.runId, page.portalId, page.requestedUrl, page.reasonCode, nowIso());
}

export interface ConclusiveCapture {
  readonly captureId: number;
  readonly runId: number;
  readonly fetchedAt: string;
  readonly status: number;
  /** True when the answer says "nothing here": 404/410, or a page recorded in no_report_pages. */
  readonly absent: boolean;
}

/**
 * The newest conclusive capture of `url` fetched at or before `until` (ISO), or null. Conclusive: served (200 with a
 * body, 304) or gone (404/410); 403, 5xx and failed exchanges say nothing about the page.
 */
export function latestConclusiveCapture(db: Database, url: string, until: string): ConclusiveCapture | null {
  const row = stmt(
    db,
    `SELECT c.id, c.run_id, c.fetched_at, c.status, (n.capture_id IS NOT NULL) AS no_report
     FROM captures c LEFT JOIN no_report_pages n ON n.capture_id = c.id
     WHERE (c.requested_url = @url OR c.url = @url) AND c.fetched_at <= @until AND c.error_code IS NULL
       AND (c.status IN (304, 404, 410) OR (c.status = 200 AND c.sha256 IS NOT NULL))
     ORDER BY c.id DESC LIMIT 1`,
  ).get({ url, until }) as { id: number; run_id: number; fetched_at: string; status: number; no_report: number } | undefined;
  if (row === undefined) return null;
  return { captureId: row.id, runId: row.run_id, fetchedAt: row.fetched_at, status: row.status, absent: row.no_report === 1 || row.status === 404 || row.status === 410 };
}

/** When `url` last answered with content (200/304 not recorded as an empty page), at or before `until`; null if never. */
export function lastServedAt(db: Database, url: string, until: string): string | null {
  const row = stmt(
    db,
    `SELECT max(c.fetched_at) AS at FROM captures c LEFT JOIN no_report_pages n ON n.capture_id = c.id
     WHERE (c.requested_url = @url OR c.url = @url) AND c.fetched_at <= @until AND c.error_code IS NULL
       AND (c.status = 304 OR (c.status = 200 AND c.sha256 IS NOT NULL)) AND n.capture_id IS NULL`,
  ).get({ url, until }) as { at: string | null };
  return row.at;
}

export interface ListingEvidence {
  readonly runId: number;
  /** The final capture of every listing page of the portal in that run. */
  readonly captureIds: readonly number[];
  /** The earliest of their fetch times: the listings were complete from then on. */
  readonly checkedAt: string;
}

/**
 * The newest crawl run, with all its listing pages fetched at or before `until`, in which every listing page of the
 * portal (columns, menus, dataproxy lists) was read (state done, answered 200/304) and no report page of the portal
 * failed: its listings show every report the portal lists. Null when no run qualifies.
 */
export function completeListingEvidence(db: Database, portalId: string, until: string): ListingEvidence | null {
  const runs = stmt(
    db,
    `SELECT run_id, sum(state <> 'done') AS not_done FROM frontier WHERE portal_id = ? AND purpose = 'listing'
     GROUP BY run_id ORDER BY run_id DESC LIMIT 20`,
  ).all(portalId) as { run_id: number; not_done: number }[];
  for (const run of runs) {
    if (run.not_done > 0) continue;
    const failedReports = stmt(db, "SELECT count(*) AS n FROM frontier WHERE run_id = ? AND portal_id = ? AND purpose = 'report' AND state = 'failed'").get(
      run.run_id,
      portalId,
    ) as { n: number };
    if (failedReports.n > 0) continue;
    const finals = stmt(
      db,
      `SELECT id, status, fetched_at, error_code FROM captures WHERE id IN (
         SELECT max(id) FROM captures WHERE run_id = ? AND portal_id = ? AND purpose = 'listing' GROUP BY requested_url)`,
    ).all(run.run_id, portalId) as { id: number; status: number; fetched_at: string; error_code: string | null }[];
    if (finals.length === 0) continue;
    if (finals.some((c) => c.error_code !== null || (c.status !== 200 && c.status !== 304) || c.fetched_at > until)) continue;
    const checkedAt = finals.reduce((min, c) => (c.fetched_at < min ? c.fetched_at : min), finals[0]!.fetched_at);
    return { runId: run.run_id, captureIds: finals.map((c) => c.id).sort((a, b) => a - b), checkedAt };
  }
  return null;
}

/** Whether run `runId` fetched `url` (asked for it, or ended there after redirects). */
export function runFetchedUrl(db: Database, runId: number, url: string): boolean {
  return (
    stmt(db, 'SELECT 1 FROM captures WHERE run_id = @runId AND (requested_url = @url OR url = @url) LIMIT 1').get({ runId, url }) !==
    undefined
  );
}

export interface PortalTaskCount {
  readonly portalId: string;
  readonly state: 'pending' | 'done' | 'skipped' | 'failed';
  readonly reasonCode: string | null;
  readonly count: number;
}

/** Frontier outcomes of a run per portal, state and reason. */
export function portalTaskCounts(db: Database, runId: number): PortalTaskCount[] {
  const rows = stmt(
    db,
    'SELECT portal_id, state, reason_code, count(*) AS n FROM frontier WHERE run_id = ? GROUP BY portal_id, state, reason_code ORDER BY portal_id, state, reason_code',
  ).all(runId) as { portal_id: string; state: PortalTaskCount['state']; reason_code: string | null; n: number }[];
  return rows.map((r) => ({ portalId: r.portal_id, state: r.state, reasonCode: r.reason_code, count: r.n }));
}
