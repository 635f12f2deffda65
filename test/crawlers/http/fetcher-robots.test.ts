import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../crawlers/http/exchange.ts';
import type { ExchangePurpose } from '../../../crawlers/http/fetcher-options.ts';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { fakeClock, startFixtureServer, testOptions, type FixtureServer, type Route } from './fixture-server.ts';

let server: FixtureServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(robots: Route): Promise<FixtureServer> {
  server = await startFixtureServer();
  server.route('/robots.txt', robots);
  for (const path of ['/col/col1/index.html', '/private/report.html', '/art/2025/1/1/art_1_1.html']) {
    server.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>');
    });
  }
  return server;
}

const text = (body: string): Route => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
};

interface Seen {
  readonly purpose: ExchangePurpose;
  readonly requestedUrl: string;
  readonly exchange: Exchange;
}

function robotsFetcher(extra: Parameters<typeof testOptions>[0] = {}): { fetcher: PoliteFetcher; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetcher = new PoliteFetcher(
    testOptions({ respectRobots: true, maxRetries: 0, onExchange: (purpose, requestedUrl, exchange) => seen.push({ purpose, requestedUrl, exchange }), ...extra }),
  );
  return { fetcher, seen };
}

describe('PoliteFetcher: robots.txt', () => {
  it('skips a disallowed URL without requesting it, fetches robots.txt once and reports it as evidence', async () => {
    const site = await serve(text('User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /'));
    const { fetcher, seen } = robotsFetcher();
    const blocked = await fetcher.fetch(site.url('/private/report.html'));
    const allowed = await fetcher.fetch(site.url('/col/col1/index.html'));
    fetcher.close();
    expect(blocked.error?.code).toBe('E_ROBOTS_DISALLOWED');
    expect(blocked.error?.action).toBe('skip');
    expect(blocked.exchanges).toHaveLength(0);
    expect(site.hits('/private/report.html')).toBe(0);
    expect(allowed.error).toBeNull();
    expect(site.hits('/robots.txt')).toBe(1);
    expect(seen.map((s) => s.purpose)).toEqual(['robots', 'page']);
    expect(seen[0]?.requestedUrl).toBe(site.url('/robots.txt'));
    expect(seen[0]?.exchange.body.toString()).toContain('Disallow: /private/');
  });

  it('obeys a group naming nianbao over the * group', async () => {
    const site = await serve(text('User-agent: *\nDisallow: /\n\nUser-agent: nianbao\nDisallow: /private/'));
    const { fetcher } = robotsFetcher();
    expect((await fetcher.fetch(site.url('/col/col1/index.html'))).error).toBeNull();
    expect((await fetcher.fetch(site.url('/private/report.html'))).error?.code).toBe('E_ROBOTS_DISALLOWED');
    fetcher.close();
  });

  it('raises the per-host gap to Crawl-delay', async () => {
    const site = await serve(text('User-agent: *\nCrawl-delay: 2\nDisallow: /private/'));
    const clock = fakeClock(0);
    const { fetcher } = robotsFetcher({ now: clock.now, sleep: clock.sleep, perHostDelayMs: 100 });
    await fetcher.fetch(site.url('/col/col1/index.html'));
    await fetcher.fetch(site.url('/art/2025/1/1/art_1_1.html'));
    fetcher.close();
    // robots.txt at t=0, first page at t=2000, second page at t=4000
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('caps Crawl-delay at maxCrawlDelayMs', async () => {
    const site = await serve(text('User-agent: *\nCrawl-delay: 3600'));
    const clock = fakeClock(0);
    const { fetcher } = robotsFetcher({ now: clock.now, sleep: clock.sleep, maxCrawlDelayMs: 5000 });
    await fetcher.fetch(site.url('/col/col1/index.html'));
    fetcher.close();
    expect(clock.sleeps).toEqual([5000]);
  });

  it('allows everything when robots.txt is 404 or 410', async () => {
    for (const status of [404, 410]) {
      const site = await serve((_req, res) => res.writeHead(status).end());
      const { fetcher, seen } = robotsFetcher();
      const outcome = await fetcher.fetch(site.url('/private/report.html'));
      fetcher.close();
      expect(outcome.error).toBeNull();
      expect(seen[0]?.exchange.status).toBe(status);
      await site.close();
      server = null;
    }
  });

  it('disallows the whole origin for the run when robots.txt answers 500', async () => {
    const site = await serve((_req, res) => res.writeHead(500).end('oops'));
    const { fetcher, seen } = robotsFetcher({ maxRetries: 1 });
    const first = await fetcher.fetch(site.url('/col/col1/index.html'));
    const second = await fetcher.fetch(site.url('/art/2025/1/1/art_1_1.html'));
    fetcher.close();
    expect(first.error?.code).toBe('E_ROBOTS_UNREACHABLE');
    expect(first.error?.action).toBe('retry');
    expect(second.error?.code).toBe('E_ROBOTS_UNREACHABLE');
    expect(site.hits('/robots.txt')).toBe(2); // one attempt + one retry, then cached for the run
    expect(site.hits('/col/col1/index.html')).toBe(0);
    expect(seen.every((s) => s.purpose === 'robots')).toBe(true);
  });

  it('does not consult robots.txt when respectRobots is false', async () => {
    const site = await serve(text('User-agent: *\nDisallow: /'));
    const { fetcher } = robotsFetcher({ respectRobots: false });
    expect((await fetcher.fetch(site.url('/private/report.html'))).error).toBeNull();
    fetcher.close();
    expect(site.hits('/robots.txt')).toBe(0);
  });
});
