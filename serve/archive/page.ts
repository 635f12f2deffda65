/**
 * `GET /archive/reports/:id/page[?highlight=table[i]/row[r]/col[c] | ?image=CAPTURE]`: the archived page a report was
 * read from, made inert; the cell at that grid position, or the image of that capture, outlined (`#nianbao-highlight`).
 */
import type { Database } from 'better-sqlite3';
import { readCapturedDocument } from '../../store/captured-document.ts';
import { latestSuccessfulCapture } from '../../store/captures.ts';
import { getReport } from '../../store/reports.ts';
import { badRequest, notFound } from '../http/http-error.ts';
import type { Reply } from '../http/respond.ts';
import { sanitizeHtml } from './sanitize-html.ts';

/** Policy of an archived page: no script, no connection, images only from the archive's capture endpoint. */
export function archivedPageCsp(origin: string): string {
  return [
    "default-src 'none'",
    `img-src ${origin}/archive/captures/ data:`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    'sandbox',
  ].join('; ');
}

const HIGHLIGHT = /^table\[(\d{1,4})\]\/row\[(\d{1,5})\]\/col\[(\d{1,4})\]$/;

export function archivedPage(db: Database, reportId: number, params: URLSearchParams, origin: string): Reply {
  const report = getReport(db, reportId);
  if (report === null) throw notFound(`report ${reportId}`);
  if (report.sourceCaptureId === null) throw notFound(`the page of report ${reportId}`);
  const doc = readCapturedDocument(db, report.sourceCaptureId);
  const highlightParam = params.get('highlight');
  const match = highlightParam === null ? null : HIGHLIGHT.exec(highlightParam);
  if (highlightParam !== null && match === null) throw badRequest(`highlight: expected table[i]/row[r]/col[c], got "${highlightParam}"`);
  const files = new Map(report.files.filter((f) => f.captureId !== null).map((f) => [f.url, f.captureId!]));
  const imageSource = (url: string): string | null => {
    const id = files.get(url) ?? latestSuccessfulCapture(db, url)?.id ?? null;
    return id === null ? null : `/archive/captures/${id}`;
  };
  const highlight = match === null ? undefined : { table: Number(match[1]), row: Number(match[2]), col: Number(match[3]) };
  const imageParam = params.get('image');
  if (imageParam !== null && !/^\d{1,12}$/.test(imageParam)) throw badRequest(`image: expected a capture id, got "${imageParam}"`);
  const highlightImage = imageParam === null ? undefined : `/archive/captures/${imageParam}`;
  const page = sanitizeHtml(doc.html, { pageUrl: doc.url, imageSource, ...(highlight === undefined ? {} : { highlight }), ...(highlightImage === undefined ? {} : { highlightImage }) });
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': archivedPageCsp(origin), 'x-nianbao-highlighted': String(page.highlighted) },
    body: Buffer.from(page.html, 'utf8'),
  };
}
