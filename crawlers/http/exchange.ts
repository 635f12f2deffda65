import type { NianbaoError } from '../../common/errors.ts';

/** One HTTP request/response pair as seen on the wire. Every exchange becomes a capture row. */
export interface Exchange {
  /** The URL this request was sent to (a redirect hop has its own exchange). */
  readonly url: string;
  readonly method: 'GET';
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** ISO timestamp when the request was sent. */
  readonly fetchedAt: string;
  /** HTTP status, or 0 when no response arrived (network error, timeout). */
  readonly status: number;
  /** Response headers, lower-cased names; multi-valued headers joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Response body as received, with Content-Encoding (gzip/deflate/br) undone; `headers` keep `content-encoding` and
   * `content-length` as sent, so they describe the wire, not this buffer. Partial for truncated or timed-out
   * transfers; raw (still encoded) when the coding was unknown or corrupt (error E_UNSUPPORTED_FORMAT).
   * Empty for 304, HEAD-like responses, refused oversize bodies and failures.
   */
  readonly body: Buffer;
  /** Set when this exchange failed (timeout, body over the limit, truncated body, network error). */
  readonly error: NianbaoError | null;
  readonly elapsedMs: number;
}

/** What fetching one URL produced: every exchange (retries and redirect hops included) and the outcome. */
export interface FetchOutcome {
  /** The URL originally asked for. */
  readonly requestedUrl: string;
  /** All exchanges in order: failed attempts, redirect hops, the final response. */
  readonly exchanges: readonly Exchange[];
  /** The last exchange that got a response, or null if none did. */
  readonly final: Exchange | null;
  /** URL of the final exchange (after redirects). */
  readonly finalUrl: string;
  /** Set when the fetch did not yield a usable response (after retries). HTTP 4xx/5xx finals set E_HTTP_STATUS. */
  readonly error: NianbaoError | null;
}

/** Validators from an earlier capture, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}
