/**
 * Read model of the capture view (`GET /api/captures/:id`, `nianbao capture ID`): one HTTP exchange as archived —
 * request, status, headers, body digest — and, for a 304, the capture whose content it confirmed. Evidence ids
 * (`nianbao missing`, watch statuses) and every cell's source point here.
 */
import type { Database } from 'better-sqlite3';
import { decodeBody, detectCharset } from '../common/charset.ts';
import { notModifiedContent } from './captured-body.ts';
import { getCapture, getCaptureBody, type CaptureRow } from './captures.ts';

export type CaptureRendering = 'image' | 'html' | 'text' | 'download' | 'none';

export interface CaptureExchange {
  readonly capture: CaptureRow;
  /** For a 304: the latest complete capture of the URL, whose content the 304 confirmed (null otherwise). */
  readonly confirms: number | null;
  /** How a reader can see the body: inline image, inert HTML page, text, a download, or nothing (no body). */
  readonly rendering: CaptureRendering;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
const TEXT_TYPES = /^(text\/(plain|csv|xml|css)|application\/(json|xml|javascript)|text\/javascript)$/;

export function mediaType(capture: CaptureRow): string {
  return (capture.contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function renderingOf(capture: CaptureRow): CaptureRendering {
  if (capture.sha256 === null) return 'none';
  const type = mediaType(capture);
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (TEXT_TYPES.test(type)) return 'text';
  return 'download';
}

export function captureExchange(db: Database, id: number): CaptureExchange | null {
  const capture = getCapture(db, id);
  if (capture === null) return null;
  const confirms = capture.status === 304 ? (notModifiedContent(db, capture.url)?.id ?? null) : null;
  return { capture, confirms, rendering: renderingOf(capture) };
}

/** The body decoded as text (charset as recorded, else detected), at most `maxChars` characters; null without a body. */
export function captureText(db: Database, capture: CaptureRow, maxChars = 200_000): string | null {
  const body = getCaptureBody(db, capture.id);
  if (body === null) return null;
  const charset = capture.charset ?? detectCharset(capture.headers, body).charset;
  return decodeBody(body, charset).slice(0, maxChars);
}
