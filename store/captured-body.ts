/**
 * A URL's archived content: the latest complete capture of it with its bytes, and the one rule for a 304 Not Modified
 * — it means the archived copy, i.e. the latest complete capture of the same URL (whose content the 304 confirmed).
 * Every reader of archived bytes by URL goes through here (extraction, the crawl's link reading, the capture view).
 */
import type { Database } from 'better-sqlite3';
import { getCaptureBody, isCompleteCapture, latestSuccessfulCapture, type CaptureRow } from './captures.ts';

export interface CapturedBody {
  readonly capture: CaptureRow;
  readonly body: Buffer;
}

/** The latest complete 200 capture of `url` (requested or final) and its stored bytes, or null. */
export function latestCapturedBody(db: Database, url: string): CapturedBody | null {
  const capture = latestSuccessfulCapture(db, url);
  const body = capture === null ? null : getCaptureBody(db, capture.id);
  return capture === null || body === null ? null : { capture, body };
}

/** What a 304 for `url` confirmed: the archived copy (the latest complete capture of `url`), or null when none is kept. */
export function notModifiedContent(db: Database, url: string): CaptureRow | null {
  return latestSuccessfulCapture(db, url);
}

/**
 * The capture holding the content of an exchange: the capture itself when it is complete (a cut-off, failed or
 * challenge body never is), the archived copy for a 304, null otherwise.
 */
export function contentCapture(db: Database, capture: CaptureRow): CaptureRow | null {
  if (isCompleteCapture(capture)) return capture;
  return capture.status === 304 ? notModifiedContent(db, capture.url) : null;
}
