/** Fetch one URL politely and keep every exchange as a capture in its own run (for `nianbao extract <url>`). */
import type { Database } from 'better-sqlite3';
import { detectCharset } from '../../common/charset.ts';
import { PoliteFetcher, type FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import { insertCapture } from '../../store/captures.ts';
import { upsertPortal } from '../../store/portals.ts';
import { finishRun, startRun } from '../../store/runs.ts';
import { CRAWLER_VERSION } from '../version.ts';

export interface CapturedUrl {
  readonly portalId: string;
  /** The capture of the final response, or null when none arrived. */
  readonly finalCaptureId: number | null;
  readonly error: Error | null;
}

/** Portal id for an ad-hoc URL: `adhoc-<host>` with dots and colons as dashes. */
export function adhocPortalId(url: URL): string {
  return `adhoc-${url.host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

export async function captureUrl(db: Database, url: string, portalId: string | null, fetcherOptions: Partial<FetcherOptions> = {}): Promise<CapturedUrl> {
  const target = new URL(url);
  const id = portalId ?? adhocPortalId(target);
  if (portalId === null) upsertPortal(db, { id, family: 'hanweb', baseUrl: target.origin, name: target.host, config: null });
  const runId = startRun(db, { kind: 'extract', crawlerVersion: CRAWLER_VERSION, options: { url } });
  const fetcher = new PoliteFetcher({ ...fetcherOptions, isHostAllowed: (u) => u.host === target.host || u.hostname.endsWith('.gov.cn') });
  try {
    const outcome = await fetcher.fetch(url);
    let finalCaptureId: number | null = null;
    db.transaction(() => {
      for (const exchange of outcome.exchanges) {
        const isFinal = exchange === outcome.final;
        const charset = isFinal && exchange.status === 200 ? detectCharset(exchange.headers, exchange.body).charset : null;
        const captureId = insertCapture(db, { runId, portalId: id, requestedUrl: url, finalUrl: outcome.finalUrl, purpose: 'report', charset, exchange });
        if (isFinal) finalCaptureId = captureId;
      }
    })();
    finishRun(db, runId, { status: outcome.error === null ? 'ok' : 'partial', counts: { exchanges: outcome.exchanges.length } });
    return { portalId: id, finalCaptureId, error: outcome.error };
  } finally {
    fetcher.close();
  }
}
