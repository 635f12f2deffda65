/** `GET /archive/captures/:id/page`: an archived HTML capture made inert, as the report pages are (sanitize-html.ts, CSP, sandbox). */
import type { Database } from 'better-sqlite3';
import { latestSuccessfulCapture } from '../../store/captures.ts';
import { captureExchange, captureText } from '../../store/serve-capture.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import type { Reply } from '../http/respond.ts';
import { archivedPageCsp } from './page.ts';
import { sanitizeHtml } from './sanitize-html.ts';

export function capturePage(db: Database, id: number, origin: string): Reply {
  const exchange = captureExchange(db, id);
  if (exchange === null) throw notFound(`capture ${id}`);
  if (exchange.rendering !== 'html') throw new HttpError(415, 'E_UNSUPPORTED_FORMAT', `capture ${id} is not an HTML page`);
  const html = captureText(db, exchange.capture, Number.MAX_SAFE_INTEGER) ?? '';
  const imageSource = (url: string): string | null => {
    const found = latestSuccessfulCapture(db, url);
    return found === null ? null : `/archive/captures/${found.id}`;
  };
  const page = sanitizeHtml(html, { pageUrl: exchange.capture.finalUrl, imageSource });
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': archivedPageCsp(origin) }, body: Buffer.from(page.html, 'utf8') };
}
