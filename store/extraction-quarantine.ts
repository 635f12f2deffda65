/**
 * Extraction attempts and quarantined captures (migration 006). An attempt is written before extraction starts and
 * finished after it, each in its own committed statement, so the next run knows of an extraction that ended with its
 * process. A capture whose extraction the crawl saw fail twice under one extractor version (crashed, timed out, or
 * killed the separate process it ran in) is quarantined until the extractor version changes; one left unfinished by
 * a crawl that died is extracted next in a separate process (isPoisoned, needsIsolation). Attempts and quarantine count for the
 * content, not the capture row: a later capture of the same URL with the same bytes (a server without ETag or
 * Last-Modified answers 200 every night) shares them, so a poison page is not retried every night.
 */
import type { Database } from 'better-sqlite3';
import { nowIso, stmt } from './statements.ts';

/** Ids of the captures holding the same content as @captureId: the same final URL and bytes (or itself). */
const SAME_CONTENT = `SELECT c2.id FROM captures c1 JOIN captures c2
    ON c2.id = c1.id OR (c2.sha256 = c1.sha256 AND c2.final_url = c1.final_url)
 WHERE c1.id = @captureId`;

export type AttemptOutcome = 'ok' | 'skipped' | 'crashed' | 'timeout';

/** Crashes or timeouts seen by the crawl (a death of its extraction process included) after which a capture is quarantined. */
export const QUARANTINE_AFTER = 2;

/**
 * Whether a capture's failed attempts make it poison. Only failures the crawl saw count: a crash, a time limit, or
 * the death of the separate process the page was being extracted in. An attempt left unfinished because the crawl
 * itself died is ambiguous — the page ran the crawl out of memory, or the crawl was killed from outside at that
 * moment (a reboot, an operator, a kill at random) — so it never counts; it sends the capture's next extraction to a
 * separate process (needsIsolation), where a page that kills its process is seen doing it.
 */
export function isPoisoned(failed: FailedAttempts): boolean {
  return failed.count - failed.unfinished >= QUARANTINE_AFTER;
}

/** Whether the capture's next extraction must run in a separate process: a crawl died during one of its attempts. */
export function needsIsolation(failed: FailedAttempts): boolean {
  return failed.unfinished > 0;
}

export interface FailedAttempts {
  readonly count: number;
  /** Attempts whose process ended before they finished (out of memory, SIGKILL). */
  readonly unfinished: number;
  /** Code of the last finished failure (E_EXTRACTION_TIMEOUT, E_EXTRACTION_CRASHED), if any. */
  readonly lastCode: string | null;
}

export interface QuarantinedCapture {
  readonly captureId: number;
  readonly extractorVersion: string;
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
  readonly runId: number | null;
  readonly quarantinedAt: string;
  /** The capture's URL and portal, for listings. */
  readonly url: string;
  readonly portalId: string;
}

/** A quarantined capture as `--json` and `/api/quarantine` give it (`portal` for the portal id). */
export function quarantineRecord(q: QuarantinedCapture): Record<string, string | number | null> {
  return {
    captureId: q.captureId,
    portal: q.portalId,
    url: q.url,
    code: q.code,
    attempts: q.attempts,
    extractorVersion: q.extractorVersion,
    runId: q.runId,
    quarantinedAt: q.quarantinedAt,
    message: q.message,
  };
}

/** Records (and commits) that extraction of a capture starts now; returns the attempt id. */
export function startExtractionAttempt(db: Database, attempt: { captureId: number; extractorVersion: string; runId: number | null }): number {
  const result = stmt(
    db,
    `INSERT INTO extraction_attempts (capture_id, extractor_version, run_id, started_at) VALUES (@captureId, @extractorVersion, @runId, @startedAt)`,
  ).run({ ...attempt, startedAt: nowIso() });
  return Number(result.lastInsertRowid);
}

export function finishExtractionAttempt(db: Database, attemptId: number, outcome: AttemptOutcome, code: string | null): void {
  stmt(db, `UPDATE extraction_attempts SET finished_at = @finishedAt, outcome = @outcome, code = @code WHERE id = @id`).run({
    id: attemptId,
    finishedAt: nowIso(),
    outcome,
    code,
  });
}

/**
 * Failed attempts of a capture under an extractor version: crashed, timed out, or never finished. Call it before
 * starting a new attempt: every unfinished attempt then belongs to a process that ended mid-extraction.
 */
export function failedAttempts(db: Database, captureId: number, extractorVersion: string): FailedAttempts {
  const row = stmt(
    db,
    `SELECT count(*) AS count, count(*) FILTER (WHERE finished_at IS NULL) AS unfinished,
            (SELECT code FROM extraction_attempts WHERE capture_id IN (${SAME_CONTENT}) AND extractor_version = @extractorVersion
               AND outcome IN ('crashed', 'timeout') ORDER BY id DESC LIMIT 1) AS last_code
       FROM extraction_attempts
      WHERE capture_id IN (${SAME_CONTENT}) AND extractor_version = @extractorVersion
        AND (finished_at IS NULL OR outcome IN ('crashed', 'timeout'))`,
  ).get({ captureId, extractorVersion }) as { count: number; unfinished: number; last_code: string | null };
  return { count: row.count, unfinished: row.unfinished, lastCode: row.last_code };
}

export function quarantineCapture(
  db: Database,
  entry: { captureId: number; extractorVersion: string; code: string; message: string; attempts: number; runId: number | null },
): void {
  stmt(
    db,
    `INSERT OR REPLACE INTO quarantined_captures (capture_id, extractor_version, code, message, attempts, run_id, quarantined_at)
     VALUES (@captureId, @extractorVersion, @code, @message, @attempts, @runId, @quarantinedAt)`,
  ).run({ ...entry, quarantinedAt: nowIso() });
}

const SELECT = `SELECT q.capture_id, q.extractor_version, q.code, q.message, q.attempts, q.run_id, q.quarantined_at, c.final_url, c.portal_id
                  FROM quarantined_captures q JOIN captures c ON c.id = q.capture_id`;

interface Row {
  capture_id: number;
  extractor_version: string;
  code: string;
  message: string;
  attempts: number;
  run_id: number | null;
  quarantined_at: string;
  final_url: string;
  portal_id: string;
}

function toQuarantined(r: Row): QuarantinedCapture {
  return {
    captureId: r.capture_id,
    extractorVersion: r.extractor_version,
    code: r.code,
    message: r.message,
    attempts: r.attempts,
    runId: r.run_id,
    quarantinedAt: r.quarantined_at,
    url: r.final_url,
    portalId: r.portal_id,
  };
}

/**
 * The quarantine of this capture's content (this capture, or an earlier one of the same URL and bytes) under this
 * extractor version, or null (a newer extractor tries it again).
 */
export function findQuarantine(db: Database, captureId: number, extractorVersion: string): QuarantinedCapture | null {
  const row = stmt(db, `${SELECT} WHERE q.capture_id IN (${SAME_CONTENT}) AND q.extractor_version = @extractorVersion ORDER BY q.quarantined_at LIMIT 1`).get({
    captureId,
    extractorVersion,
  }) as Row | undefined;
  return row === undefined ? null : toQuarantined(row);
}

/** Quarantined captures, newest first; with `extractorVersion`, only those the current extractor skips. */
export function listQuarantinedCaptures(db: Database, filter: { extractorVersion?: string; portalId?: string } = {}): QuarantinedCapture[] {
  const rows = stmt(
    db,
    `${SELECT} WHERE (@extractorVersion IS NULL OR q.extractor_version = @extractorVersion) AND (@portalId IS NULL OR c.portal_id = @portalId)
      ORDER BY q.quarantined_at DESC, q.capture_id`,
  ).all({ extractorVersion: filter.extractorVersion ?? null, portalId: filter.portalId ?? null }) as Row[];
  return rows.map(toQuarantined);
}
