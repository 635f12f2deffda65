/** A real HTTP server on 127.0.0.1, port 0, with per-test routes; records every request it receives. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetcherOptions } from '../../../crawlers/http/fetcher-options.ts';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface ReceivedRequest {
  readonly path: string;
  readonly host: string;
  readonly headers: http.IncomingHttpHeaders;
  /** performance-style timestamp (ms) when the request arrived. */
  readonly at: number;
}

export interface FixtureServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` + path. */
  url(path: string, host?: string): string;
  route(path: string, handler: Route): void;
  readonly received: ReceivedRequest[];
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    received.push({ path, host: req.headers.host ?? '', headers: req.headers, at: performance.now() });
    const handler = routes.get(path);
    const hit = received.filter((r) => r.path === path).length;
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    route: (path, handler) => {
      routes.set(path, handler);
    },
    received,
    hits: (path) => received.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fake clock: `sleep` advances `now` instantly and records what was asked. */
export function fakeClock(startMs = Date.UTC(2025, 0, 15, 8, 0, 0)): {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
} {
  let time = startMs;
  const sleeps: number[] = [];
  return {
    now: () => new Date(time),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
  };
}

/** Fetcher options for tests against 127.0.0.1: any host, no robots, no gaps, short backoff. */
export function testOptions(extra: Partial<FetcherOptions> = {}): Partial<FetcherOptions> {
  return {
    isHostAllowed: () => true,
    respectRobots: false,
    perHostDelayMs: 0,
    backoffBaseMs: 5,
    timeoutMs: 2000,
    ...extra,
  };
}
