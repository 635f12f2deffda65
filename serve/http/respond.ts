/** Writing responses: every answer carries the same defensive headers; bodies are Buffers so they can be cached. */
import type { ServerResponse } from 'node:http';

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
}

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

export function errorReply(status: number, code: string, message: string): Reply {
  return jsonReply({ error: { code, message } }, status);
}

export function send(res: ServerResponse, reply: Reply, headOnly: boolean): void {
  res.writeHead(reply.status, { ...BASE_HEADERS, ...reply.headers, 'content-length': String(reply.body.length) });
  res.end(headOnly ? undefined : reply.body);
}
