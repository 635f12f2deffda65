/** Building a FetchOutcome from the exchanges of one fetch, and the error a final HTTP status implies. */
import { RetryableError, SkipError, type NianbaoError } from '../../common/errors.ts';
import type { Exchange, FetchOutcome } from './exchange.ts';

/**
 * The error a final response's status implies: none for 2xx and 304; SkipError for other 3xx and 4xx (a 404 is an
 * answer the caller interprets: the outcome still has `final`); RetryableError for 5xx and 429.
 */
export function statusError(exchange: Exchange): NianbaoError | null {
  const { status, url } = exchange;
  if ((status >= 200 && status < 300) || status === 304) return null;
  if (status === 429 || status >= 500) {
    return new RetryableError('E_HTTP_STATUS', `GET ${url}: HTTP ${status}; the server is failing or busy, try again later`, { input: url });
  }
  return new SkipError('E_HTTP_STATUS', `GET ${url}: HTTP ${status}; the server refused or does not have it, skip this URL`, { input: url });
}

/** Assemble an outcome; `final` is the last exchange that got a response. */
export function buildOutcome(
  requestedUrl: string,
  lastUrl: string,
  exchanges: readonly Exchange[],
  error: NianbaoError | null,
): FetchOutcome {
  const final = [...exchanges].reverse().find((exchange) => exchange.status !== 0) ?? null;
  return {
    requestedUrl,
    exchanges,
    final,
    finalUrl: final?.url ?? lastUrl,
    error,
  };
}
