import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { startFixtureServer, testOptions, type FixtureServer } from './fixture-server.ts';

const LIMIT = 10_000;
let server: FixtureServer;
let fetcher: PoliteFetcher;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/big-declared', (_req, res) => {
    res.writeHead(200, { 'content-length': String(LIMIT * 5) }).end(Buffer.alloc(LIMIT * 5, 0x61));
  });
  server.route('/big-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    for (let i = 0; i < 30; i += 1) res.write(Buffer.alloc(1000, 0x62));
    res.end();
  });
  server.route('/exactly-limit', (_req, res) => {
    res.writeHead(200).end(Buffer.alloc(LIMIT, 0x63));
  });
  const bomb = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024, 0)); // ~10 KB that inflate to 10 MiB
  server.route('/gzip-bomb', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb);
  });
  server.route('/truncated', (_req, res) => {
    res.writeHead(200, { 'content-length': '5000' });
    res.write('y'.repeat(1200), () => res.socket?.destroy());
  });
  server.route('/truncated-gzip', (_req, res) => {
    const gz = zlib.gzipSync(Buffer.from('公开年报'.repeat(2000)));
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(gz.length) });
    res.write(gz.subarray(0, Math.floor(gz.length / 2)), () => res.socket?.destroy());
  });
  fetcher = new PoliteFetcher(testOptions({ maxBodyBytes: LIMIT, maxRetries: 0 }));
  // bomb is 10 KB compressed: allow that much raw, but not 10 MiB decoded
  expect(bomb.length).toBeLessThan(LIMIT * 2);
});

afterAll(async () => {
  fetcher.close();
  await server.close();
});

describe('PoliteFetcher: body limits', () => {
  it('refuses a body whose Content-Length is over maxBodyBytes, without reading it', async () => {
    const outcome = await fetcher.fetch(server.url('/big-declared'));
    expect(outcome.error?.code).toBe('E_BODY_TOO_LARGE');
    expect(outcome.error?.action).toBe('skip');
    expect(outcome.exchanges).toHaveLength(1);
    expect(outcome.final?.status).toBe(200);
    expect(outcome.final?.body.length).toBe(0);
  });

  it('aborts a chunked body that grows over maxBodyBytes', async () => {
    const outcome = await fetcher.fetch(server.url('/big-chunked'));
    expect(outcome.error?.code).toBe('E_BODY_TOO_LARGE');
    expect(outcome.exchanges).toHaveLength(1);
    expect(outcome.final?.headers['content-type']).toBe('application/pdf');
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const outcome = await fetcher.fetch(server.url('/exactly-limit'));
    expect(outcome.error).toBeNull();
    expect(outcome.final?.body.length).toBe(LIMIT);
  });

  it('caps the decoded size of a gzip bomb', async () => {
    const bombFetcher = new PoliteFetcher(testOptions({ maxBodyBytes: 1024 * 1024, maxRetries: 0 }));
    const outcome = await bombFetcher.fetch(server.url('/gzip-bomb'));
    bombFetcher.close();
    expect(outcome.error?.code).toBe('E_BODY_TOO_LARGE');
    expect(outcome.final?.body.length).toBe(0);
    expect(outcome.final?.headers['content-encoding']).toBe('gzip');
  });

  it('keeps the partial body of a truncated transfer with E_TRUNCATED', async () => {
    const outcome = await fetcher.fetch(server.url('/truncated'));
    expect(outcome.error?.code).toBe('E_TRUNCATED');
    expect(outcome.error?.action).toBe('retry');
    expect(outcome.final?.status).toBe(200);
    expect(outcome.final?.body.toString()).toBe('y'.repeat(1200));
  });

  it('decodes as much as it can of a truncated gzip body', async () => {
    const big = new PoliteFetcher(testOptions({ maxRetries: 0 }));
    const outcome = await big.fetch(server.url('/truncated-gzip'));
    big.close();
    expect(outcome.error?.code).toBe('E_TRUNCATED');
    const text = outcome.final?.body.toString('utf-8') ?? '';
    expect(text.startsWith('公开年报公开年报')).toBe(true);
  });
});
