/**
 * A lost minus sign: crops of `-4`, `-417` rendered as a cell, the minus as dark as the digits or faint (a scan's
 * blurred 1-px dash, lighter than the ink threshold), must be seen when no reading has the minus.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findInk, inkThreshold } from '../../../extract/ocr/crops.ts';
import type { GreyImage } from '../../../extract/ocr/grey-image.ts';
import { faintMinus, leadingMinus, lostMinus } from '../../../extract/ocr/minus-sign.ts';

/** A value cell's crop: `text` (SVG markup allowed) centred, rendered by librsvg, optionally blurred. */
async function cellCrop(text: string, font: string, blur = 0): Promise<GreyImage> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/>` +
    `<text x="60" y="29" font-family="${font}" font-size="22" text-anchor="middle" fill="#000">${text}</text></svg>`;
  let pipeline = sharp(Buffer.from(svg)).greyscale();
  if (blur > 0) pipeline = pipeline.blur(blur);
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

async function cellOf(text: string, font: string, blur = 0): Promise<Parameters<typeof lostMinus>[0]> {
  const img = await cellCrop(text, font, blur);
  const interior = { x0: 2, y0: 2, x1: img.width - 2, y1: img.height - 2 };
  const thr = inkThreshold(img, [interior]);
  return { img, interior, ink: findInk(img, interior, thr), inkThreshold: thr };
}

describe('a minus sign no engine read', () => {
  for (const font of ['AR PL UMing CN', 'Noto Sans CJK SC', 'Noto Serif CJK SC']) {
    it(`sees the minus of -4 and -417 in ${font}`, async () => {
      const cell = await cellOf('-4', font);
      expect(leadingMinus(cell.ink)).toBe(true);
      // Both engines read "4": the lost minus is caught; a reading with the minus is not.
      expect(lostMinus(cell, ['4', '4'])).toBe(true);
      expect(lostMinus(cell, ['4', '-4'])).toBe(false);
      expect(leadingMinus((await cellOf('-417', font)).ink)).toBe(true);
    });

    it(`sees a faint minus the ink threshold leaves out, in ${font}`, async () => {
      const cell = await cellOf('<tspan fill="#989898">-</tspan>3', font, 0.6);
      // The dash is lighter than the digits: it is not part of the ink, only the 3 is.
      expect(cell.ink.glyphs).toHaveLength(1);
      expect(leadingMinus(cell.ink)).toBe(false);
      expect(faintMinus(cell.img, cell.interior, cell.ink, cell.inkThreshold)).toBe(true);
      expect(lostMinus(cell, ['3', '3'])).toBe(true);
    });

    it(`sees no minus in positive numbers and decimals in ${font}`, async () => {
      for (const text of ['4', '14', '417', '0.35', '71', '251000元', '<tspan fill="#b4b4b4">.</tspan>5']) {
        const cell = await cellOf(text, font, 0.6);
        expect(lostMinus(cell, [text]), text).toBe(false);
      }
    });
  }
});
