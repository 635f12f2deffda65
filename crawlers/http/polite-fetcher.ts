/**
 * The polite, evidence-keeping fetcher: GET one URL and return every exchange it took.
 *
 * Per fetch: check the host (isHostAllowed) and robots.txt, run each attempt in the host's queue (gap between starts,
 * limited concurrency), retry transient failures (Retry-After on 429/503 defers the whole host; otherwise
 * exponential backoff), follow redirects by hand (each hop re-checked and recorded), and send the archive's
 * validators so an unchanged page answers 304.
 *
 * `fetch` never throws for HTTP or network trouble: it lands in `outcome.error` and in the failed exchange's
 * `error`. It does throw what `onExchange` throws (the caller's storage failing is the caller's to handle).
 * Validators are sent on every hop, since the archive usually stores them from the final response of the same
 * requested URL.
 */
import http from 'node:http';
import https from 'node:https';
import { SkipError, StopError, type NianbaoError } from '../../common/errors.ts';
import { ACCEPT_ENCODING } from './content-encoding.ts';
import { CookieJar } from './cookie-jar.ts';
import type { Exchange, FetchOutcome, Validators } from './exchange.ts';
import { headerSafe, resolveFetcherOptions, type ExchangePurpose, type FetcherOptions } from './fetcher-options.ts';
import { HostQueues, hostKey } from './host-queue.ts';
import { performExchange } from './http-exchange.ts';
import { buildOutcome, statusError } from './outcome.ts';
import { RedirectTracker, isRedirect, redirectTarget } from './redirects.ts';
import { decideRetry } from './retry-policy.ts';
import { RobotsCache, type RobotsEntry } from './robots.ts';

export type { FetcherOptions } from './fetcher-options.ts';

const ACCEPT: Readonly<Record<ExchangePurpose, string>> = {
  page: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  robots: 'text/plain,*/*;q=0.8',
};

interface AttemptResult {
  readonly exchanges: readonly Exchange[];
  /** Set when retrying stopped without a usable answer (exhausted, Retry-After too long, fetcher closed). */
  readonly error: NianbaoError | null;
}

export class PoliteFetcher {
  readonly options: FetcherOptions;
  /** Cookies a real browser earned on a host (a JavaScript challenge passed), sent with that host's requests. */
  readonly cookies: CookieJar;
  readonly #queues: HostQueues;
  readonly #closeListeners: (() => void)[] = [];
  readonly #robots: RobotsCache;
  readonly #agents: { readonly http: http.Agent; readonly https: https.Agent };
  #closed = false;

  constructor(options: Partial<FetcherOptions> = {}) {
    this.options = resolveFetcherOptions(options);
    this.cookies = new CookieJar(() => this.options.now().getTime());
    const { perHostConcurrency, perHostDelayMs, sleep, now } = this.options;
    this.#queues = new HostQueues({ concurrency: perHostConcurrency, delayMs: perHostDelayMs, sleep, now });
    this.#robots = new RobotsCache({
      fetchRobots: (robotsUrl) => this.#follow(new URL(robotsUrl), robotsUrl, 'robots', {}),
      onLoaded: (robotsUrl, entry) => this.#applyCrawlDelay(robotsUrl, entry),
    });
    this.#agents = {
      http: new http.Agent({ keepAlive: true, maxSockets: perHostConcurrency }),
      https: new https.Agent({ keepAlive: true, maxSockets: perHostConcurrency }),
    };
  }

  /** GET `url` politely; conditional when `validators` are given (an unchanged page answers 304, a success). */
  async fetch(url: string, validators?: Validators): Promise<FetchOutcome> {
    const start = parseHttpUrl(url);
    if (!(start instanceof URL)) return buildOutcome(url, url, [], start);
    return this.#follow(start, url, 'page', conditionalHeaders(validators));
  }

  /**
   * Run `task` for `url` under a fetch's rules — host allowed, robots.txt, the host's queue (gap between starts, one
   * at a time) — so other clients of a host (the browser path) stay as polite as this fetcher. The refusal instead.
   */
  async schedule<T>(url: string, task: () => Promise<T>): Promise<T | NianbaoError> {
    const parsed = parseHttpUrl(url);
    if (!(parsed instanceof URL)) return parsed;
    const refusal = await this.#refusal(parsed, 'page');
    if (refusal !== null) return refusal;
    return this.#queues.run(hostKey(parsed), task);
  }

  /** Called once when the fetcher closes (e.g. to close a browser started for it). */
  onClose(listener: () => void): void {
    this.#closeListeners.push(listener);
  }

  /**
   * When (ms since the epoch, on `options.now`) a request to `url`'s host may next start — its gap, robots.txt
   * Crawl-delay and Retry-After — so a scheduler can pick a host that is ready instead of queueing behind one that waits.
   */
  readyAt(url: string): number {
    try {
      return this.#queues.readyAtMs(hostKey(new URL(url)));
    } catch {
      return Number.NEGATIVE_INFINITY;
    }
  }

  /** Stop: later fetches and queued attempts end with StopError E_USAGE; open sockets are closed. */
  close(): void {
    if (!this.#closed) for (const listener of this.#closeListeners.splice(0)) listener();
    this.#closed = true;
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /** Fetch `start` and follow redirects; one outcome with every exchange. */
  async #follow(start: URL, requestedUrl: string, purpose: ExchangePurpose, extraHeaders: Readonly<Record<string, string>>): Promise<FetchOutcome> {
    const exchanges: Exchange[] = [];
    const tracker = new RedirectTracker(start, this.options.maxRedirects);
    let current = start;
    for (;;) {
      const refusal = await this.#refusal(current, purpose);
      if (refusal !== null) return buildOutcome(requestedUrl, current.href, exchanges, refusal);
      const attempt = await this.#attemptWithRetries(current, requestedUrl, purpose, extraHeaders);
      exchanges.push(...attempt.exchanges);
      const last = attempt.exchanges.at(-1);
      if (attempt.error !== null || last === undefined) return buildOutcome(requestedUrl, current.href, exchanges, attempt.error);
      if (!isRedirect(last)) return buildOutcome(requestedUrl, current.href, exchanges, last.error ?? statusError(last));
      const target = redirectTarget(last);
      const stop = target instanceof URL ? tracker.follow(last.url, target) : target;
      if (stop !== null || !(target instanceof URL)) return buildOutcome(requestedUrl, current.href, exchanges, stop);
      current = target;
    }
  }

  /** Why `url` must not be requested (closed, host not allowed, robots.txt), or null. */
  async #refusal(url: URL, purpose: ExchangePurpose): Promise<NianbaoError | null> {
    if (this.#closed) return closedError(url);
    if (!this.options.isHostAllowed(url)) {
      return new SkipError('E_HOST_NOT_ALLOWED', `GET ${url.href}: host ${url.hostname} is not allowed (isHostAllowed); add it to the portal's allowed hosts or skip this URL`, { input: url.href });
    }
    if (purpose === 'robots' || !this.options.respectRobots) return null;
    return this.#robots.check(url);
  }

  /** One URL, attempted until it answers, fails for good, or retries run out. */
  async #attemptWithRetries(url: URL, requestedUrl: string, purpose: ExchangePurpose, extraHeaders: Readonly<Record<string, string>>): Promise<AttemptResult> {
    const key = hostKey(url);
    const headers = this.#requestHeaders(url, purpose, extraHeaders);
    const exchanges: Exchange[] = [];
    for (let retry = 0; ; retry += 1) {
      const exchange = await this.#queues.run(key, () => this.#exchangeUnlessClosed(url, headers));
      if (exchange === null) return { exchanges, error: closedError(url) };
      exchanges.push(exchange);
      this.options.onExchange?.(purpose, requestedUrl, exchange);
      const decision = decideRetry(exchange, retry, this.options, this.options.now());
      if (decision.kind === 'done') return { exchanges, error: null };
      if (decision.kind === 'give-up') return { exchanges, error: decision.error };
      if (decision.hostWide) this.#queues.deferFor(key, decision.waitMs);
      else await this.options.sleep(decision.waitMs);
    }
  }

  async #exchangeUnlessClosed(url: URL, headers: Readonly<Record<string, string>>): Promise<Exchange | null> {
    if (this.#closed) return null;
    const { timeoutMs, maxBodyBytes, now } = this.options;
    return performExchange({ url, headers, timeoutMs, maxBodyBytes, now, agents: this.#agents });
  }

  #requestHeaders(url: URL, purpose: ExchangePurpose, extra: Readonly<Record<string, string>>): Record<string, string> {
    const cookie = this.cookies.headerFor(url);
    return {
      ...(cookie === null ? {} : { cookie }),
      host: url.host,
      'user-agent': headerSafe(this.options.userAgent),
      accept: ACCEPT[purpose],
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
      'accept-encoding': ACCEPT_ENCODING,
      ...extra,
    };
  }

  #applyCrawlDelay(robotsUrl: URL, entry: RobotsEntry): void {
    const delay = entry.rules.crawlDelayMs;
    if (delay !== null) this.#queues.raiseDelay(hostKey(robotsUrl), Math.min(delay, this.options.maxCrawlDelayMs));
  }
}

/** If-None-Match / If-Modified-Since from an earlier capture's validators (values unusable in a header are dropped). */
export function conditionalHeaders(validators: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (isHeaderValue(validators?.etag)) headers['if-none-match'] = validators.etag;
  if (isHeaderValue(validators?.lastModified)) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

function isHeaderValue(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '' && /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}

function parseHttpUrl(url: string): URL | NianbaoError {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new SkipError('E_HOST_NOT_ALLOWED', `GET ${url}: not a valid absolute URL; fix the link or skip it`, { input: url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return new SkipError('E_HOST_NOT_ALLOWED', `GET ${url}: only http and https URLs are fetched; skip this URL`, { input: url });
  }
  parsed.hash = '';
  return parsed;
}

function closedError(url: URL): NianbaoError {
  return new StopError('E_USAGE', `GET ${url.href}: the fetcher was closed; create a new PoliteFetcher to fetch again`, { input: url.href });
}
