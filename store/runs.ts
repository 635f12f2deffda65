/** Runs: one row per crawl / extract / demo job, so every capture knows which job made it and a killed crawl resumes. */
import type { Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';
import { fromJson, nowIso, stmt, toJson } from './statements.ts';

export type RunKind = 'crawl' | 'extract' | 'demo';
export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

export interface NewRun {
  readonly kind: RunKind;
  readonly crawlerVersion: string;
  /** JSON-able options the run was started with (used to decide whether a resume fits). */
  readonly options: unknown;
}

export interface RunRow {
  readonly id: number;
  readonly kind: RunKind;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: RunStatus;
  readonly crawlerVersion: string;
  readonly options: unknown;
  readonly counts: unknown;
}

interface RawRun {
  id: number;
  kind: RunKind;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  crawler_version: string;
  options: string;
  counts: string | null;
}

export function startRun(db: Database, run: NewRun): number {
  const result = stmt(db, "INSERT INTO runs (kind, started_at, status, crawler_version, options) VALUES (?, ?, 'running', ?, ?)").run(
    run.kind,
    nowIso(),
    run.crawlerVersion,
    toJson(run.options ?? {}),
  );
  return Number(result.lastInsertRowid);
}

/** Sets the final status and counts. Throws E_NOT_FOUND for an unknown run id. */
export function finishRun(db: Database, id: number, end: { status: Exclude<RunStatus, 'running'>; counts: unknown }): void {
  const result = stmt(db, 'UPDATE runs SET status = ?, counts = ?, finished_at = ? WHERE id = ?').run(end.status, toJson(end.counts), nowIso(), id);
  if (result.changes === 0) throw new StopError('E_NOT_FOUND', `run ${id} is not in the archive: finishRun needs the id startRun returned`, { input: String(id) });
}

/** The most recent run of `kind` still marked 'running' (its process died), or null. */
export function findInterruptedRun(db: Database, kind: RunKind): RunRow | null {
  const row = stmt(db, "SELECT * FROM runs WHERE kind = ? AND status = 'running' ORDER BY id DESC LIMIT 1").get(kind) as RawRun | undefined;
  return row === undefined ? null : toRun(row);
}

/**
 * The run of `kind` a new start should resume: the most recent run of that kind, when it did not finish — still
 * 'running' (its process died) or 'interrupted' (stopped by SIGINT/SIGTERM). Null when the latest run finished.
 * A run abandoned for a newer one is never the latest, so it is never resumed.
 */
export function findResumableRun(db: Database, kind: RunKind): RunRow | null {
  const row = stmt(db, 'SELECT * FROM runs WHERE kind = ? ORDER BY id DESC LIMIT 1').get(kind) as RawRun | undefined;
  return row === undefined || (row.status !== 'running' && row.status !== 'interrupted') ? null : toRun(row);
}

/** Marks a run being resumed as running again (its end time cleared). Throws E_NOT_FOUND for an unknown run id. */
export function reopenRun(db: Database, id: number): void {
  const result = stmt(db, "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?").run(id);
  if (result.changes === 0) throw new StopError('E_NOT_FOUND', `run ${id} is not in the archive: reopenRun needs the id startRun returned`, { input: String(id) });
}

export function getRun(db: Database, id: number): RunRow | null {
  const row = stmt(db, 'SELECT * FROM runs WHERE id = ?').get(id) as RawRun | undefined;
  return row === undefined ? null : toRun(row);
}

/** Runs newest first, optionally of one kind, at most `limit` (default 50). */
export function listRuns(db: Database, filter: { kind?: RunKind; limit?: number } = {}): RunRow[] {
  const limit = filter.limit ?? 50;
  const rows =
    filter.kind === undefined
      ? (stmt(db, 'SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as RawRun[])
      : (stmt(db, 'SELECT * FROM runs WHERE kind = ? ORDER BY id DESC LIMIT ?').all(filter.kind, limit) as RawRun[]);
  return rows.map(toRun);
}

function toRun(row: RawRun): RunRow {
  return {
    id: row.id,
    kind: row.kind,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    crawlerVersion: row.crawler_version,
    options: fromJson(row.options),
    counts: fromJson(row.counts),
  };
}
