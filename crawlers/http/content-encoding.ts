/**
 * Undo Content-Encoding (gzip, deflate, br; several in sequence) with a cap on the decoded size, so a small
 * compressed body cannot expand into gigabytes (zip bomb). Partial (truncated) input is decoded as far as it goes.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The Accept-Encoding we send: what `decodeContentEncoding` can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export type DecodeResult =
  | { readonly kind: 'ok'; readonly body: Buffer }
  /** Decoded size over the cap. */
  | { readonly kind: 'too-large' }
  /** A coding we do not know (e.g. zstd, compress): the body is left encoded. */
  | { readonly kind: 'unsupported'; readonly coding: string }
  /** The bytes are not valid for the declared coding (misconfigured servers send plain bodies as "gzip"). */
  | { readonly kind: 'corrupt'; readonly coding: string; readonly detail: string };

type Inflate = (input: Buffer, options: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>;

const gunzip = promisify(zlib.gunzip) as Inflate;
const inflate = promisify(zlib.inflate) as Inflate;
const inflateRaw = promisify(zlib.inflateRaw) as Inflate;
const brotli = promisify(zlib.brotliDecompress) as Inflate;

/**
 * Decode `raw` according to a Content-Encoding header value (codings applied in order, so undone in reverse).
 * `partial`: the input may be cut short (truncated transfer); decode what is there instead of failing.
 */
export async function decodeContentEncoding(
  raw: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  partial: boolean,
): Promise<DecodeResult> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let body = raw;
  for (const coding of codings.reverse()) {
    const step = await decodeOne(body, coding, maxBytes, partial);
    if (step.kind !== 'ok') return step;
    body = step.body;
  }
  return { kind: 'ok', body };
}

async function decodeOne(input: Buffer, coding: string, maxBytes: number, partial: boolean): Promise<DecodeResult> {
  if (input.length === 0) return { kind: 'ok', body: input };
  const maxOutputLength = Math.max(1, maxBytes);
  const zlibOptions: zlib.ZlibOptions = {
    maxOutputLength,
    ...(partial ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {}),
  };
  const brotliOptions: zlib.BrotliOptions = {
    maxOutputLength,
    ...(partial ? { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH } : {}),
  };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return attempt(coding, () => gunzip(input, zlibOptions), maxBytes);
    case 'deflate': {
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
      const wrapped = await attempt(coding, () => inflate(input, zlibOptions), maxBytes);
      return wrapped.kind === 'corrupt' ? attempt(coding, () => inflateRaw(input, zlibOptions), maxBytes) : wrapped;
    }
    case 'br':
      return attempt(coding, () => brotli(input, brotliOptions), maxBytes);
    default:
      return { kind: 'unsupported', coding };
  }
}

async function attempt(coding: string, run: () => Promise<Buffer>, maxBytes: number): Promise<DecodeResult> {
  try {
    const body = await run();
    return body.length > maxBytes ? { kind: 'too-large' } : { kind: 'ok', body };
  } catch (error) {
    if (isBufferTooLarge(error)) return { kind: 'too-large' };
    return { kind: 'corrupt', coding, detail: error instanceof Error ? error.message : String(error) };
  }
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}
