import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findInk, inkThreshold } from '../../../extract/ocr/crops.ts';
import type { GreyImage } from '../../../extract/ocr/grey-image.ts';
import { leadingMinus, lostMinus } from '../../../extract/ocr/minus-sign.ts';

/** A value cell's crop: `text` in a Song-style or sans font, rendered by librsvg as a scan would show it. */
async function cellCrop(text: string, font: string, px = 22): Promise<GreyImage> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/>` +
    `<text x="60" y="29" font-family="${font}" font-size="${px}" text-anchor="middle" fill="#000">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

async function inkOf(text: string, font: string): Promise<ReturnType<typeof findInk>> {
  const img = await cellCrop(text, font);
  const box = { x0: 2, y0: 2, x1: img.width - 2, y1: img.height - 2 };
  return findInk(img, box, inkThreshold(img, [box]));
}

describe('a minus sign no engine read', () => {
  for (const font of ['AR PL UMing CN', 'Noto Sans CJK SC', 'Noto Serif CJK SC']) {
    it(`sees the minus of -4 and -417 in ${font}`, async () => {
      const ink = await inkOf('-4', font);
      expect(leadingMinus(ink)).toBe(true);
      // Both engines read "4": the lost minus is caught; a reading with the minus is not.
      expect(lostMinus(ink, ['4', '4'])).toBe(true);
      expect(lostMinus(ink, ['4', '-4'])).toBe(false);
      expect(leadingMinus(await inkOf('-417', font))).toBe(true);
    });

    it(`sees no minus in positive numbers and decimals in ${font}`, async () => {
      for (const text of ['4', '14', '417', '0.35', '71', '251000元']) expect(leadingMinus(await inkOf(text, font)), text).toBe(false);
    });
  }
});
