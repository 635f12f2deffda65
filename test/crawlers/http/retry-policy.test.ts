import { describe, expect, it } from 'vitest';
import { RetryableError, SkipError } from '../../../common/errors.ts';
import type { Exchange } from '../../../crawlers/http/exchange.ts';
import { backoffDelayMs, decideRetry, parseRetryAfter } from '../../../crawlers/http/retry-policy.ts';

const NOW = new Date(Date.UTC(2025, 0, 15, 8, 0, 0));
const POLICY = { maxRetries: 3, maxRetryAfterMs: 120_000, backoffBaseMs: 1000 };

function exchange(status: number, headers: Record<string, string> = {}, error: Exchange['error'] = null): Exchange {
  return { url: 'http://x.gov.cn/a', method: 'GET', requestHeaders: {}, fetchedAt: NOW.toISOString(), status, headers, body: Buffer.alloc(0), error, elapsedMs: 1 };
}

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', NOW)).toBe(1000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  it('reads HTTP dates relative to now, past dates as 0', () => {
    expect(parseRetryAfter('Wed, 15 Jan 2025 08:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 07:00:00 GMT', NOW)).toBe(0);
  });

  it('returns null for absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  it('doubles per retry with jitter between half and full', () => {
    expect(backoffDelayMs(0, 1000, () => 0)).toBe(500);
    expect(backoffDelayMs(0, 1000, () => 1)).toBe(1000);
    expect(backoffDelayMs(2, 1000, () => 0)).toBe(2000);
    expect(backoffDelayMs(2, 1000, () => 1)).toBe(4000);
  });
});

describe('decideRetry', () => {
  it('is done for answers that are not transient', () => {
    for (const status of [200, 304, 301, 404, 403, 501]) expect(decideRetry(exchange(status), 0, POLICY, NOW)).toEqual({ kind: 'done' });
    const tooLarge = new SkipError('E_BODY_TOO_LARGE', 'x');
    expect(decideRetry(exchange(200, {}, tooLarge), 0, POLICY, NOW)).toEqual({ kind: 'done' });
  });

  it('retries 429/5xx and failures, honouring Retry-After host-wide', () => {
    expect(decideRetry(exchange(503, { 'retry-after': '2' }), 0, POLICY, NOW)).toEqual({ kind: 'retry', waitMs: 2000, hostWide: true });
    const backoff = decideRetry(exchange(502), 1, POLICY, NOW);
    expect(backoff).toMatchObject({ kind: 'retry', hostWide: false });
    const timeout = decideRetry(exchange(0, {}, new RetryableError('E_TIMEOUT', 'x')), 0, POLICY, NOW);
    expect(timeout).toMatchObject({ kind: 'retry', hostWide: false });
  });

  it('gives up after maxRetries, keeping the failure code', () => {
    const fivexx = decideRetry(exchange(500), 3, POLICY, NOW);
    expect(fivexx.kind === 'give-up' && fivexx.error.code).toBe('E_HTTP_STATUS');
    expect(fivexx.kind === 'give-up' && fivexx.error.action).toBe('retry');
    const network = decideRetry(exchange(0, {}, new RetryableError('E_NETWORK', 'x')), 3, POLICY, NOW);
    expect(network.kind === 'give-up' && network.error.code).toBe('E_NETWORK');
  });

  it('gives up when Retry-After exceeds maxRetryAfterMs', () => {
    const decision = decideRetry(exchange(429, { 'retry-after': '3600' }), 0, POLICY, NOW);
    expect(decision.kind).toBe('give-up');
    expect(decision.kind === 'give-up' && decision.error.code).toBe('E_HTTP_STATUS');
    expect(decision.kind === 'give-up' && decision.error.action).toBe('retry');
  });
});
