/**
 * One GET request → one Exchange, never a throw. Streams the body with a byte cap, enforces a total timeout
 * (connect + headers + body), notices truncated transfers, and undoes Content-Encoding (capped too).
 */
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { RetryableError, SkipError, StopError, type NianbaoError } from '../../common/errors.ts';
import { decodeContentEncoding } from './content-encoding.ts';
import type { Exchange } from './exchange.ts';

export interface ExchangeRequest {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly now: () => Date;
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
}

/** What came off the wire before Content-Encoding was undone. */
interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly raw: Buffer;
  /** The body is known to be cut short (truncated or timed out mid-body). */
  readonly partial: boolean;
  readonly error: NianbaoError | null;
}

export async function performExchange(request: ExchangeRequest): Promise<Exchange> {
  const fetchedAt = request.now().toISOString();
  const started = performance.now();
  const response = await receive(request);
  const { body, error } = await decodeBody(request, response);
  return {
    url: request.url.href,
    method: 'GET',
    requestHeaders: { ...request.headers },
    fetchedAt,
    status: response.status,
    headers: response.headers,
    body,
    error,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function decodeBody(
  request: ExchangeRequest,
  response: RawResponse,
): Promise<{ body: Buffer; error: NianbaoError | null }> {
  const { raw, error } = response;
  if (raw.length === 0) return { body: raw, error };
  const decoded = await decodeContentEncoding(raw, response.headers['content-encoding'], request.maxBodyBytes, response.partial);
  const url = request.url.href;
  switch (decoded.kind) {
    case 'ok':
      return { body: decoded.body, error };
    case 'too-large':
      return { body: Buffer.alloc(0), error: error ?? tooLargeError(url, request.maxBodyBytes, 'after decoding') };
    case 'unsupported':
      return {
        body: raw,
        error: error ?? new SkipError('E_UNSUPPORTED_FORMAT', `GET ${url}: unsupported Content-Encoding "${decoded.coding}"; the body was kept encoded`, { input: url }),
      };
    case 'corrupt':
      return {
        body: raw,
        error:
          error ??
          new SkipError(
            'E_UNSUPPORTED_FORMAT',
            `GET ${url}: body is not valid ${decoded.coding} (${decoded.detail}); the raw bytes were kept, check the server's Content-Encoding`,
            { input: url },
          ),
      };
  }
}

/** Send the request and collect the raw response; settles exactly once. */
function receive(request: ExchangeRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve) => {
    const url = request.url.href;
    const isHttps = request.url.protocol === 'https:';
    const transport = isHttps ? https : http;
    let settled = false;
    let response: http.IncomingMessage | null = null;
    const chunks: Buffer[] = [];
    let received = 0;

    const finish = (partial: boolean, error: NianbaoError | null, keepBody = true): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        status: response?.statusCode ?? 0,
        headers: response === null ? {} : flattenHeaders(response),
        raw: keepBody ? Buffer.concat(chunks) : Buffer.alloc(0),
        partial,
        error,
      });
      // A complete response leaves the socket to the keep-alive agent; anything else closes it.
      if ((error !== null || partial) && !req.destroyed) req.destroy();
    };

    let req: http.ClientRequest;
    try {
      req = transport.request(request.url, {
        method: 'GET',
        headers: request.headers,
        agent: isHttps ? request.agents.https : request.agents.http,
      });
    } catch (cause) {
      // Only a malformed request gets here (e.g. a header value Node refuses): a bug or bad config, not the network.
      resolve({ status: 0, headers: {}, raw: Buffer.alloc(0), partial: false, error: new StopError('E_USAGE', `GET ${url}: the request could not be built (${cause instanceof Error ? cause.message : String(cause)}); fix the fetcher options`, { input: url, cause }) });
      return;
    }

    const timer = setTimeout(() => {
      finish(true, new RetryableError('E_TIMEOUT', `GET ${url}: no complete response within ${request.timeoutMs} ms (timeoutMs); the server may be overloaded, try again later`, { input: url }));
    }, request.timeoutMs);

    req.on('error', (cause) => {
      if (response !== null) {
        finish(true, truncatedError(url, received, response, cause));
        return;
      }
      finish(false, new RetryableError('E_NETWORK', `GET ${url}: ${networkDetail(cause)}; check the host is reachable, then try again`, { input: url, cause }));
    });

    req.on('response', (res) => {
      response = res;
      res.on('error', (cause) => finish(true, truncatedError(url, received, res, cause)));
      const declared = declaredLength(res);
      if (declared !== null && declared > request.maxBodyBytes) {
        finish(false, tooLargeError(url, request.maxBodyBytes, `Content-Length ${declared}`), false);
        return;
      }
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > request.maxBodyBytes) {
          finish(false, tooLargeError(url, request.maxBodyBytes, 'while streaming'), false);
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        finish(!res.complete, res.complete ? null : truncatedError(url, received, res));
      });
      res.on('close', () => finish(true, truncatedError(url, received, res)));
    });

    req.end();
  });
}

function declaredLength(res: http.IncomingMessage): number | null {
  const value = res.headers['content-length'];
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Lower-cased header names; repeated headers joined with ', ' (Set-Cookie too, which is fine for evidence). */
export function flattenHeaders(res: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

function tooLargeError(url: string, maxBodyBytes: number, where: string): NianbaoError {
  return new SkipError(
    'E_BODY_TOO_LARGE',
    `GET ${url}: body exceeds ${maxBodyBytes} bytes (maxBodyBytes; ${where}); raise --max-body or skip this file`,
    { input: url },
  );
}

function truncatedError(url: string, received: number, res: http.IncomingMessage, cause?: unknown): NianbaoError {
  const declared = declaredLength(res);
  const expected = declared === null ? 'the end of the body' : `${declared} bytes (Content-Length)`;
  return new RetryableError(
    'E_TRUNCATED',
    `GET ${url}: connection closed after ${received} bytes, before ${expected}; try again later`,
    { input: url, cause },
  );
}

function networkDetail(cause: Error): string {
  const code = (cause as NodeJS.ErrnoException).code;
  return code === undefined ? cause.message : `${code} (${cause.message})`;
}
