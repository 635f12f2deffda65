import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { fakeClock, startFixtureServer, testOptions, type FixtureServer } from './fixture-server.ts';

const CLOCK_START = Date.UTC(2025, 0, 15, 8, 0, 0);
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/busy-twice', (_req, res, hit) => {
    if (hit <= 2) res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' }).end('busy');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  server.route('/rate-limited', (_req, res, hit) => {
    const retryAt = new Date(CLOCK_START + 5000).toUTCString();
    if (hit === 1) res.writeHead(429, { 'retry-after': retryAt }).end('slow down');
    else res.writeHead(200).end('ok');
  });
  server.route('/always-500', (_req, res) => {
    res.writeHead(500).end('broken');
  });
  server.route('/come-back-tomorrow', (_req, res) => {
    res.writeHead(503, { 'retry-after': '86400' }).end('maintenance');
  });
  server.route('/stall-after-headers', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
    res.write('<html>');
  });
  server.route('/stall-before-headers', () => {
    // never answers
  });
  server.route('/flaky-truncated', (_req, res, hit) => {
    if (hit === 1) {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('x'.repeat(100), () => res.socket?.destroy());
    } else {
      res.writeHead(200, { 'content-length': '4' }).end('done');
    }
  });
});

afterAll(async () => {
  await server.close();
});

describe('PoliteFetcher: retries', () => {
  it('retries 503 twice after Retry-After: 1, then succeeds; every attempt is an exchange', async () => {
    const clock = fakeClock(CLOCK_START);
    const fetcher = new PoliteFetcher(testOptions({ now: clock.now, sleep: clock.sleep }));
    const outcome = await fetcher.fetch(server.url('/busy-twice'));
    fetcher.close();
    expect(outcome.error).toBeNull();
    expect(outcome.exchanges.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(outcome.final?.body.toString()).toBe('ok');
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(outcome.exchanges.map((e) => Date.parse(e.fetchedAt) - CLOCK_START)).toEqual([0, 1000, 2000]);
  });

  it('honours Retry-After given as an HTTP date on 429', async () => {
    const clock = fakeClock(CLOCK_START);
    const fetcher = new PoliteFetcher(testOptions({ now: clock.now, sleep: clock.sleep }));
    const outcome = await fetcher.fetch(server.url('/rate-limited'));
    fetcher.close();
    expect(outcome.exchanges.map((e) => e.status)).toEqual([429, 200]);
    expect(outcome.error).toBeNull();
    expect(clock.sleeps).toEqual([5000]);
  });

  it('gives up on a failing server after maxRetries with a retry-type E_HTTP_STATUS', async () => {
    const clock = fakeClock(CLOCK_START);
    const fetcher = new PoliteFetcher(testOptions({ now: clock.now, sleep: clock.sleep, backoffBaseMs: 1000 }));
    const outcome = await fetcher.fetch(server.url('/always-500'));
    fetcher.close();
    expect(outcome.exchanges).toHaveLength(4);
    expect(outcome.final?.status).toBe(500);
    expect(outcome.error?.code).toBe('E_HTTP_STATUS');
    expect(outcome.error?.action).toBe('retry');
    // exponential backoff with jitter: retry n waits within [base·2^n / 2, base·2^n]
    expect(clock.sleeps).toHaveLength(3);
    clock.sleeps.forEach((ms, n) => {
      expect(ms).toBeGreaterThanOrEqual(500 * 2 ** n);
      expect(ms).toBeLessThanOrEqual(1000 * 2 ** n);
    });
  });

  it('gives up at once when Retry-After is longer than maxRetryAfterMs', async () => {
    const clock = fakeClock(CLOCK_START);
    const fetcher = new PoliteFetcher(testOptions({ now: clock.now, sleep: clock.sleep }));
    const outcome = await fetcher.fetch(server.url('/come-back-tomorrow'));
    fetcher.close();
    expect(outcome.exchanges).toHaveLength(1);
    expect(outcome.error?.code).toBe('E_HTTP_STATUS');
    expect(outcome.error?.action).toBe('retry');
    expect(clock.sleeps).toEqual([]);
  });

  it('ends a server that stalls after the headers in E_TIMEOUT, keeping status and partial body', async () => {
    const fetcher = new PoliteFetcher(testOptions({ timeoutMs: 150, maxRetries: 1 }));
    const outcome = await fetcher.fetch(server.url('/stall-after-headers'));
    fetcher.close();
    expect(outcome.exchanges).toHaveLength(2);
    expect(outcome.exchanges.map((e) => e.error?.code)).toEqual(['E_TIMEOUT', 'E_TIMEOUT']);
    expect(outcome.final?.status).toBe(200);
    expect(outcome.final?.body.toString()).toBe('<html>');
    expect(outcome.error?.code).toBe('E_TIMEOUT');
    expect(outcome.error?.action).toBe('retry');
    expect(outcome.exchanges[0]?.elapsedMs).toBeGreaterThanOrEqual(140);
  });

  it('ends a server that never answers in E_TIMEOUT with status 0 and no final', async () => {
    const fetcher = new PoliteFetcher(testOptions({ timeoutMs: 100, maxRetries: 0 }));
    const outcome = await fetcher.fetch(server.url('/stall-before-headers'));
    fetcher.close();
    expect(outcome.exchanges).toHaveLength(1);
    expect(outcome.exchanges[0]?.status).toBe(0);
    expect(outcome.final).toBeNull();
    expect(outcome.finalUrl).toBe(server.url('/stall-before-headers'));
    expect(outcome.error?.code).toBe('E_TIMEOUT');
  });

  it('records a truncated body as E_TRUNCATED with the partial bytes, then retries', async () => {
    const fetcher = new PoliteFetcher(testOptions());
    const outcome = await fetcher.fetch(server.url('/flaky-truncated'));
    fetcher.close();
    expect(outcome.exchanges).toHaveLength(2);
    const [first, second] = outcome.exchanges;
    expect(first?.error?.code).toBe('E_TRUNCATED');
    expect(first?.error?.action).toBe('retry');
    expect(first?.body.length).toBe(100);
    expect(second?.error).toBeNull();
    expect(outcome.error).toBeNull();
    expect(outcome.final?.body.toString()).toBe('done');
  });

  it('records a refused connection as E_NETWORK with status 0, retried', async () => {
    const closedPort = await unusedPort();
    const fetcher = new PoliteFetcher(testOptions({ maxRetries: 2 }));
    const outcome = await fetcher.fetch(`http://127.0.0.1:${closedPort}/`);
    fetcher.close();
    expect(outcome.exchanges).toHaveLength(3);
    expect(outcome.exchanges.every((e) => e.status === 0 && e.error?.code === 'E_NETWORK')).toBe(true);
    expect(outcome.final).toBeNull();
    expect(outcome.error?.code).toBe('E_NETWORK');
  });
});

async function unusedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
