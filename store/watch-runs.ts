/**
 * Nightly runs: one row per `nianbao nightly` (or scheduled) run, with the date its statuses hold as of, the crawl
 * run it drove, its counts and the JSON-lines log it wrote. A row left 'running' by a killed process is marked
 * 'interrupted' by the next run (which holds the run lock, so no live process owns it).
 */
import type { Database } from 'better-sqlite3';
import { fromJson, stmt, toJson } from './statements.ts';

export type NightlyStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

export interface NightlyRunRow {
  readonly id: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** `YYYY-MM-DD` (China time) the statuses of this run hold as of. */
  readonly asOf: string;
  readonly status: NightlyStatus;
  readonly pid: number;
  readonly crawlRunId: number | null;
  readonly options: unknown;
  readonly counts: unknown;
  readonly logFile: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

interface RawNightlyRun {
  id: number;
  started_at: string;
  finished_at: string | null;
  as_of: string;
  status: NightlyStatus;
  pid: number;
  crawl_run_id: number | null;
  options: string;
  counts: string | null;
  log_file: string | null;
  error_code: string | null;
  error_message: string | null;
}

export function startNightlyRun(db: Database, run: { startedAt: string; asOf: string; pid: number; options: unknown }): number {
  const result = stmt(db, "INSERT INTO nightly_runs (started_at, as_of, status, pid, options) VALUES (?, ?, 'running', ?, ?)").run(
    run.startedAt,
    run.asOf,
    run.pid,
    toJson(run.options ?? {}),
  );
  return Number(result.lastInsertRowid);
}

export function setNightlyRunDetails(db: Database, id: number, details: { crawlRunId?: number; logFile?: string }): void {
  if (details.crawlRunId !== undefined) stmt(db, 'UPDATE nightly_runs SET crawl_run_id = ? WHERE id = ?').run(details.crawlRunId, id);
  if (details.logFile !== undefined) stmt(db, 'UPDATE nightly_runs SET log_file = ? WHERE id = ?').run(details.logFile, id);
}

export function finishNightlyRun(
  db: Database,
  id: number,
  end: { status: Exclude<NightlyStatus, 'running'>; finishedAt: string; counts: unknown; errorCode?: string; errorMessage?: string },
): void {
  stmt(db, 'UPDATE nightly_runs SET status = ?, finished_at = ?, counts = ?, error_code = ?, error_message = ? WHERE id = ?').run(
    end.status,
    end.finishedAt,
    toJson(end.counts),
    end.errorCode ?? null,
    end.errorMessage ?? null,
    id,
  );
}

/** Marks rows still 'running' as 'interrupted' (call only while holding the run lock); returns their ids. */
export function markStaleNightlyRuns(db: Database, finishedAt: string): number[] {
  const rows = stmt(db, "UPDATE nightly_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running' RETURNING id").all(finishedAt) as { id: number }[];
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export function getNightlyRun(db: Database, id: number): NightlyRunRow | null {
  const row = stmt(db, 'SELECT * FROM nightly_runs WHERE id = ?').get(id) as RawNightlyRun | undefined;
  return row === undefined ? null : toRow(row);
}

/** Newest first. */
export function listNightlyRuns(db: Database, limit = 50): NightlyRunRow[] {
  return (stmt(db, 'SELECT * FROM nightly_runs ORDER BY id DESC LIMIT ?').all(limit) as RawNightlyRun[]).map(toRow);
}

function toRow(row: RawNightlyRun): NightlyRunRow {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    asOf: row.as_of,
    status: row.status,
    pid: row.pid,
    crawlRunId: row.crawl_run_id,
    options: fromJson(row.options),
    counts: fromJson(row.counts),
    logFile: row.log_file,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  };
}
