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
import { errorReply, send, type Reply } from './http/respond.ts';
import { ResponseCache } from './response-cache.ts';
import { API_ROUTES } from './routes.ts';
import { loadStaticFiles } from './static-files.ts';

export interface ServeOptions {
  /** An archive opened with openArchiveReadOnly. */
  readonly db: Database;
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default 8170. */
  readonly port?: number;
  /** Bytes of answers kept in memory. Default 64 MiB. */
  readonly cacheBytes?: number;
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

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const statics = loadStaticFiles();
  const cache = new ResponseCache(options.cacheBytes ?? 64 * 1024 * 1024, () => dataVersion(options.db));
  let port = options.port ?? DEFAULT_PORT;
  const server = createServer((req, res) => {
    answer(req, port).then(
      (reply) => send(res, reply, req.method === 'HEAD'),
      (error: unknown) => send(res, errorReply(500, 'E_INTERNAL', String(error)), false),
    );
  });

  async function answer(req: IncomingMessage, boundPort: number): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { ...errorReply(405, 'E_METHOD', 'the archive server is read-only: GET and HEAD only'), headers: { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' } };
    if (!allowedHost(req.headers.host, host, boundPort)) return errorReply(421, 'E_HOST', `requests must be addressed to ${host}:${boundPort}`);
    const origin = ownOrigin(req.headers.host!);
    const url = new URL(req.url ?? '/', origin);
    const staticReply = statics.get(url.pathname);
    if (staticReply !== undefined) return staticReply;
    for (const route of API_ROUTES) {
      const match = route.pattern.exec(url.pathname);
      if (match === null) continue;
      const key = `${origin}${url.pathname}${url.search}`;
      if (route.cache) {
        cache.sync();
        const hit = cache.get(key);
        if (hit !== undefined) return hit;
      }
      try {
        const reply = await route.handle({ db: options.db, params: url.searchParams, origin, match: [...match] });
        if (route.cache) cache.put(key, reply);
        return reply;
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
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
