/**
 * Cookies the plain fetcher sends, per `host:port`: only those a real browser earned by passing a JavaScript
 * challenge on that host (crawlers/browser/). The fetcher keeps no other cookies. Expired cookies are dropped when
 * read; a host's cookies are cleared as soon as they stop working (the host challenges again).
 */
import { hostKey } from './host-queue.ts';

export interface JarCookie {
  readonly name: string;
  readonly value: string;
  /** Path prefix the cookie applies to. */
  readonly path: string;
  /** Expiry in ms since the epoch, or null for a session cookie (kept for the run). */
  readonly expiresMs: number | null;
}

export class CookieJar {
  readonly #hosts = new Map<string, readonly JarCookie[]>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Replace the cookies of the URL's host. */
  set(url: URL, cookies: readonly JarCookie[]): void {
    if (cookies.length === 0) this.#hosts.delete(hostKey(url));
    else this.#hosts.set(hostKey(url), [...cookies]);
  }

  clear(url: URL): void {
    this.#hosts.delete(hostKey(url));
  }

  /** Live cookies for this host and path. */
  cookiesFor(url: URL): JarCookie[] {
    const now = this.#now();
    return (this.#hosts.get(hostKey(url)) ?? []).filter((c) => (c.expiresMs === null || c.expiresMs > now) && url.pathname.startsWith(c.path));
  }

  /** The `Cookie` header value for a request to `url`, or null when the host has none. */
  headerFor(url: URL): string | null {
    const cookies = this.cookiesFor(url);
    return cookies.length === 0 ? null : cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
}
