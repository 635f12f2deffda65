import { promisify } from 'node:util';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody, detectCharset } from '../../../common/charset.ts';
import type { Exchange } from '../../../crawlers/http/exchange.ts';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { startFixtureServer, testOptions, type FixtureServer } from './fixture-server.ts';

const TITLE = '兖州区财政局2025年政府信息公开工作年度报告';
const html = (head: string): string => `<html><head>${head}<title>${TITLE}</title></head><body><div id="zoom">${TITLE}</div></body></html>`;
const ETAG = '"v1-abc"';
const LAST_MODIFIED = 'Wed, 15 Jan 2025 08:00:00 GMT';

let server: FixtureServer;
let fetcher: PoliteFetcher;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/gbk-header', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(iconv.encode(html(''), 'gbk'));
  });
  server.route('/gbk-meta', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'));
  });
  server.route('/wrong-header', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(html(''), 'gbk'));
  });
  server.route('/validated', (req, res) => {
    if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
      res.writeHead(304, { etag: ETAG }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED }).end(html(''));
  });
  const compressed = {
    '/gzip': ['gzip', zlib.gzipSync(html(''))],
    '/br': ['br', zlib.brotliCompressSync(html(''))],
    '/deflate-raw': ['deflate', zlib.deflateRawSync(html(''))],
    '/deflate': ['deflate', zlib.deflateSync(html(''))],
    '/not-gzip': ['gzip', Buffer.from(html(''))],
  } as const;
  for (const [path, [coding, bytes]] of Object.entries(compressed)) {
    server.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': coding }).end(bytes);
    });
  }
  server.route('/missing', (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
  });
  fetcher = new PoliteFetcher(testOptions());
});

afterAll(async () => {
  fetcher.close();
  await server.close();
});

function text(exchange: Exchange | null): string {
  if (exchange === null) throw new Error('no final exchange');
  return decodeBody(exchange.body, detectCharset(exchange.headers, exchange.body).charset);
}

describe('PoliteFetcher: answers and charsets', () => {
  it('keeps raw GBK bytes; the header charset decodes them', async () => {
    const outcome = await fetcher.fetch(server.url('/gbk-header'));
    expect(outcome.error).toBeNull();
    expect(outcome.final?.status).toBe(200);
    expect(outcome.final?.body.equals(iconv.encode(html(''), 'gbk'))).toBe(true);
    expect(detectCharset(outcome.final?.headers ?? {}, outcome.final?.body ?? Buffer.alloc(0))).toEqual({ charset: 'gb18030', source: 'header' });
    expect(text(outcome.final)).toContain(TITLE);
  });

  it('decodes a GBK page that declares its charset only in <meta>', async () => {
    const outcome = await fetcher.fetch(server.url('/gbk-meta'));
    expect(detectCharset(outcome.final?.headers ?? {}, outcome.final?.body ?? Buffer.alloc(0)).source).toBe('meta');
    expect(text(outcome.final)).toContain(TITLE);
  });

  it('notices a wrong charset header and decodes anyway', async () => {
    const outcome = await fetcher.fetch(server.url('/wrong-header'));
    const detected = detectCharset(outcome.final?.headers ?? {}, outcome.final?.body ?? Buffer.alloc(0));
    expect(detected).toEqual({ charset: 'gb18030', source: 'sniff', mismatch: true });
    expect(text(outcome.final)).toContain(TITLE);
  });

  it('sends validators and treats 304 as success', async () => {
    const first = await fetcher.fetch(server.url('/validated'));
    expect(first.final?.status).toBe(200);
    const validators = { etag: first.final?.headers['etag'], lastModified: first.final?.headers['last-modified'] };
    const second = await fetcher.fetch(server.url('/validated'), validators);
    expect(second.error).toBeNull();
    expect(second.final?.status).toBe(304);
    expect(second.final?.body.length).toBe(0);
    expect(second.final?.requestHeaders['if-none-match']).toBe(ETAG);
    expect(second.final?.requestHeaders['if-modified-since']).toBe(LAST_MODIFIED);
    const onlyDate = await fetcher.fetch(server.url('/validated'), { lastModified: LAST_MODIFIED });
    expect(onlyDate.final?.status).toBe(304);
  });

  it('asks for compression, undoes gzip / br / deflate and keeps content-encoding in headers', async () => {
    for (const [path, coding] of [['/gzip', 'gzip'], ['/br', 'br'], ['/deflate-raw', 'deflate'], ['/deflate', 'deflate']] as const) {
      const outcome = await fetcher.fetch(server.url(path));
      expect(outcome.error).toBeNull();
      expect(outcome.final?.headers['content-encoding']).toBe(coding);
      expect(outcome.final?.body.toString('utf-8')).toBe(html(''));
    }
    expect(server.received.find((r) => r.path === '/gzip')?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('keeps the raw bytes when a "gzip" body is not gzip', async () => {
    const outcome = await fetcher.fetch(server.url('/not-gzip'));
    expect(outcome.error?.code).toBe('E_UNSUPPORTED_FORMAT');
    expect(outcome.final?.body.toString('utf-8')).toBe(html(''));
  });

  it('answers 404 with the response and a skip-type E_HTTP_STATUS, without retrying', async () => {
    const before = server.hits('/missing');
    const outcome = await fetcher.fetch(server.url('/missing'));
    expect(outcome.final?.status).toBe(404);
    expect(outcome.error?.code).toBe('E_HTTP_STATUS');
    expect(outcome.error?.action).toBe('skip');
    expect(outcome.exchanges).toHaveLength(1);
    expect(server.hits('/missing') - before).toBe(1);
  });

  it('records request headers, user agent and timestamps on each exchange', async () => {
    const outcome = await fetcher.fetch(server.url('/gbk-header#frag'));
    const exchange = outcome.exchanges[0];
    expect(exchange?.url).toBe(server.url('/gbk-header'));
    expect(exchange?.requestHeaders['user-agent']).toMatch(/^nianbao\//);
    expect(server.received.at(-1)?.headers['user-agent']).toMatch(/^nianbao\//);
    expect(Number.isNaN(Date.parse(exchange?.fetchedAt ?? ''))).toBe(false);
    expect(outcome.requestedUrl).toBe(server.url('/gbk-header#frag'));
  });
});

describe('PoliteFetcher: refusals before any request', () => {
  it('refuses hosts outside .gov.cn by default', async () => {
    const strict = new PoliteFetcher({ respectRobots: false });
    const before = server.received.length;
    const outcome = await strict.fetch(server.url('/gbk-header'));
    strict.close();
    expect(outcome.error?.code).toBe('E_HOST_NOT_ALLOWED');
    expect(outcome.exchanges).toHaveLength(0);
    expect(outcome.final).toBeNull();
    expect(server.received.length).toBe(before);
  });

  it('refuses invalid and non-HTTP URLs', async () => {
    expect((await fetcher.fetch('not a url')).error?.code).toBe('E_HOST_NOT_ALLOWED');
    expect((await fetcher.fetch('ftp://x.gov.cn/a')).error?.code).toBe('E_HOST_NOT_ALLOWED');
  });

  it('refuses to fetch after close', async () => {
    const closed = new PoliteFetcher(testOptions());
    closed.close();
    const outcome = await closed.fetch(server.url('/gbk-header'));
    expect(outcome.error?.code).toBe('E_USAGE');
    expect(outcome.error?.action).toBe('stop');
  });
});
