/**
 * Uncompressed Windows BMP (1/4/8-bit palette, 16/24/32-bit; BI_RGB or BI_BITFIELDS with the usual masks) to
 * greyscale. sharp (libvips) has no BMP loader; screenshots saved from old Windows tools still arrive as BMP.
 */
import { SkipError } from '../../common/errors.ts';
import type { GreyImage } from './grey-image.ts';

const luma = (r: number, g: number, b: number): number => Math.round(0.299 * r + 0.587 * g + 0.114 * b);

export function bmpDimensions(bytes: Buffer, input: string): { width: number; height: number } {
  if (bytes.length < 26) throw new SkipError('E_IMAGE_DECODE', `BMP header of ${input} is truncated`, { input });
  const headerSize = bytes.readUInt32LE(14);
  if (headerSize === 12) return { width: bytes.readUInt16LE(18), height: bytes.readUInt16LE(20) };
  return { width: Math.abs(bytes.readInt32LE(18)), height: Math.abs(bytes.readInt32LE(22)) };
}

export function decodeBmp(bytes: Buffer, input: string): GreyImage {
  const fail = (why: string): never => {
    throw new SkipError('E_IMAGE_DECODE', `Cannot decode BMP ${input}: ${why}`, { input });
  };
  if (bytes.length < 54) fail('header truncated');
  const offset = bytes.readUInt32LE(10);
  const headerSize = bytes.readUInt32LE(14);
  if (headerSize < 40) fail(`unsupported header size ${headerSize}`);
  const width = bytes.readInt32LE(18);
  const rawHeight = bytes.readInt32LE(22);
  const height = Math.abs(rawHeight);
  const bpp = bytes.readUInt16LE(28);
  const compression = bytes.readUInt32LE(30);
  if (width <= 0 || height === 0) fail('empty image');
  if (compression !== 0 && compression !== 3) fail(`compressed BMP (method ${compression}) not supported`);
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) fail(`${bpp} bits per pixel not supported`);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (offset + stride * height > bytes.length) fail('pixel data truncated');
  const paletteStart = 14 + headerSize;
  const colours = bytes.readUInt32LE(46) || (bpp <= 8 ? 1 << bpp : 0);
  const palette = new Uint8Array(Math.max(colours, 1));
  for (let i = 0; i < colours && paletteStart + i * 4 + 2 < bytes.length; i++) {
    const p = paletteStart + i * 4;
    palette[i] = luma(bytes[p + 2]!, bytes[p + 1]!, bytes[p]!);
  }
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    const dst = y * width;
    for (let x = 0; x < width; x++) {
      if (bpp === 24 || bpp === 32) {
        const p = src + x * (bpp / 8);
        data[dst + x] = luma(bytes[p + 2]!, bytes[p + 1]!, bytes[p]!);
      } else if (bpp === 16) {
        const v = bytes.readUInt16LE(src + x * 2);
        data[dst + x] = luma(((v >> 10) & 31) * 8.2, ((v >> 5) & 31) * 8.2, (v & 31) * 8.2);
      } else {
        const bit = x * bpp;
        const byte = bytes[src + (bit >> 3)]!;
        const index = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        data[dst + x] = palette[index] ?? 0;
      }
    }
  }
  return { width, height, data };
}
