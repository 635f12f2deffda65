/**
 * `GET /api/captures/:id`: one archived HTTP exchange for the capture view (`#/capture/ID`): request, status,
 * headers, digest, and where to see its body (an inline image, the inert page, text, or a download).
 */
import type { Database } from 'better-sqlite3';
import { captureExchange, captureText } from '../../store/serve-capture.ts';
import { notFound } from '../http/http-error.ts';

export function captureAnswer(db: Database, id: number): unknown {
  const exchange = captureExchange(db, id);
  if (exchange === null) throw notFound(`capture ${id}`);
  const { capture, confirms, rendering } = exchange;
  return {
    capture,
    confirms,
    rendering,
    bodyUrl: capture.sha256 === null ? null : `/archive/captures/${id}`,
    pageUrl: rendering === 'html' ? `/archive/captures/${id}/page` : null,
    text: rendering === 'text' ? captureText(db, capture, 100_000) : null,
  };
}
