/**
 * Captures: one row per HTTP exchange (failed attempts and redirect hops included), with the body stored once
 * by digest in `blobs`. Provenance for everything derived later.
 */
import type { Database } from 'better-sqlite3';
import type { Exchange } from '../crawlers/http/exchange.ts';
import { getBlob, putBlob } from './blobs.ts';
import { fromJson, stmt } from './statements.ts';

export type CapturePurpose = 'robots' | 'catalogue' | 'listing' | 'report' | 'attachment' | 'image' | 'flipbook' | 'other';

export interface NewCapture {
  readonly runId: number;
  readonly portalId: string;
  /** What the crawler asked for (before redirects). */
  readonly requestedUrl: string;
  /** Where the fetch ended (after redirects). */
  readonly finalUrl: string;
  readonly purpose: CapturePurpose;
  /** Detected body charset, or null when not text / not detected. */
  readonly charset: string | null;
  readonly exchange: Exchange;
  /** Defaults to the run's crawler_version. */
  readonly crawlerVersion?: string;
}

export interface CaptureRow {
  readonly id: number;
  readonly runId: number;
  readonly portalId: string;
  readonly requestedUrl: string;
  /** The URL of this exchange. */
  readonly url: string;
  readonly finalUrl: string;
  readonly method: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly fetchedAt: string;
  readonly elapsedMs: number | null;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string | null;
  readonly charset: string | null;
  readonly length: number;
  /** Digest of the body in `blobs`; null when there was no body (304, failure, empty). */
  readonly sha256: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly crawlerVersion: string;
  readonly purpose: CapturePurpose;
}

export interface CaptureFilter {
  readonly runId?: number;
  readonly portalId?: string;
  readonly purpose?: CapturePurpose;
  readonly status?: number;
  readonly url?: string;
  /** Only captures whose body was stored (true) or not (false). */
  readonly hasBody?: boolean;
}

interface RawCapture {
  id: number;
  run_id: number;
  portal_id: string;
  requested_url: string;
  url: string;
  final_url: string;
  method: string;
  request_headers: string;
  fetched_at: string;
  elapsed_ms: number | null;
  status: number;
  headers: string;
  content_type: string | null;
  charset: string | null;
  length: number;
  sha256: string | null;
  error_code: string | null;
  error_message: string | null;
  crawler_version: string;
  purpose: CapturePurpose;
}

const INSERT = `INSERT INTO captures (run_id, portal_id, requested_url, url, final_url, method, request_headers, fetched_at,
    elapsed_ms, status, headers, content_type, charset, length, sha256, error_code, error_message, crawler_version, purpose)
  VALUES (@runId, @portalId, @requestedUrl, @url, @finalUrl, @method, @requestHeaders, @fetchedAt, @elapsedMs, @status,
    @headers, @contentType, @charset, @length, @sha256, @errorCode, @errorMessage,
    COALESCE(@crawlerVersion, (SELECT crawler_version FROM runs WHERE id = @runId)), @purpose)`;

/** Records one exchange and its body (one transaction); returns the capture id. 304 and empty bodies store no blob. */
export function insertCapture(db: Database, capture: NewCapture): number {
  const ex = capture.exchange;
  const write = db.transaction((): number => {
    const sha256 = ex.status === 304 || ex.body.length === 0 ? null : putBlob(db, ex.body);
    const result = stmt(db, INSERT).run({
      runId: capture.runId,
      portalId: capture.portalId,
      requestedUrl: capture.requestedUrl,
      url: ex.url,
      finalUrl: capture.finalUrl,
      method: ex.method,
      requestHeaders: JSON.stringify(ex.requestHeaders),
      fetchedAt: ex.fetchedAt,
      elapsedMs: Number.isFinite(ex.elapsedMs) ? Math.round(ex.elapsedMs) : null,
      status: ex.status,
      headers: JSON.stringify(ex.headers),
      contentType: header(ex.headers, 'content-type'),
      charset: capture.charset,
      length: ex.body.length,
      sha256,
      errorCode: ex.error?.code ?? null,
      errorMessage: ex.error?.message ?? null,
      crawlerVersion: capture.crawlerVersion ?? null,
      purpose: capture.purpose,
    });
    return Number(result.lastInsertRowid);
  });
  return write();
}

export function getCapture(db: Database, id: number): CaptureRow | null {
  const row = stmt(db, 'SELECT * FROM captures WHERE id = ?').get(id) as RawCapture | undefined;
  return row === undefined ? null : toCapture(row);
}

/** The stored body of a capture, or null when it has none (or the capture does not exist). */
export function getCaptureBody(db: Database, id: number): Buffer | null {
  const row = stmt(db, 'SELECT sha256 FROM captures WHERE id = ?').get(id) as { sha256: string | null } | undefined;
  return row?.sha256 == null ? null : getBlob(db, row.sha256);
}

/** Captures of `url` itself, or made while fetching `url` (the 200 at the end of its redirects). */
const FOR_URL = '(url = @url OR requested_url = @url)';
const USABLE = `status = 200 AND sha256 IS NOT NULL AND error_code IS NULL`;

/**
 * Validators for a conditional request: ETag / Last-Modified of the latest complete 200 capture of `url`
 * (whose body is in the archive, so a 304 can be answered from it). Null when there is none.
 */
export function latestValidators(db: Database, url: string): { etag?: string; lastModified?: string; captureId: number } | null {
  const row = stmt(db, `SELECT id, headers FROM captures WHERE ${FOR_URL} AND ${USABLE} ORDER BY id DESC LIMIT 1`).get({ url }) as
    | { id: number; headers: string }
    | undefined;
  if (row === undefined) return null;
  const headers = JSON.parse(row.headers) as Record<string, string>;
  const etag = header(headers, 'etag');
  const lastModified = header(headers, 'last-modified');
  return { captureId: row.id, ...(etag === null ? {} : { etag }), ...(lastModified === null ? {} : { lastModified }) };
}

/** The latest complete 200 capture of `url` with a stored body, or null. */
export function latestSuccessfulCapture(db: Database, url: string): CaptureRow | null {
  const row = stmt(db, `SELECT * FROM captures WHERE ${FOR_URL} AND ${USABLE} ORDER BY id DESC LIMIT 1`).get({ url }) as RawCapture | undefined;
  return row === undefined ? null : toCapture(row);
}

/**
 * For each URL a run asked for (with this purpose), its last capture — the final exchange of the latest fetch — when
 * that exchange completed (no error: not cut off, timed out, refused or a JS challenge). A URL whose latest fetch ended
 * incomplete is left out, never replaced by an earlier partial answer: what readers get is only ever whole content.
 */
export function listRunFinalCaptures(db: Database, runId: number, purpose: CapturePurpose): CaptureRow[] {
  const rows = stmt(
    db,
    `SELECT * FROM captures WHERE id IN (
       SELECT max(id) FROM captures WHERE run_id = ? AND purpose = ? GROUP BY requested_url)
       AND error_code IS NULL
     ORDER BY id`,
  ).all(runId, purpose) as RawCapture[];
  return rows.map(toCapture);
}

/** What listRunFinalCaptures gives for one URL the run asked for: its last capture when it completed, else null. */
export function runFinalCapture(db: Database, runId: number, purpose: CapturePurpose, requestedUrl: string): CaptureRow | null {
  const row = stmt(db, `SELECT * FROM captures WHERE run_id = ? AND purpose = ? AND requested_url = ? ORDER BY id DESC LIMIT 1`).get(runId, purpose, requestedUrl) as
    | RawCapture
    | undefined;
  return row === undefined || row.error_code !== null ? null : toCapture(row);
}

/** A 200 whose whole body is stored: the only kind of capture content may be read from. */
export function isCompleteCapture(capture: CaptureRow): boolean {
  return capture.status === 200 && capture.sha256 !== null && capture.errorCode === null;
}

export function countCaptures(db: Database, filter: CaptureFilter = {}): number {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (column: string, name: Exclude<keyof CaptureFilter, 'hasBody'>): void => {
    const value = filter[name];
    if (value === undefined) return;
    clauses.push(`${column} = @${name}`);
    params[name] = value;
  };
  add('run_id', 'runId');
  add('portal_id', 'portalId');
  add('purpose', 'purpose');
  add('status', 'status');
  add('url', 'url');
  if (filter.hasBody !== undefined) clauses.push(filter.hasBody ? 'sha256 IS NOT NULL' : 'sha256 IS NULL');
  const where = clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`;
  return (stmt(db, `SELECT count(*) AS n FROM captures${where}`).get(params) as { n: number }).n;
}

function header(headers: Readonly<Record<string, string>>, name: string): string | null {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found === undefined ? null : found[1];
}

function toCapture(row: RawCapture): CaptureRow {
  return {
    id: row.id,
    runId: row.run_id,
    portalId: row.portal_id,
    requestedUrl: row.requested_url,
    url: row.url,
    finalUrl: row.final_url,
    method: row.method,
    requestHeaders: fromJson<Record<string, string>>(row.request_headers) ?? {},
    fetchedAt: row.fetched_at,
    elapsedMs: row.elapsed_ms,
    status: row.status,
    headers: fromJson<Record<string, string>>(row.headers) ?? {},
    contentType: row.content_type,
    charset: row.charset,
    length: row.length,
    sha256: row.sha256,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    crawlerVersion: row.crawler_version,
    purpose: row.purpose,
  };
}
