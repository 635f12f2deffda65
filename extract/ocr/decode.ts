/**
 * Decode an image into greyscale pixels with hard limits checked from the header first (a 20000×20000 PNG is
 * refused before a single pixel is decoded). PNG, JPEG, GIF (first frame) and WebP go through sharp; BMP, which
 * sharp cannot read, through `decode-bmp.ts`. Transparent pixels become white; an inverted image (light on dark)
 * is turned back; a photo whose pixels lie sideways or upside down with an EXIF Orientation tag saying so (phones
 * store them that way) is turned as its tag says, as browsers show it.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { SkipError } from '../../common/errors.ts';
import { decodeBmp, bmpDimensions } from './decode-bmp.ts';
import type { GreyImage } from './grey-image.ts';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export interface DecodeLimits {
  /** Largest accepted width × height. Default 36 M pixels (e.g. 6000 × 6000). */
  readonly maxPixels?: number;
  /** Largest accepted side. Default 12 000 px. */
  readonly maxSide?: number;
  /** Smallest accepted side. Default 24 px. */
  readonly minSide?: number;
}

export interface DecodedImage extends GreyImage {
  readonly format: ImageFormat;
  /** sha256 of the input bytes, hex. */
  readonly digest: string;
  /** The image was light-on-dark and has been inverted. */
  readonly inverted: boolean;
  /** EXIF Orientation tag (2–8) the pixels were turned by, null when the image had none or 1. */
  readonly exifOrientation: number | null;
}

export const DEFAULT_LIMITS: Required<DecodeLimits> = { maxPixels: 36_000_000, maxSide: 12_000, minSide: 24 };

export function sniffFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && bytes.toString('ascii', 0, 3) === 'GIF') return 'gif';
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 26 && bytes.toString('ascii', 0, 2) === 'BM') return 'bmp';
  return null;
}

async function headerSize(bytes: Buffer, format: ImageFormat, input: string): Promise<{ width: number; height: number }> {
  if (format === 'bmp') return bmpDimensions(bytes, input);
  // PNG and GIF sizes sit at fixed offsets: read them without libvips, so a header-only bomb is refused too.
  if (format === 'png' && bytes.length >= 24) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (format === 'gif' && bytes.length >= 10) return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (meta.width === undefined || meta.height === undefined) throw new Error('no dimensions in header');
    return { width: meta.width, height: meta.height };
  } catch (error) {
    throw new SkipError('E_IMAGE_DECODE', `Cannot read the ${format} header of ${input}`, { input, cause: error });
  }
}

function checkSize(size: { width: number; height: number }, limits: Required<DecodeLimits>, input: string): void {
  const { width, height } = size;
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    throw new SkipError(
      'E_IMAGE_TOO_LARGE',
      `Image ${input} is ${width}×${height}; expected at most ${limits.maxSide} px a side and ${limits.maxPixels} pixels`,
      { input },
    );
  }
  if (width < limits.minSide || height < limits.minSide) {
    throw new SkipError('E_OCR_NO_TABLE', `Image ${input} is ${width}×${height}: too small to hold a table`, { input });
  }
}

async function decodeWithSharp(bytes: Buffer, format: ImageFormat, limits: Required<DecodeLimits>, input: string): Promise<GreyImage & { exifOrientation: number | null }> {
  try {
    const image = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'truncated', pages: 1 });
    const { orientation } = await image.metadata();
    const { data, info } = await image
      .rotate() // EXIF orientation applied (no-op without the tag)
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected 1 channel, got ${info.channels}`);
    const exifOrientation = orientation !== undefined && orientation >= 2 && orientation <= 8 ? orientation : null;
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), exifOrientation };
  } catch (error) {
    throw new SkipError('E_IMAGE_DECODE', `Cannot decode ${format} image ${input} (corrupt or truncated)`, { input, cause: error });
  }
}

/** Invert in place when most of the image is dark (white text and rules on black). */
function normalisePolarity(img: GreyImage): boolean {
  const step = Math.max(1, Math.floor(img.data.length / 200_000));
  let dark = 0;
  let n = 0;
  for (let i = 0; i < img.data.length; i += step, n++) if (img.data[i]! < 128) dark++;
  if (dark / n <= 0.5) return false;
  for (let i = 0; i < img.data.length; i++) img.data[i] = 255 - img.data[i]!;
  return true;
}

export async function decodeImage(bytes: Buffer, input: string, limits: DecodeLimits = {}): Promise<DecodedImage> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const format = sniffFormat(bytes);
  if (format === null) throw new SkipError('E_UNSUPPORTED_FORMAT', `${input} is not a PNG, JPEG, GIF, WebP or BMP image`, { input });
  checkSize(await headerSize(bytes, format, input), lim, input);
  const grey = format === 'bmp' ? { ...decodeBmp(bytes, input), exifOrientation: null } : await decodeWithSharp(bytes, format, lim, input);
  const inverted = normalisePolarity(grey);
  const digest = createHash('sha256').update(bytes).digest('hex');
  return { ...grey, format, digest, inverted };
}
