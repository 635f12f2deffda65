/**
 * The read-only HTTP server of `nianbao serve`: static page, JSON API, archived pages and images. GET and HEAD
 * only; Host checked against DNS rebinding; answers cached until the archive changes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { isNianbaoError } from '../common/errors.ts';
import { dataVersion } from '../store/serve-open.ts';
import { allowedHost, ownOrigin } from './http/host-check.ts';
import { HttpError } from './http/http-error.ts';
import { acceptsGzip, errorReply, send, withGzip, type Reply } from './http/respond.ts';
import { ResponseCache } from './response-cache.ts';
import { API_ROUTES } from './routes.ts';
import { loadStaticFiles } from './static-files.ts';
import { StatusJudge, type StatusSource } from './watch-status.ts';

export interface ServeOptions {
  /** An archive opened with openArchive(file, 'serve'). */
  readonly db: Database;
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default 8170. */
  readonly port?: number;
  /** Bytes of answers kept in memory. Default 64 MiB. */
  readonly cacheBytes?: number;
  /** API paths answered into the cache before listening. Default: the grid, unfiltered and by each kind. */
  readonly warm?: readonly string[];
  /**
   * Statuses of expected bodies as of today, for the grid (`nianbao serve` passes jobs/watch/statuses-today.ts).
   * Default: the statuses the last nightly run stored.
   */
  readonly statuses?: StatusSource;
  /** Unexpected errors (a bug, a damaged archive); the request gets a 500. Default: ignored. */
  readonly onError?: (error: unknown, url: string) => void;
}

export interface RunningServer {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8170;
export const DEFAULT_HOST = '127.0.0.1';
/** Pending connections the kernel queues (capped by net.core.somaxconn, 4096 on current Linux). */
const LISTEN_BACKLOG = 4096;
const WARM_PATHS: readonly string[] = ['/api/grid', ...['部门', '本级政府', '乡镇街道'].map((kind) => `/api/grid?kind=${encodeURIComponent(kind)}`)];

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const statics = loadStaticFiles();
  const judge = new StatusJudge(options.statuses, (error) => options.onError?.(error, 'statuses as of today'));
  // Answers hold until the archive changes, or the day does (statuses are as of today).
  const cache = new ResponseCache(options.cacheBytes ?? 64 * 1024 * 1024, () => `${dataVersion(options.db)}|${judge.day()}`);
  let port = options.port ?? DEFAULT_PORT;
  const server = createServer((req, res) => {
    answer(req, port).then(
      (reply) => send(res, reply, { headOnly: req.method === 'HEAD', gzip: acceptsGzip(req.headers) }),
      (error: unknown) => send(res, errorReply(500, 'E_INTERNAL', String(error)), { headOnly: false, gzip: false }),
    );
  });

  async function answer(req: IncomingMessage, boundPort: number): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { ...errorReply(405, 'E_METHOD', 'the archive server is read-only: GET and HEAD only'), headers: { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' } };
    if (!allowedHost(req.headers.host, host, boundPort)) return errorReply(421, 'E_HOST', `requests must be addressed to ${host}:${boundPort}`);
    const origin = ownOrigin(req.headers.host!);
    const url = new URL(req.url ?? '/', origin);
    const staticReply = statics.get(url.pathname);
    if (staticReply !== undefined) return staticReply;
    return apiAnswer(url, origin);
  }

  async function apiAnswer(url: URL, origin: string): Promise<Reply> {
    for (const route of API_ROUTES) {
      const match = route.pattern.exec(url.pathname);
      if (match === null) continue;
      const key = route.byOrigin === true ? `${origin}${url.pathname}${url.search}` : `${url.pathname}${url.search}`;
      if (route.cache) {
        cache.sync();
        const hit = cache.get(key);
        if (hit !== undefined) return hit;
      }
      try {
        const reply = await route.handle({ db: options.db, params: url.searchParams, origin, match: [...match], judge });
        if (!route.cache) return reply;
        const kept = withGzip(reply);
        cache.put(key, kept);
        return kept;
      } catch (error) {
        return failure(error, url.pathname);
      }
    }
    return errorReply(404, 'E_NOT_FOUND', `no such page: ${url.pathname}`);
  }

  function failure(error: unknown, path: string): Reply {
    if (error instanceof HttpError) return errorReply(error.status, error.code, error.message);
    if (isNianbaoError(error) && error.code === 'E_NOT_FOUND') return errorReply(404, error.code, error.message);
    options.onError?.(error, path);
    return errorReply(500, 'E_INTERNAL', 'unexpected error; see the server log');
  }

  // The grid (every body × year; the first view) is computed before the first reader asks for it.
  for (const path of options.warm ?? WARM_PATHS) await apiAnswer(new URL(path, 'http://127.0.0.1'), 'http://127.0.0.1');

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A burst of new connections (1,000 readers at once) must not overflow the accept queue: Node's default
    // backlog of 511 drops the rest of the SYNs, and their clients retry only after a second.
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.keepAliveTimeout = 5_000;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
