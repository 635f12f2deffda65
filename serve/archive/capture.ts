/**
 * `GET /archive/captures/:id`: the stored bytes of a capture. Raster images are served inline (what archived
 * pages and the report view show); anything else only as a download, never rendered by the browser.
 * `GET /archive/captures/:id/crop?x=&y=&w=&h=`: the region an OCR cell was read from, with some context around
 * it and the box outlined, as PNG.
 */
import type { Database } from 'better-sqlite3';
import sharp from 'sharp';
import { getCapture, getCaptureBody } from '../../store/captures.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { intParam, textParam } from '../http/query.ts';
import type { Reply } from '../http/respond.ts';
import { contentDisposition, downloadName } from './download-name.ts';

const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
const CAPTURE_CSP = "default-src 'none'; sandbox";
/** Archived pages are framed sandboxed (an opaque origin), so their images must be loadable cross-origin. */
const IMAGE_HEADERS = { 'content-security-policy': CAPTURE_CSP, 'cross-origin-resource-policy': 'cross-origin' };
const MAX_PIXELS = 40_000_000;

function load(db: Database, id: number): { body: Buffer; type: string; url: string; disposition: string | undefined } {
  const capture = getCapture(db, id);
  const body = capture === null ? null : getCaptureBody(db, id);
  if (capture === null || body === null) throw notFound(`capture ${id}`);
  return { body, type: (capture.contentType ?? '').split(';')[0]!.trim().toLowerCase(), url: capture.finalUrl, disposition: capture.headers['content-disposition'] };
}

/** Images inline; anything else as a download under its real name (`?name=` the link's text, see download-name.ts). */
export function captureBytes(db: Database, id: number, params: URLSearchParams): Reply {
  const { body, type, url, disposition } = load(db, id);
  if (INLINE_TYPES.has(type)) {
    return { status: 200, headers: { 'content-type': type, ...IMAGE_HEADERS, 'cache-control': 'private, max-age=86400, immutable' }, body };
  }
  const name = downloadName({ requested: textParam(params, 'name') ?? null, disposition, url, mediaType: type, fallback: `capture-${id}` });
  return {
    status: 200,
    headers: { 'content-type': 'application/octet-stream', 'content-disposition': contentDisposition(name), 'content-security-policy': CAPTURE_CSP },
    body,
  };
}

export async function captureCrop(db: Database, id: number, params: URLSearchParams): Promise<Reply> {
  const { body, type } = load(db, id);
  if (!INLINE_TYPES.has(type)) throw new HttpError(415, 'E_UNSUPPORTED_FORMAT', `capture ${id} is ${type || 'untyped'}, not an image`);
  const x = intParam(params, 'x') ?? 0;
  const y = intParam(params, 'y') ?? 0;
  const w = intParam(params, 'w', { min: 1, max: 20_000 }) ?? 1;
  const h = intParam(params, 'h', { min: 1, max: 20_000 }) ?? 1;
  const margin = intParam(params, 'margin', { max: 400 }) ?? 24;
  try {
    const image = sharp(body, { limitInputPixels: MAX_PIXELS });
    const meta = await image.metadata();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (x >= width || y >= height) throw new HttpError(400, 'E_BAD_REQUEST', `box ${x},${y} lies outside the ${width}×${height} image`);
    const left = Math.max(0, x - margin);
    const top = Math.max(0, y - margin);
    const cw = Math.min(width, x + w + margin) - left;
    const ch = Math.min(height, y + h + margin) - top;
    const outline = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${cw}" height="${ch}"><rect x="${x - left - 1.5}" y="${y - top - 1.5}" width="${Math.min(w, width - x) + 3}" height="${Math.min(h, height - y) + 3}" fill="none" stroke="#d9480f" stroke-width="3"/></svg>`,
    );
    const png = await sharp(body, { limitInputPixels: MAX_PIXELS })
      .extract({ left, top, width: cw, height: ch })
      .composite([{ input: outline, left: 0, top: 0 }])
      .png()
      .toBuffer();
    return { status: 200, headers: { 'content-type': 'image/png', ...IMAGE_HEADERS }, body: png };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(415, 'E_IMAGE_DECODE', `capture ${id} could not be decoded as an image: ${error instanceof Error ? error.message : String(error)}`);
  }
}
