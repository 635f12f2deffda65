/** Manual redirect following: which statuses redirect, where to, and when to stop (loops, too many hops). */
import { SkipError, type NianbaoError } from '../../common/errors.ts';
import type { Exchange } from './exchange.ts';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export function isRedirect(exchange: Exchange): boolean {
  return exchange.error === null && REDIRECT_STATUSES.has(exchange.status);
}

/**
 * The absolute target of a redirect exchange, or a SkipError when Location is missing or unusable.
 * Raw non-ASCII bytes in Location (GBK file names are common) are percent-encoded byte for byte, as browsers do.
 */
export function redirectTarget(exchange: Exchange): URL | NianbaoError {
  const location = exchange.headers['location'];
  const url = exchange.url;
  if (location === undefined || location.trim() === '') {
    return new SkipError('E_HTTP_STATUS', `GET ${url}: HTTP ${exchange.status} without a Location header; nothing to follow, skip this URL`, { input: url });
  }
  const encoded = location.trim().replace(/[\u0080-\u00ff]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  let target: URL;
  try {
    target = new URL(encoded, url);
  } catch {
    return new SkipError('E_HTTP_STATUS', `GET ${url}: HTTP ${exchange.status} to an invalid Location "${location}"; skip this URL`, { input: url });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return new SkipError('E_HOST_NOT_ALLOWED', `GET ${url}: redirect to a non-HTTP URL ${target.href}; skip this URL`, { input: url });
  }
  target.hash = '';
  return target;
}

/** Counts hops and remembers visited URLs of one fetch. */
export class RedirectTracker {
  readonly #maxRedirects: number;
  readonly #visited = new Set<string>();
  #hops = 0;

  constructor(startUrl: URL, maxRedirects: number) {
    this.#maxRedirects = maxRedirects;
    this.#visited.add(startUrl.href);
  }

  /** Record a hop from `from` to `target`; an error when it loops or goes past maxRedirects. */
  follow(from: string, target: URL): NianbaoError | null {
    this.#hops += 1;
    if (this.#visited.has(target.href)) {
      return new SkipError('E_TOO_MANY_REDIRECTS', `GET ${from}: redirect loop back to ${target.href}; the site is misconfigured, skip this URL`, { input: from });
    }
    if (this.#hops > this.#maxRedirects) {
      return new SkipError('E_TOO_MANY_REDIRECTS', `GET ${from}: more than ${this.#maxRedirects} redirects (maxRedirects); skip this URL or raise maxRedirects`, { input: from });
    }
    this.#visited.add(target.href);
    return null;
  }
}
