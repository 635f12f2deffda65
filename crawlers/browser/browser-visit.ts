/**
 * One page loaded in a real browser, every request it makes recorded as an Exchange with the same evidence as a
 * plain fetch (URL, request headers, time, status, response headers, bytes, elapsed time).
 *
 * Every request of the page is intercepted and performed by `route.fetch` inside the plain fetcher's `schedule`, so
 * the browser obeys the same rules as the plain fetcher: hosts allowed, robots.txt, one request at a time per host with
 * the host's gap. Redirects are not followed by the fetch but handed back to the browser, so each hop is its own
 * exchange. A request the rules refuse is aborted (and not recorded: nothing was sent).
 *
 * Images, fonts, media and style sheets are not loaded: passing a challenge needs the documents, scripts and XHR
 * only, and the report's images are fetched by the plain fetcher like any other page's (captured once, not twice).
 *
 * The visit waits until the page's main document is an answer that is not a challenge (the challenge's script set
 * its cookie and reloaded), then for the page's load; or until the page sits idle after loading (IDLE_MS: its
 * script is not going to reload it), or the time limit.
 */
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { RetryableError, isNianbaoError } from '../../common/errors.ts';
import type { Exchange } from '../http/exchange.ts';
import { headerSafe } from '../http/fetcher-options.ts';
import type { PoliteFetcher } from '../http/polite-fetcher.ts';
import type { JarCookie } from '../http/cookie-jar.ts';
import { detectChallenge } from './challenge.ts';

export interface BrowserVisit {
  /** Every exchange of the visit; the page's last main-document answer comes last. */
  readonly exchanges: readonly Exchange[];
  /** The page's last main-document answer, or null when none came. */
  readonly document: Exchange | null;
  /** The document is an answer that is not a challenge. */
  readonly passed: boolean;
  /** Cookies the browser holds for the page's origin afterwards. */
  readonly cookies: readonly JarCookie[];
}

const POLL_MS = 50;
/** A challenge page that has loaded and then made no request for this long is not going to pass. */
const IDLE_MS = 5_000;
/** Resource types a challenge visit does not load (nothing is sent for them, so nothing is recorded). */
const SKIPPED_TYPES: ReadonlySet<string> = new Set(['image', 'media', 'font', 'stylesheet']);

export async function visitInBrowser(browser: Browser, fetcher: PoliteFetcher, url: string, timeoutMs: number): Promise<BrowserVisit> {
  const context = await browser.newContext({
    userAgent: headerSafe(fetcher.options.userAgent),
    locale: 'zh-CN',
    serviceWorkers: 'block',
    extraHTTPHeaders: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
  });
  const state: VisitState = { exchanges: [], documents: [], loads: 0, pending: new Set(), lastActivity: performance.now() };
  try {
    await context.route('**/*', (route) => track(state, handleRoute(route, fetcher, timeoutMs, state)));
    const page = await context.newPage();
    page.on('load', () => {
      state.loads += 1;
      state.lastActivity = performance.now();
    });
    await blockFavicon(context, page);
    const deadline = performance.now() + timeoutMs;
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs }).catch(() => undefined);
    await waitUntil(page, deadline, () => isPassed(state.documents.at(-1)?.exchange) || isIdle(state));
    const last = state.documents.at(-1);
    const passed = isPassed(last?.exchange);
    // The document that passed loads (its scripts, XHR) before the visit ends.
    if (passed && last !== undefined) await waitUntil(page, deadline, () => state.loads > last.loadsBefore);
    const document = last?.exchange ?? null;
    const cookies = await jarCookies(context, url);
    await page.close().catch(() => undefined);
    // Requests still under way when the page closed are recorded too: they reached the server.
    await Promise.allSettled([...state.pending]);
    const exchanges = state.exchanges;
    const others = exchanges.filter((ex) => ex !== document);
    return { exchanges: document === null ? others : [...others, document], document, passed, cookies };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Chromium fetches /favicon.ico outside request interception (so outside the host queue and the evidence): blocked. */
async function blockFavicon(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: ['*/favicon.ico'] });
}

async function waitUntil(page: Page, deadline: number, done: () => boolean): Promise<void> {
  while (!done() && performance.now() < deadline) await page.waitForTimeout(POLL_MS);
}

interface VisitState {
  readonly exchanges: Exchange[];
  /** Main-document answers, with how many page loads had happened before each. */
  readonly documents: { readonly exchange: Exchange; readonly loadsBefore: number }[];
  loads: number;
  readonly pending: Set<Promise<void>>;
  /** When a request last started or ended, or a page last loaded. */
  lastActivity: number;
}

/** The page loaded, nothing is under way, and nothing happened for IDLE_MS: its script will not reload it. */
function isIdle(state: VisitState): boolean {
  return state.loads > 0 && state.pending.size === 0 && performance.now() - state.lastActivity > IDLE_MS;
}

function track(state: VisitState, work: Promise<void>): Promise<void> {
  state.pending.add(work);
  state.lastActivity = performance.now();
  return work.finally(() => {
    state.pending.delete(work);
    state.lastActivity = performance.now();
  });
}

function isPassed(document: Exchange | undefined): boolean {
  if (document === undefined || document.error !== null) return false;
  if (document.status >= 300 && document.status < 400) return false;
  return document.status === 304 || (document.status >= 200 && document.status < 300 && detectChallenge(document) === null);
}

async function handleRoute(route: Route, fetcher: PoliteFetcher, timeoutMs: number, state: VisitState): Promise<void> {
  const request = route.request();
  const url = request.url();
  if (!/^https?:/i.test(url)) {
    await route.continue().catch(() => undefined);
    return;
  }
  if (SKIPPED_TYPES.has(request.resourceType())) {
    await route.abort('blockedbyclient').catch(() => undefined);
    return;
  }
  const requestHeaders = await request.allHeaders().catch(() => request.headers());
  const isDocument = request.isNavigationRequest() && request.frame().parentFrame() === null;
  const result = await fetcher.schedule(url, () => fetchForBrowser(route, fetcher, url, requestHeaders, timeoutMs));
  if (isNianbaoError(result)) {
    await route.abort('blockedbyclient').catch(() => undefined);
    return;
  }
  state.exchanges.push(result.exchange);
  if (isDocument) state.documents.push({ exchange: result.exchange, loadsBefore: state.loads });
  if (result.fulfil === null) await route.abort('failed').catch(() => undefined);
  else await route.fulfill(result.fulfil).catch(() => undefined);
}

interface Fetched {
  readonly exchange: Exchange;
  readonly fulfil: { status: number; headers: Record<string, string>; body: Buffer } | null;
}

async function fetchForBrowser(route: Route, fetcher: PoliteFetcher, url: string, requestHeaders: Record<string, string>, timeoutMs: number): Promise<Fetched> {
  const fetchedAt = fetcher.options.now().toISOString();
  const started = performance.now();
  const base = { url, method: 'GET' as const, requestHeaders, fetchedAt };
  try {
    const response = await route.fetch({ maxRedirects: 0, timeout: timeoutMs });
    const body = await response.body().catch(() => Buffer.alloc(0));
    const headers = joinHeaders(response.headersArray());
    const exchange: Exchange = { ...base, status: response.status(), headers, body, error: null, elapsedMs: Math.round(performance.now() - started) };
    return { exchange, fulfil: { status: response.status(), headers: fulfilHeaders(response.headersArray()), body } };
  } catch (cause) {
    const error = new RetryableError('E_NETWORK', `GET ${url} (browser): ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}; try again later`, { input: url, cause });
    return { exchange: { ...base, status: 0, headers: {}, body: Buffer.alloc(0), error, elapsedMs: Math.round(performance.now() - started) }, fulfil: null };
  }
}

/** Lower-cased names, repeated headers joined with ', ' (as the plain fetcher records them). */
function joinHeaders(entries: readonly { name: string; value: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, value } of entries) {
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  return headers;
}

/** Headers handed to the browser: the body is already decoded, so no content-encoding/length; Set-Cookie kept one per line. */
function fulfilHeaders(entries: readonly { name: string; value: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, value } of entries) {
    const key = name.toLowerCase();
    if (key === 'content-encoding' || key === 'content-length' || key === 'transfer-encoding') continue;
    headers[key] = headers[key] === undefined ? value : `${headers[key]}${key === 'set-cookie' ? '\n' : ', '}${value}`;
  }
  return headers;
}

async function jarCookies(context: BrowserContext, url: string): Promise<JarCookie[]> {
  const cookies = await context.cookies([url]).catch(() => []);
  return cookies.map((c) => ({ name: c.name, value: c.value, path: c.path || '/', expiresMs: c.expires > 0 ? Math.round(c.expires * 1000) : null }));
}
