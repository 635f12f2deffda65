import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../../crawlers/http/polite-fetcher.ts';
import { startFixtureServer, testOptions, type FixtureServer } from './fixture-server.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  const redirect = (path: string, status: number, location: string): void => {
    server.route(path, (_req, res) => {
      res.writeHead(status, { location, 'content-type': 'text/html' }).end(`<a href="${location}">moved</a>`);
    });
  };
  redirect('/downfile.jsp', 302, '/moved');
  redirect('/moved', 301, `${server.url('/attach/0/report.pdf')}`);
  server.route('/attach/0/report.pdf', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
  });
  redirect('/loop-a', 302, '/loop-b');
  redirect('/loop-b', 307, '/loop-a');
  for (let i = 0; i < 8; i += 1) redirect(`/chain-${i}`, 308, `/chain-${i + 1}`);
  server.route('/chain-8', (_req, res) => {
    res.writeHead(200).end('end of chain');
  });
  redirect('/to-mirror', 302, server.url('/mirror', 'localhost'));
  redirect('/no-location-302', 302, '');
});

afterAll(async () => {
  await server.close();
});

describe('PoliteFetcher: redirects', () => {
  it('follows 302 → 301 → 200, one exchange per hop', async () => {
    const fetcher = new PoliteFetcher(testOptions());
    const outcome = await fetcher.fetch(server.url('/downfile.jsp'));
    fetcher.close();
    expect(outcome.error).toBeNull();
    expect(outcome.exchanges.map((e) => e.status)).toEqual([302, 301, 200]);
    expect(outcome.exchanges.map((e) => new URL(e.url).pathname)).toEqual(['/downfile.jsp', '/moved', '/attach/0/report.pdf']);
    expect(outcome.finalUrl).toBe(server.url('/attach/0/report.pdf'));
    expect(outcome.final?.body.toString()).toBe('%PDF-1.4');
    expect(outcome.exchanges[0]?.body.toString()).toContain('moved');
  });

  it('stops a redirect loop with E_TOO_MANY_REDIRECTS', async () => {
    const fetcher = new PoliteFetcher(testOptions());
    const outcome = await fetcher.fetch(server.url('/loop-a'));
    fetcher.close();
    expect(outcome.error?.code).toBe('E_TOO_MANY_REDIRECTS');
    expect(outcome.exchanges.map((e) => e.status)).toEqual([302, 307]);
  });

  it('stops after maxRedirects hops', async () => {
    const fetcher = new PoliteFetcher(testOptions({ maxRedirects: 5 }));
    const outcome = await fetcher.fetch(server.url('/chain-0'));
    fetcher.close();
    expect(outcome.error?.code).toBe('E_TOO_MANY_REDIRECTS');
    expect(outcome.exchanges).toHaveLength(6);
    const generous = new PoliteFetcher(testOptions({ maxRedirects: 8 }));
    const followed = await generous.fetch(server.url('/chain-0'));
    generous.close();
    expect(followed.error).toBeNull();
    expect(followed.final?.body.toString()).toBe('end of chain');
  });

  it('refuses a redirect to a host that is not allowed, keeping the hop as evidence', async () => {
    const fetcher = new PoliteFetcher(testOptions({ isHostAllowed: (url) => url.hostname === '127.0.0.1' }));
    const outcome = await fetcher.fetch(server.url('/to-mirror'));
    fetcher.close();
    expect(outcome.error?.code).toBe('E_HOST_NOT_ALLOWED');
    expect(outcome.error?.action).toBe('skip');
    expect(outcome.exchanges).toHaveLength(1);
    expect(outcome.final?.status).toBe(302);
    expect(server.hits('/mirror')).toBe(0);
  });

  it('treats a redirect without Location as a final E_HTTP_STATUS', async () => {
    const fetcher = new PoliteFetcher(testOptions());
    const outcome = await fetcher.fetch(server.url('/no-location-302'));
    fetcher.close();
    expect(outcome.error?.code).toBe('E_HTTP_STATUS');
    expect(outcome.final?.status).toBe(302);
  });
});
