/**
 * A tiny HTTP server for fixture sites: routes return bodies; the server adds validators (ETag, Last-Modified),
 * answers conditional requests with 304, and counts what it sent so tests can prove a re-crawl transferred nothing.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  /** Wait this long before answering (a slow page). */
  readonly delayMs?: number;
  /** Never answer (a server that hangs). */
  readonly hang?: boolean;
  /** Stream this many bytes of filler with no Content-Length (an oversized body). */
  readonly streamBytes?: number;
  /** Send validators and honour conditional requests (default true for 200s). */
  readonly conditional?: boolean;
}

/** A route answers a request or returns null to let the next route try. */
export type Route = (url: URL, req: IncomingMessage) => SiteResponse | null;

export interface SiteStats {
  requests: number;
  /** Requests answered 200 with a body. */
  fullResponses: number;
  notModified: number;
  bodyBytes: number;
  /** Request paths in order, for assertions. */
  readonly log: string[];
  /** Paths answered 200 with a body, in order. */
  readonly bodies: string[];
}

export interface RunningSite {
  readonly origin: string;
  readonly port: number;
  readonly stats: SiteStats;
  close(): Promise<void>;
}

/** Fixed Last-Modified for every fixture page: the site does not change unless a route changes its body. */
const LAST_MODIFIED = 'Mon, 15 Jan 2024 01:30:00 GMT';

/** Serve routes on loopback; `port` 0 (default) picks a free port, a busy preferred port falls back to 0. */
export async function serveSite(routes: readonly Route[], port = 0, host = '127.0.0.1'): Promise<RunningSite> {
  const stats: SiteStats = { requests: 0, fullResponses: 0, notModified: 0, bodyBytes: 0, log: [], bodies: [] };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    stats.requests += 1;
    stats.log.push(url.pathname + url.search);
    const response = routes.reduce<SiteResponse | null>((found, route) => found ?? route(url, req), null) ?? notFound();
    if (response.hang) return;
    const send = (): void => respond(req, res, response, stats);
    if (response.delayMs) setTimeout(send, response.delayMs);
    else send();
  });
  await listen(server, port, host).catch(() => listen(server, 0, host));
  const bound = (server.address() as AddressInfo).port;
  return { origin: `http://${host}:${bound}`, port: bound, stats, close: () => closeServer(server) };
}

function respond(req: IncomingMessage, res: ServerResponse, response: SiteResponse, stats: SiteStats): void {
  if (res.destroyed) return;
  if (response.streamBytes !== undefined) {
    streamFiller(res, response, response.streamBytes);
    return;
  }
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : (response.body ?? Buffer.alloc(0));
  const headers: Record<string, string> = { ...response.headers };
  if (response.status === 200 && response.conditional !== false) {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    headers['etag'] = etag;
    headers['last-modified'] = LAST_MODIFIED;
    if (isNotModified(req, etag)) {
      stats.notModified += 1;
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
      res.end();
      return;
    }
  }
  if (headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  if (response.status === 200) {
    stats.fullResponses += 1;
    stats.bodies.push(new URL(req.url ?? '/', 'http://x').pathname);
  }
  stats.bodyBytes += body.length;
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function isNotModified(req: IncomingMessage, etag: string): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return ifNoneMatch.split(',').some((tag) => tag.trim() === etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  return ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(LAST_MODIFIED);
}

function streamFiller(res: ServerResponse, response: SiteResponse, total: number): void {
  res.writeHead(response.status, { ...response.headers });
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('error', () => undefined);
  pump();
}

function notFound(): SiteResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<html><head><title>404</title></head><body><h1>404 Not Found</h1><p>您访问的页面不存在</p></body></html>',
    conditional: false,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Helper for routes: an HTML page in UTF-8 (or pre-encoded bytes with their own charset header). */
export function htmlPage(body: string | Buffer, contentType = 'text/html; charset=utf-8'): SiteResponse {
  return { status: 200, headers: { 'content-type': contentType }, body };
}
