/** When to try an exchange again, and how long to wait first (Retry-After or exponential backoff with jitter). */
import { RetryableError, type NianbaoError } from '../../common/errors.ts';
import type { Exchange } from './exchange.ts';

/** HTTP statuses worth another attempt. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly backoffBaseMs: number;
}

export type RetryDecision =
  /** The exchange is final: use it. */
  | { readonly kind: 'done' }
  /** Wait `waitMs`, then try again. `hostWide`: the server asked (Retry-After), so the whole host waits. */
  | { readonly kind: 'retry'; readonly waitMs: number; readonly hostWide: boolean }
  /** Do not try again; `error` says why (retries exhausted or Retry-After too long). */
  | { readonly kind: 'give-up'; readonly error: NianbaoError };

/**
 * Milliseconds a Retry-After header asks for, or null when absent or unreadable.
 * Accepts delta-seconds (`120`) and HTTP dates (`Wed, 21 Oct 2015 07:28:00 GMT`); dates in the past give 0.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return null; // not seconds and not a date (e.g. "-5")
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/**
 * Backoff before retry number `retry` (0 for the first retry): base·2^retry, "equal jitter"
 * (half fixed, half random), so attempt n waits between base·2^n/2 and base·2^n.
 */
export function backoffDelayMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = baseMs * 2 ** retry;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Is this exchange a transient failure (no response, timeout, truncated body, or a retryable status)? */
export function isRetryable(exchange: Exchange): boolean {
  if (exchange.error !== null) return exchange.error.action === 'retry';
  return RETRYABLE_STATUSES.has(exchange.status);
}

/** What to do after `exchange`, which was retry number `retriesDone` (0 = first attempt). */
export function decideRetry(exchange: Exchange, retriesDone: number, policy: RetryPolicy, now: Date): RetryDecision {
  if (!isRetryable(exchange)) return { kind: 'done' };
  if (retriesDone >= policy.maxRetries) {
    return { kind: 'give-up', error: exhaustedError(exchange, retriesDone + 1) };
  }
  const retryAfterMs = exchange.status === 0 ? null : parseRetryAfter(exchange.headers['retry-after'], now);
  if (retryAfterMs === null) {
    return { kind: 'retry', waitMs: backoffDelayMs(retriesDone, policy.backoffBaseMs), hostWide: false };
  }
  if (retryAfterMs > policy.maxRetryAfterMs) {
    return { kind: 'give-up', error: retryAfterTooLongError(exchange, retryAfterMs, policy.maxRetryAfterMs) };
  }
  return { kind: 'retry', waitMs: retryAfterMs, hostWide: true };
}

function exhaustedError(exchange: Exchange, attempts: number): NianbaoError {
  if (exchange.error !== null) return exchange.error;
  return new RetryableError(
    'E_HTTP_STATUS',
    `GET ${exchange.url}: HTTP ${exchange.status} after ${attempts} attempts; the server is failing, try again later`,
    { input: exchange.url },
  );
}

function retryAfterTooLongError(exchange: Exchange, waitMs: number, limitMs: number): NianbaoError {
  return new RetryableError(
    'E_HTTP_STATUS',
    `GET ${exchange.url}: HTTP ${exchange.status} with Retry-After ${Math.ceil(waitMs / 1000)} s, ` +
      `more than maxRetryAfterMs (${limitMs} ms); try again later or raise maxRetryAfterMs`,
    { input: exchange.url },
  );
}
