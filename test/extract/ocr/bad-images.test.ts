import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isNianbaoError } from '../../../common/errors.ts';
import { crc32 } from '../../../demo/reports/render-table-png.ts';
import { decodeImage } from '../../../extract/ocr/decode.ts';
import { prepareImage } from '../../../extract/ocr/prepare-image.ts';

const fixture = (name: string): Promise<Buffer> => readFile(new URL(`../../fixtures/ocr/${name}`, import.meta.url));

/** A PNG signature and IHDR claiming `w`×`h`, with no pixel data. */
export function pngHeaderOnly(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const body = Buffer.concat([Buffer.from('IHDR', 'ascii'), ihdr]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(13, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), len, body, crc]);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return isNianbaoError(error) ? `${error.action}:${error.code}` : `untyped:${String(error)}`;
  }
}

describe('bad images', () => {
  it('refuses a 20000×20000 image from its header, before decoding', async () => {
    const before = process.memoryUsage().rss;
    expect(await codeOf(decodeImage(pngHeaderOnly(20000, 20000), 'huge.png'))).toBe('skip:E_IMAGE_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('types truncated, foreign and tiny inputs', async () => {
    const png = await fixture('t3-2021-word.png');
    expect(await codeOf(decodeImage(png.subarray(0, png.length >> 1), 'cut.png'))).toBe('skip:E_IMAGE_DECODE');
    expect(await codeOf(decodeImage(Buffer.from('<html>not an image</html>'), 'page.html'))).toBe('skip:E_UNSUPPORTED_FORMAT');
    const tiny = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await codeOf(decodeImage(tiny, 'tiny.png'))).toBe('skip:E_OCR_NO_TABLE');
    const bmp = await fixture('t4-2021-word-bmp.bmp');
    expect(await codeOf(decodeImage(bmp.subarray(0, 2000), 'cut.bmp'))).toBe('skip:E_IMAGE_DECODE');
  });

  it('reports blank and non-table images as E_OCR_NO_TABLE', async () => {
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    expect(await codeOf(prepareImage(blank, 'blank.jpg'))).toBe('skip:E_OCR_NO_TABLE');
    // A "photo": smooth gradient with blobs, no rules.
    const w = 600;
    const h = 400;
    const px = new Uint8Array(w * h).map((_, i) => 120 + Math.round(80 * Math.sin(i / 5000)) + ((i * 7919) % 23));
    const photo = await sharp(Buffer.from(px), { raw: { width: w, height: h, channels: 1 } }).png().toBuffer();
    expect(await codeOf(prepareImage(photo, 'photo.png'))).toBe('skip:E_OCR_NO_TABLE');
  });

  it('reads an inverted (light-on-dark) table and a table cropped to its top rows as what they are', async () => {
    const inverted = await sharp(await fixture('t4-2021-word.png')).negate({ alpha: false }).png().toBuffer();
    const prepared = await prepareImage(inverted, 'inverted.png');
    expect(prepared.decoded.inverted).toBe(true);
    expect(prepared.layouts.map((l) => l.kind)).toEqual(['t4']);
    const meta = await sharp(await fixture('t4-2021-word.png')).metadata();
    const cropped = await sharp(await fixture('t4-2021-word.png')).extract({ left: 0, top: 0, width: meta.width!, height: 60 }).png().toBuffer();
    expect(await codeOf(prepareImage(cropped, 'cropped.png'))).toBe('skip:E_OCR_NO_TABLE');
  });
});
