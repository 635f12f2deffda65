/**
 * Writing responses: every answer carries the same defensive headers; bodies are Buffers so they can be cached.
 * Large answers (the grid: ~400 KB of JSON) are also kept gzipped, sent to clients that accept gzip (browsers do).
 */
import type { ErrorCode } from '../../common/errors.ts';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** The page's own policy: only its own scripts, styles and API; archived pages only inside sandboxed frames. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The body gzipped (large answers only). */
  readonly gzipped?: Buffer;
}

/** Bodies from this size on are worth compressing once and keeping compressed. */
export const GZIP_FROM_BYTES = 32 * 1024;

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

export function jsonReply(value: unknown, status = 200): Reply {
  return jsonTextReply(JSON.stringify(value), status);
}

/** A reply of JSON already written as text (parts of it built by SQLite). */
export function jsonTextReply(json: string, status = 200): Reply {
  return { status, headers: JSON_HEADERS, body: Buffer.from(json) };
}

export function errorReply(status: number, code: ErrorCode, message: string): Reply {
  return jsonReply({ error: { code, message } }, status);
}

/** The reply with its gzipped body added when it is large (call once, before keeping the reply). */
export function withGzip(reply: Reply): Reply {
  if (reply.body.length < GZIP_FROM_BYTES || reply.gzipped !== undefined) return reply;
  return { ...reply, gzipped: gzipSync(reply.body) };
}

/** Whether an Accept-Encoding header allows gzip (`gzip` or `*`, unless given q=0). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const header = headers['accept-encoding'];
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

export function send(res: ServerResponse, reply: Reply, options: { headOnly: boolean; gzip: boolean }): void {
  const compressed = options.gzip && reply.gzipped !== undefined;
  const body = compressed ? reply.gzipped! : reply.body;
  const encoding: Record<string, string> = reply.gzipped === undefined ? {} : compressed ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { vary: 'accept-encoding' };
  res.writeHead(reply.status, { ...BASE_HEADERS, ...reply.headers, ...encoding, 'content-length': String(body.length) });
  res.end(options.headOnly ? undefined : body);
}
