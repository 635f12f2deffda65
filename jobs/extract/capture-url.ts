/**
 * Fetch one report URL politely and keep every exchange as a capture in its own run (for `nianbao extract <url>`),
 * with the files the page links for its report (images, attachments, like a crawl does), so that a page whose
 * tables are in a PDF or in screenshots is extracted whole. Fetching (fetchUrl) writes nothing; storing
 * (storeFetched) is synchronous, so a caller can archive the exchanges only once the page proved to be a report.
 */
import type { Database } from 'better-sqlite3';
import { decodeBody, detectCharset } from '../../common/charset.ts';
import { PoliteFetcher, type FetcherOptions } from '../../crawlers/http/polite-fetcher.ts';
import type { FetchOutcome } from '../../crawlers/http/exchange.ts';
import { findReportLinks } from '../../crawlers/hanweb/report-links.ts';
import { insertCapture, type CapturePurpose } from '../../store/captures.ts';
import { upsertPortal } from '../../store/portals.ts';
import { finishRun, startRun } from '../../store/runs.ts';
import { CRAWLER_VERSION } from '../version.ts';

export interface CapturedUrl {
  readonly portalId: string;
  /** The capture of the final response, or null when none arrived. */
  readonly finalCaptureId: number | null;
  readonly error: Error | null;
}

/** More files than a report body links: a page linking more is cut here. */
const MAX_LINKED_FILES = 40;

/** Portal id for an ad-hoc URL: `adhoc-<host>` with dots and colons as dashes. */
export function adhocPortalId(url: URL): string {
  return `adhoc-${url.host.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

function store(db: Database, runId: number, portalId: string, url: string, purpose: CapturePurpose, outcome: FetchOutcome): number | null {
  let finalCaptureId: number | null = null;
  db.transaction(() => {
    for (const exchange of outcome.exchanges) {
      const isFinal = exchange === outcome.final;
      const charset = isFinal && exchange.status === 200 && purpose === 'report' ? detectCharset(exchange.headers, exchange.body).charset : null;
      const captureId = insertCapture(db, { runId, portalId, requestedUrl: url, finalUrl: outcome.finalUrl, purpose, charset, exchange });
      if (isFinal) finalCaptureId = captureId;
    }
  })();
  return finalCaptureId;
}

/** Images and attachments the page's report body links (never flip-books: a book is hundreds of pages). */
function linkedFiles(outcome: FetchOutcome): { url: string; purpose: CapturePurpose }[] {
  const final = outcome.final;
  if (final === null || final.status !== 200) return [];
  const html = decodeBody(final.body, detectCharset(final.headers, final.body).charset);
  const links = findReportLinks(html, outcome.finalUrl);
  const files = [...links.attachments.map((url) => ({ url, purpose: 'attachment' as const })), ...links.images.map((url) => ({ url, purpose: 'image' as const }))];
  return files.slice(0, MAX_LINKED_FILES);
}

/** Everything fetched for one URL, held in memory until it is known to be worth archiving. */
export interface FetchedUrl {
  readonly url: string;
  readonly outcome: FetchOutcome;
  readonly files: readonly { readonly url: string; readonly purpose: CapturePurpose; readonly outcome: FetchOutcome }[];
}

/** Fetches the page and the files its report body links; writes nothing. */
export async function fetchUrl(url: string, fetcherOptions: Partial<FetcherOptions> = {}): Promise<FetchedUrl> {
  const target = new URL(url);
  const fetcher = new PoliteFetcher({ ...fetcherOptions, isHostAllowed: (u) => u.host === target.host || u.hostname.endsWith('.gov.cn') });
  try {
    const outcome = await fetcher.fetch(url);
    const files = [];
    for (const file of linkedFiles(outcome)) files.push({ ...file, outcome: await fetcher.fetch(file.url) });
    return { url, outcome, files };
  } finally {
    fetcher.close();
  }
}

/** Archives what fetchUrl brought: the portal (an ad-hoc one when `portalId` is null), a run, every exchange. */
export function storeFetched(db: Database, fetched: FetchedUrl, portalId: string | null): CapturedUrl {
  const target = new URL(fetched.url);
  const id = portalId ?? adhocPortalId(target);
  if (portalId === null) upsertPortal(db, { id, family: 'hanweb', baseUrl: target.origin, name: target.host, config: null });
  const runId = startRun(db, { kind: 'extract', crawlerVersion: CRAWLER_VERSION, options: { url: fetched.url } });
  const finalCaptureId = store(db, runId, id, fetched.url, 'report', fetched.outcome);
  for (const file of fetched.files) store(db, runId, id, file.url, file.purpose, file.outcome);
  finishRun(db, runId, { status: fetched.outcome.error === null ? 'ok' : 'partial', counts: { exchanges: fetched.outcome.exchanges.length, files: fetched.files.length } });
  return { portalId: id, finalCaptureId, error: fetched.outcome.error };
}

export async function captureUrl(db: Database, url: string, portalId: string | null, fetcherOptions: Partial<FetcherOptions> = {}): Promise<CapturedUrl> {
  return storeFetched(db, await fetchUrl(url, fetcherOptions), portalId);
}
