import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { startFixtureServer, testOptions, type FixtureServer } from './fixture-server.ts';

const DELAY = 80;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  for (const path of ['/a', '/b', '/c']) {
    server.route(path, (_req, res) => {
      res.writeHead(200).end(path);
    });
  }
  server.route('/slow', (_req, res) => {
    setTimeout(() => res.writeHead(200).end('slow'), 60);
  });
});

afterAll(async () => {
  await server.close();
});

const arrivals = (host: string, since: number): number[] =>
  server.received.filter((r) => r.host.startsWith(host) && r.at >= since).map((r) => r.at);

describe('PoliteFetcher: per-host politeness', () => {
  it('starts requests to one host at least perHostDelayMs apart, and other hosts in parallel', async () => {
    const fetcher = new PoliteFetcher(testOptions({ perHostDelayMs: DELAY }));
    const since = performance.now();
    const outcomes = await Promise.all([
      fetcher.fetch(server.url('/a')),
      fetcher.fetch(server.url('/b')),
      fetcher.fetch(server.url('/c')),
      fetcher.fetch(server.url('/a', 'localhost')),
    ]);
    fetcher.close();
    expect(outcomes.every((o) => o.error === null)).toBe(true);
    // request starts as the fetcher stamped them (real clock, ms resolution, stamped a tick after release)
    const starts = outcomes.slice(0, 3).map((o) => Date.parse(o.exchanges[0]?.fetchedAt ?? '')).sort((x, y) => x - y);
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(DELAY - 5);
    expect((starts[2] ?? 0) - (starts[1] ?? 0)).toBeGreaterThanOrEqual(DELAY - 5);
    // and as the server saw them: one arrival late by a busy event loop shortens one gap and lengthens the next,
    // so the server-side check is on the span of the three arrivals (a sanity check only)
    const local = arrivals('127.0.0.1', since);
    expect(local).toHaveLength(3);
    expect((local[2] ?? 0) - (local[0] ?? 0)).toBeGreaterThanOrEqual(1.5 * DELAY);
    const other = arrivals('localhost', since);
    expect(other).toHaveLength(1);
    expect(Math.abs((other[0] ?? 0) - (local[0] ?? 0))).toBeLessThan(DELAY / 2);
  });

  it('runs up to perHostConcurrency requests to one host at once', async () => {
    const serial = new PoliteFetcher(testOptions({ perHostConcurrency: 1 }));
    let started = performance.now();
    await Promise.all([serial.fetch(server.url('/slow')), serial.fetch(server.url('/slow'))]);
    const serialMs = performance.now() - started;
    serial.close();
    const parallel = new PoliteFetcher(testOptions({ perHostConcurrency: 2 }));
    started = performance.now();
    await Promise.all([parallel.fetch(server.url('/slow')), parallel.fetch(server.url('/slow'))]);
    const parallelMs = performance.now() - started;
    parallel.close();
    expect(serialMs).toBeGreaterThanOrEqual(115);
    expect(parallelMs).toBeLessThan(serialMs);
  });
});
