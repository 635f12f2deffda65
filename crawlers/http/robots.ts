/**
 * robots.txt per origin, fetched once per run (per PoliteFetcher) and cached.
 *
 * The fetch goes through the same per-host queue, retries and redirect rules as pages, and every exchange is
 * reported to the fetcher's `onExchange(purpose 'robots', robotsUrl, exchange)` hook: that is how callers keep it as
 * evidence. What the outcome means (RFC 9309 §2.3.1):
 *  - 2xx                       → parse it (rules for `nianbao`, else `*`); Crawl-delay raises the host's gap.
 *  - 4xx except 429 (404, 410, also 401/403 per the RFC) → no rules: everything allowed.
 *  - 429, 5xx after retries, network failure, timeout, too many redirects, oversize body
 *                              → robots.txt unreachable: everything on that origin refused for this run
 *                                (E_ROBOTS_UNREACHABLE, retryable: the pages were not fetched, not forbidden).
 */
import { RetryableError, SkipError, type NianbaoError } from '../../common/errors.ts';
import { decodeBody } from '../../common/charset.ts';
import type { FetchOutcome } from './exchange.ts';
import { ALLOW_ALL, DISALLOW_ALL, isAllowedByRobots, parseRobots, type RobotsRules } from './robots-rules.ts';

export type RobotsStatus = 'parsed' | 'absent' | 'unreachable';

export interface RobotsEntry {
  readonly robotsUrl: string;
  readonly status: RobotsStatus;
  readonly rules: RobotsRules;
}

export interface RobotsCacheOptions {
  /** Fetch a robots.txt URL (following redirects, with retries); must not consult robots itself. */
  readonly fetchRobots: (robotsUrl: string) => Promise<FetchOutcome>;
  /** Called once per origin when its robots.txt is known (used to apply Crawl-delay). */
  readonly onLoaded: (robotsUrl: URL, entry: RobotsEntry) => void;
}

export class RobotsCache {
  readonly #options: RobotsCacheOptions;
  readonly #entries = new Map<string, Promise<RobotsEntry>>();

  constructor(options: RobotsCacheOptions) {
    this.#options = options;
  }

  /**
   * Null when `url` may be fetched; else SkipError E_ROBOTS_DISALLOWED (the site's rules say no), or RetryableError
   * E_ROBOTS_UNREACHABLE (robots.txt could not be fetched, so the origin is off limits this run: try again later).
   */
  async check(url: URL): Promise<NianbaoError | null> {
    const entry = await this.entryFor(url);
    if (isAllowedByRobots(entry.rules, url)) return null;
    if (entry.status === 'unreachable') {
      return new RetryableError('E_ROBOTS_UNREACHABLE', `GET ${url.href}: ${entry.robotsUrl} could not be fetched, so the whole site is off limits this run; try again later`, { input: url.href });
    }
    return new SkipError('E_ROBOTS_DISALLOWED', `GET ${url.href}: disallowed by ${entry.robotsUrl}; skip this URL (or run with robots disabled if the site agreed)`, { input: url.href });
  }

  /** The robots entry of the URL's origin, fetching it on first use. */
  entryFor(url: URL): Promise<RobotsEntry> {
    const origin = url.origin;
    let entry = this.#entries.get(origin);
    if (entry === undefined) {
      entry = this.#load(new URL('/robots.txt', origin));
      this.#entries.set(origin, entry);
    }
    return entry;
  }

  async #load(robotsUrl: URL): Promise<RobotsEntry> {
    const outcome = await this.#options.fetchRobots(robotsUrl.href);
    const entry = interpretRobots(robotsUrl.href, outcome);
    this.#options.onLoaded(robotsUrl, entry);
    return entry;
  }
}

/** Turn the outcome of fetching robots.txt into rules (see the table at the top of this file). */
export function interpretRobots(robotsUrl: string, outcome: FetchOutcome): RobotsEntry {
  const final = outcome.final;
  if (final !== null && final.error === null && final.status >= 200 && final.status < 300) {
    return { robotsUrl, status: 'parsed', rules: parseRobots(decodeBody(final.body, 'utf-8')) };
  }
  if (final !== null && final.error === null && final.status >= 400 && final.status < 500 && final.status !== 429) {
    return { robotsUrl, status: 'absent', rules: ALLOW_ALL };
  }
  return { robotsUrl, status: 'unreachable', rules: DISALLOW_ALL };
}
