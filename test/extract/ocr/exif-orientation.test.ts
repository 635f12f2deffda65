/**
 * Phone photos are stored with their pixels sideways and an EXIF Orientation tag saying how to show them. The
 * decoder turns them as the tag says (as browsers show them), so the table is found upright without trying turns.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../extract/ocr/decode.ts';
import { prepareImage } from '../../../extract/ocr/prepare-image.ts';

const upright = (): Promise<Buffer> => readFile(new URL('../../fixtures/ocr/t2-2021-word.png', import.meta.url));

/** The image stored as a phone stores it: pixels turned so that `orientation` turns them back. */
async function storedSideways(png: Buffer, orientation: 3 | 6 | 8): Promise<Buffer> {
  const turn = { 3: 180, 6: 270, 8: 90 }[orientation];
  return sharp(png).rotate(turn).jpeg({ quality: 100 }).withMetadata({ orientation }).toBuffer();
}

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe('EXIF orientation', () => {
  it.each([3, 6, 8] as const)('a JPEG stored turned with Orientation %i decodes upright, and says so', async (orientation) => {
    const png = await upright();
    const want = await decodeImage(png, 'upright.png');
    const got = await decodeImage(await storedSideways(png, orientation), 'photo.jpg');
    expect(got.exifOrientation).toBe(orientation);
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    expect(meanDifference(got.data, want.data)).toBeLessThan(4);
  });

  it('an image without the tag is left as its pixels lie', async () => {
    const sideways = await sharp(await upright()).rotate(90).png().toBuffer();
    const got = await decodeImage(sideways, 'sideways.png');
    expect(got.exifOrientation).toBeNull();
    const meta = await sharp(sideways).metadata();
    expect([got.width, got.height]).toEqual([meta.width, meta.height]);
  });

  it('the table of a tagged photo is found as it lies after the tag: no quarter turn, a warning naming the tag', async () => {
    const prepared = await prepareImage(await storedSideways(await upright(), 6), 'photo.jpg');
    expect(prepared.quarter).toBe(0);
    expect(prepared.layouts.map((l) => l.kind)).toContain('t2');
    expect(prepared.warnings).toContain('photo.jpg: turned as its EXIF orientation 6 says');
  });
});
