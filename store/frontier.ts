/**
 * The frontier: a run's work queue, kept in the archive so a killed crawl resumes where it stopped.
 * Each item carries its host: the crawl claims one host's next item at a time (`pendingHosts`, `claimNextOfHost`),
 * in the order it was enqueued; `nextPending` claims a batch across hosts. A claim counts an attempt; an item claimed
 * `maxAttempts` times without being marked (its process died or its task threw each time) is marked 'failed' with
 * reason E_ATTEMPTS_EXHAUSTED instead of being handed out forever.
 */
import type { Database } from 'better-sqlite3';
import { StopError } from '../common/errors.ts';
import type { CapturePurpose } from './captures.ts';
import { frontierHost } from './frontier-host.ts';
import { fromJson, nowIso, stmt, toJson } from './statements.ts';

export type FrontierState = 'pending' | 'done' | 'skipped' | 'failed';

export interface NewFrontierItem {
  readonly url: string;
  readonly purpose: CapturePurpose;
  readonly portalId: string;
  readonly meta?: unknown;
  /** Links followed from a seed; seeds are 0 (the default). */
  readonly depth?: number;
}

export interface FrontierItem {
  readonly runId: number;
  readonly url: string;
  readonly purpose: CapturePurpose;
  readonly portalId: string;
  /** `host:port` of the URL: the per-host queue the item is scheduled in. */
  readonly host: string;
  readonly meta: unknown;
  readonly depth: number;
  readonly state: FrontierState;
  readonly reasonCode: string | null;
  /** Times handed out by nextPending (including the current one). */
  readonly attempts: number;
  readonly addedAt: string;
  readonly updatedAt: string;
}

/** Default number of claims before an unfinished item is given up. */
export const MAX_ATTEMPTS = 3;

interface RawItem {
  run_id: number;
  url: string;
  purpose: CapturePurpose;
  portal_id: string;
  host: string;
  meta: string | null;
  depth: number;
  state: FrontierState;
  reason_code: string | null;
  attempts: number;
  added_at: string;
  updated_at: string;
}

/** Adds items not yet in the run's frontier (by URL); returns how many were new. One transaction. */
export function enqueue(db: Database, runId: number, items: readonly NewFrontierItem[]): number {
  const insert = stmt(
    db,
    `INSERT INTO frontier (run_id, url, purpose, portal_id, host, meta, depth, added_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, url) DO NOTHING`,
  );
  const write = db.transaction((): number => {
    const now = nowIso();
    let added = 0;
    for (const item of items) {
      added += insert.run(runId, item.url, item.purpose, item.portalId, frontierHost(item.url), toJson(item.meta), item.depth ?? 0, now, now).changes;
    }
    return added;
  });
  return write();
}

/**
 * Claims up to `limit` pending items in enqueue order (each claim counts an attempt). Items already claimed
 * `maxAttempts` times are marked failed (E_ATTEMPTS_EXHAUSTED) and not returned. One transaction.
 */
export function nextPending(db: Database, runId: number, limit: number, maxAttempts: number = MAX_ATTEMPTS): FrontierItem[] {
  const claim = db.transaction((): FrontierItem[] => {
    const now = nowIso();
    stmt(db, "UPDATE frontier SET state = 'failed', reason_code = 'E_ATTEMPTS_EXHAUSTED', updated_at = ? WHERE run_id = ? AND state = 'pending' AND attempts >= ?").run(
      now,
      runId,
      maxAttempts,
    );
    const rows = stmt(
      db,
      `UPDATE frontier SET attempts = attempts + 1, updated_at = ?
       WHERE rowid IN (SELECT rowid FROM frontier WHERE run_id = ? AND state = 'pending' ORDER BY rowid LIMIT ?)
       RETURNING rowid AS seq, *`,
    ).all(now, runId, limit) as (RawItem & { seq: number })[];
    return rows.sort((a, b) => a.seq - b.seq).map(toItem);
  });
  return claim.immediate();
}

/**
 * Up to `limit` hosts with pending items in the run, in host order starting after `after` (then wrapping round), so a
 * scheduler walks every host in turn. A skip-scan of the (run, state, host) index: one seek per host returned, however
 * many URLs each host has pending.
 */
export function pendingHosts(db: Database, runId: number, after: string, limit: number): string[] {
  const scan = (from: string, inclusive: boolean, max: number): string[] =>
    max <= 0
      ? []
      : (stmt(
          db,
          `WITH RECURSIVE h(host) AS (
             SELECT (SELECT min(host) FROM frontier WHERE run_id = @runId AND state = 'pending' AND (host > @from OR (@inclusive AND host = @from)))
             UNION ALL
             SELECT (SELECT min(host) FROM frontier WHERE run_id = @runId AND state = 'pending' AND host > h.host) FROM h WHERE h.host IS NOT NULL
           )
           SELECT host FROM h WHERE host IS NOT NULL LIMIT @max`,
        )
          .pluck()
          .all({ runId, from, inclusive: inclusive ? 1 : 0, max }) as string[]);
  const tail = scan(after, false, limit);
  const head = scan('', true, limit - tail.length).filter((host) => host <= after && !tail.includes(host));
  return [...tail, ...head];
}

/**
 * Claims the host's first pending item in enqueue order (counting an attempt), or null when it has none. An item
 * already claimed `maxAttempts` times is marked failed (E_ATTEMPTS_EXHAUSTED) and the next one is tried. One
 * transaction.
 */
export function claimNextOfHost(db: Database, runId: number, host: string, maxAttempts: number = MAX_ATTEMPTS): FrontierItem | null {
  const claim = db.transaction((): FrontierItem | null => {
    const now = nowIso();
    for (;;) {
      const head = stmt(db, "SELECT rowid AS seq, attempts FROM frontier WHERE run_id = ? AND state = 'pending' AND host = ? ORDER BY rowid LIMIT 1").get(runId, host) as
        | { seq: number; attempts: number }
        | undefined;
      if (head === undefined) return null;
      if (head.attempts >= maxAttempts) {
        stmt(db, "UPDATE frontier SET state = 'failed', reason_code = 'E_ATTEMPTS_EXHAUSTED', updated_at = ? WHERE rowid = ?").run(now, head.seq);
        continue;
      }
      const row = stmt(db, 'UPDATE frontier SET attempts = attempts + 1, updated_at = ? WHERE rowid = ? RETURNING *').get(now, head.seq) as RawItem;
      return toItem(row);
    }
  });
  return claim.immediate();
}

/** Records how an item ended. Throws E_NOT_FOUND when the URL is not in the run's frontier. */
export function markDone(db: Database, runId: number, url: string, state: Exclude<FrontierState, 'pending'>, reasonCode?: string | null): void {
  const result = stmt(db, 'UPDATE frontier SET state = ?, reason_code = ?, updated_at = ? WHERE run_id = ? AND url = ?').run(
    state,
    reasonCode ?? null,
    nowIso(),
    runId,
    url,
  );
  if (result.changes === 0) {
    throw new StopError('E_NOT_FOUND', `${url} is not in the frontier of run ${runId}: enqueue it before marking it`, { input: url });
  }
}

/**
 * Puts the run's failed items back to pending with fresh attempts (e.g. to retry transient failures); only those
 * failed for one of `reasonCodes` when given. Returns how many.
 */
export function requeueFailed(db: Database, runId: number, reasonCodes?: readonly string[]): number {
  return stmt(
    db,
    `UPDATE frontier SET state = 'pending', attempts = 0, reason_code = NULL, updated_at = ?
     WHERE run_id = ? AND state = 'failed' AND (? IS NULL OR reason_code IN (SELECT value FROM json_each(?)))`,
  ).run(nowIso(), runId, reasonCodes === undefined ? null : 1, JSON.stringify(reasonCodes ?? [])).changes;
}

export function countByState(db: Database, runId: number): Record<FrontierState, number> {
  const counts: Record<FrontierState, number> = { pending: 0, done: 0, skipped: 0, failed: 0 };
  for (const row of stmt(db, 'SELECT state, count(*) AS n FROM frontier WHERE run_id = ? GROUP BY state').all(runId) as { state: FrontierState; n: number }[]) {
    counts[row.state] = row.n;
  }
  return counts;
}

export function getFrontierItem(db: Database, runId: number, url: string): FrontierItem | null {
  const row = stmt(db, 'SELECT * FROM frontier WHERE run_id = ? AND url = ?').get(runId, url) as RawItem | undefined;
  return row === undefined ? null : toItem(row);
}

function toItem(row: RawItem): FrontierItem {
  return {
    runId: row.run_id,
    url: row.url,
    purpose: row.purpose,
    portalId: row.portal_id,
    host: row.host,
    meta: fromJson(row.meta),
    depth: row.depth,
    state: row.state,
    reasonCode: row.reason_code,
    attempts: row.attempts,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
  };
}
