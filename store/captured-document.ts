/** Read an archived capture back as a document to extract: bytes, decoded text, where it came from. */
import type { Database } from 'better-sqlite3';
import { decodeBody, detectCharset } from '../common/charset.ts';
import { SkipError } from '../common/errors.ts';
import { contentCapture } from './captured-body.ts';
import { getCapture, getCaptureBody } from './captures.ts';

export interface CapturedDocument {
  readonly captureId: number;
  readonly url: string;
  readonly fetchedAt: string;
  readonly contentType: string;
  readonly charset: string;
  readonly html: string;
}

/**
 * The capture holding the content of a fetch: the capture itself when it is a complete 200 (a cut-off, failed or
 * challenge body never is), or — for a 304 — the latest complete capture of the same URL, whose content the 304
 * confirmed. Null otherwise.
 */
export function contentCaptureId(db: Database, captureId: number): number | null {
  const capture = getCapture(db, captureId);
  return capture === null ? null : (contentCapture(db, capture)?.id ?? null);
}

export function readCapturedDocument(db: Database, captureId: number): CapturedDocument {
  const capture = getCapture(db, captureId);
  const body = capture === null ? null : getCaptureBody(db, captureId);
  if (capture === null || body === null) {
    throw new SkipError('E_NOT_FOUND', `capture ${captureId} has no stored body; re-crawl its URL`, { input: String(captureId) });
  }
  const charset = capture.charset ?? detectCharset(capture.headers, body).charset;
  return {
    captureId,
    url: capture.finalUrl,
    fetchedAt: capture.fetchedAt,
    contentType: capture.contentType ?? '',
    charset,
    html: decodeBody(body, charset),
  };
}
