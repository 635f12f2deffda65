/** Captures as `nianbao export --format warc` needs them: every exchange that got a response, oldest first. */
import type { Database } from 'better-sqlite3';
import { getBlob } from './blobs.ts';
import { fromJson } from './statements.ts';

export interface WarcCapture {
  readonly id: number;
  readonly portalId: string;
  readonly url: string;
  readonly method: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly fetchedAt: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly length: number;
  /** Digest of the stored body; null for 304s, empty bodies and failures. */
  readonly sha256: string | null;
  readonly errorCode: string | null;
  readonly crawlerVersion: string;
  readonly purpose: string;
}

interface RawCapture {
  id: number;
  portal_id: string;
  url: string;
  method: string;
  request_headers: string;
  fetched_at: string;
  status: number;
  headers: string;
  length: number;
  sha256: string | null;
  error_code: string | null;
  crawler_version: string;
  purpose: string;
}

/** Captures with an HTTP response (status > 0), optionally of one portal, in id order. */
export function* warcCaptures(db: Database, portalId?: string): Generator<WarcCapture> {
  const sql = `SELECT id, portal_id, url, method, request_headers, fetched_at, status, headers, length, sha256, error_code, crawler_version, purpose
    FROM captures WHERE status > 0 ${portalId === undefined ? '' : 'AND portal_id = @portalId'} ORDER BY id`;
  const statement = db.prepare(sql);
  const rows = (portalId === undefined ? statement.all() : statement.all({ portalId })) as RawCapture[];
  for (const row of rows) {
    yield {
      id: row.id,
      portalId: row.portal_id,
      url: row.url,
      method: row.method,
      requestHeaders: fromJson<Record<string, string>>(row.request_headers) ?? {},
      fetchedAt: row.fetched_at,
      status: row.status,
      headers: fromJson<Record<string, string>>(row.headers) ?? {},
      length: row.length,
      sha256: row.sha256,
      errorCode: row.error_code,
      crawlerVersion: row.crawler_version,
      purpose: row.purpose,
    };
  }
}

/** Portals that have captures with a response, sorted. */
export function warcPortals(db: Database): string[] {
  return db.prepare('SELECT DISTINCT portal_id FROM captures WHERE status > 0 ORDER BY portal_id').pluck().all() as string[];
}

/** The stored body of a capture (empty when none was stored). */
export function warcPayload(db: Database, sha256: string | null): Buffer {
  return sha256 === null ? Buffer.alloc(0) : (getBlob(db, sha256) ?? Buffer.alloc(0));
}
