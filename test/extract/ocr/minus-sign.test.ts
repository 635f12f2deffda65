/**
 * A lost minus sign: crops of `-4`, `-417` rendered as a cell, the minus as dark as the digits or faint (a scan's
 * blurred 1-px dash, lighter than the ink threshold), or joined to the digit (a 67 % zoom render), must be seen when
 * no reading has the minus.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findInk, inkThreshold } from '../../../extract/ocr/crops.ts';
import type { GreyImage } from '../../../extract/ocr/grey-image.ts';
import { faintMinus, joinedMinus, leadingMinus, lostMinus } from '../../../extract/ocr/minus-sign.ts';

/** A value cell's crop: `text` (SVG markup allowed) centred, rendered by librsvg, optionally blurred. */
async function cellCrop(text: string, font: string, blur = 0, px = 22): Promise<GreyImage> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/>` +
    `<text x="60" y="${20 + Math.round(px * 0.4)}" font-family="${font}" font-size="${px}" text-anchor="middle" fill="#000">${text}</text></svg>`;
  let pipeline = sharp(Buffer.from(svg)).greyscale();
  if (blur > 0) pipeline = pipeline.blur(blur);
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

function cellFrom(img: GreyImage): Parameters<typeof lostMinus>[0] {
  const interior = { x0: 2, y0: 2, x1: img.width - 2, y1: img.height - 2 };
  const thr = inkThreshold(img, [interior]);
  return { img, interior, ink: findInk(img, interior, thr), inkThreshold: thr };
}

async function cellOf(text: string, font: string, blur = 0, px = 22): Promise<Parameters<typeof lostMinus>[0]> {
  return cellFrom(await cellCrop(text, font, blur, px));
}

/**
 * `-4` as Chromium drew it at 67 % zoom in Noto Sans (bench image t2-2019-zoom67-001, 本年增/减 of 其他对外管理服务事项):
 * the dash runs into the 4's crossbar, one glyph; both engines read `4`. Grey levels, one hex byte a pixel.
 */
const JOINED_MINUS_4 = [
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffe814c3ffffffffffffffffff',
  'ffffffffffffffffffffffff5a4dc3ffffffffffffffffff',
  'ffffffffffffffffffffffb47870c3ffffffffffffffffff',
  'fffffffffffffffffffff34ef96fc3ffffffffffffffffff',
  'ffffffffffffffa05c78842c442036e1ffffffffffffffff',
  'ffffffffffffffffffffffffff6fc3ffffffffffffffffff',
  'ffffffffffffffffffffffffff6fc3ffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
  'ffffffffffffffffffffffffffffffffffffffffffffffff',
];

function imageOfHex(rows: readonly string[]): GreyImage {
  const width = rows[0]!.length / 2;
  return { width, height: rows.length, data: Uint8Array.from(Buffer.from(rows.join(''), 'hex')) };
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

  it('sees a minus joined to the 4 after it (67 % zoom), and no minus in a plain 4 of any size', async () => {
    const joined = cellFrom(imageOfHex(JOINED_MINUS_4));
    expect(joined.ink.glyphs).toHaveLength(1);
    expect(leadingMinus(joined.ink)).toBe(false);
    expect(joinedMinus(joined.img, joined.ink, joined.inkThreshold)).toBe(true);
    expect(lostMinus(joined, ['4', '4'])).toBe(true);
    for (const font of ['AR PL UMing CN', 'Noto Sans CJK SC', 'Noto Serif CJK SC']) {
      for (const px of [9, 11, 14, 22]) {
        for (const text of ['4', '41', '14', '47', '1', '7', '2', '5']) {
          const cell = await cellOf(text, font, 0, px);
          expect(joinedMinus(cell.img, cell.ink, cell.inkThreshold), `${text} ${font} ${px}px`).toBe(false);
        }
      }
    }
  });
});
