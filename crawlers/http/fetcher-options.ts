/** Options of the polite fetcher, their defaults and their validation. */
import { StopError } from '../../common/errors.ts';
import packageJson from '../../package.json' with { type: 'json' };
import type { Exchange } from './exchange.ts';

/** What an exchange was for: the robots.txt of an origin, or a page asked for through `fetch`. */
export type ExchangePurpose = 'robots' | 'page';

/** Called once per exchange as soon as it completes (before the outcome is returned): the evidence hook. */
export type ExchangeListener = (purpose: ExchangePurpose, requestedUrl: string, exchange: Exchange) => void;

export interface FetcherOptions {
  /**
   * Default `nianbao/<version> (+archive of 政府信息公开工作年度报告)`. The robots.txt token is always `nianbao`.
   * HTTP header values must be ASCII, so non-ASCII runs are percent-encoded on the wire (see `headerSafe`);
   * the exchange's `requestHeaders` record what was sent.
   */
  readonly userAgent: string;
  /** Default 1000: minimum gap between request starts to the same `host:port`. robots.txt Crawl-delay can raise it. */
  readonly perHostDelayMs: number;
  /** Default 1: requests in flight at once per `host:port`. */
  readonly perHostConcurrency: number;
  /** Default 30000: total time for one exchange (connect + headers + body); past it the exchange ends in E_TIMEOUT. */
  readonly timeoutMs: number;
  /** Default 50 MiB: cap on the body, both as received and after Content-Encoding decoding (E_BODY_TOO_LARGE). */
  readonly maxBodyBytes: number;
  /** Default 3: attempts after the first, for network errors, timeouts, truncated bodies, 429, 500, 502, 503, 504. */
  readonly maxRetries: number;
  /** Default 5: redirect hops followed per fetch. */
  readonly maxRedirects: number;
  /** Default 120000: Retry-After (seconds or HTTP date) is honoured up to this; longer → give up (E_HTTP_STATUS). */
  readonly maxRetryAfterMs: number;
  /** Default 1000: base of the exponential backoff (with jitter) used when there is no Retry-After. */
  readonly backoffBaseMs: number;
  /** Default true: fetch and obey /robots.txt of each origin (see robots.ts). */
  readonly respectRobots: boolean;
  /** Default 30000: cap on a robots.txt Crawl-delay (a site asking for an hour between requests gets this). */
  readonly maxCrawlDelayMs: number;
  /** Default: hostname is `gov.cn` or ends with `.gov.cn`. Checked for the first URL and every redirect target. */
  readonly isHostAllowed: (url: URL) => boolean;
  /** Default: real timers. Injected in tests (fake clock). Used for backoff and per-host gaps. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Default: `new Date()`. Used for `fetchedAt`, Retry-After dates and per-host gaps. */
  readonly now: () => Date;
  /** Default: none. Receives every exchange (robots.txt ones included) as evidence. */
  readonly onExchange: ExchangeListener | undefined;
}

export const NIANBAO_VERSION: string = packageJson.version;

/** The hosts we trust by default: the .gov.cn namespace (SEO mirrors of government pages live elsewhere). */
export function isGovCnHost(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = Object.freeze({
  userAgent: `nianbao/${NIANBAO_VERSION} (+archive of 政府信息公开工作年度报告)`,
  perHostDelayMs: 1000,
  perHostConcurrency: 1,
  timeoutMs: 30_000,
  maxBodyBytes: 50 * 1024 * 1024,
  maxRetries: 3,
  maxRedirects: 5,
  maxRetryAfterMs: 120_000,
  backoffBaseMs: 1000,
  respectRobots: true,
  maxCrawlDelayMs: 30_000,
  isHostAllowed: isGovCnHost,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => new Date(),
  onExchange: undefined,
});

type NumberKey = {
  [K in keyof FetcherOptions]: FetcherOptions[K] extends number ? K : never;
}[keyof FetcherOptions];

/** Smallest allowed value per numeric option. */
const NUMBER_MINIMUM: Readonly<Record<NumberKey, number>> = {
  perHostDelayMs: 0,
  perHostConcurrency: 1,
  timeoutMs: 1,
  maxBodyBytes: 0,
  maxRetries: 0,
  maxRedirects: 0,
  maxRetryAfterMs: 0,
  backoffBaseMs: 0,
  maxCrawlDelayMs: 0,
};

/** Defaults merged with the given options; unknown keys and bad values are rejected with StopError E_CONFIG_INVALID. */
export function resolveFetcherOptions(options: Partial<FetcherOptions> = {}): FetcherOptions {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_FETCHER_OPTIONS)) {
      throw configError(`unknown fetcher option "${key}"; expected one of ${Object.keys(DEFAULT_FETCHER_OPTIONS).join(', ')}`);
    }
  }
  const resolved: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, ...withoutUndefined(options) };
  for (const key of Object.keys(NUMBER_MINIMUM) as NumberKey[]) {
    const value = resolved[key];
    const minimum = NUMBER_MINIMUM[key];
    if (!Number.isInteger(value) || value < minimum) {
      throw configError(`fetcher option ${key}: expected an integer ≥ ${minimum}, got ${String(value)}`);
    }
  }
  if (resolved.userAgent.trim() === '' || /[\x00-\x1f\x7f]/.test(resolved.userAgent)) {
    throw configError(`fetcher option userAgent: expected a non-empty string without control characters, got ${JSON.stringify(resolved.userAgent)}`);
  }
  return resolved;
}

/** A header value safe to send: runs of non-ASCII characters percent-encoded as UTF-8. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e\t]+/g, (run) => encodeURIComponent(run));
}

function withoutUndefined(options: Partial<FetcherOptions>): Partial<FetcherOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<FetcherOptions>;
}

function configError(message: string): StopError {
  return new StopError('E_CONFIG_INVALID', message);
}
