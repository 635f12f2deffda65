/**
 * Test helper: a committed table image cut horizontally at row boundaries into several PNGs, as a page break cuts a
 * table into two or three screenshots. Each cut is on the ruled line above body row `s` (the line is kept in both
 * parts, so each part is a closed grid) and each part gets a white margin above and below.
 */
import sharp from 'sharp';
import { prepareImage } from '../../../extract/ocr/prepare-image.ts';

/** Cuts the image's first table above each of the given body rows (ascending). */
export async function cutAtRows(bytes: Buffer, bodyRows: readonly number[]): Promise<Buffer[]> {
  const prepared = await prepareImage(bytes, 'cut');
  if (Math.abs(prepared.skewDegrees) > 0.05) throw new Error('cutAtRows needs an upright image');
  const layout = prepared.layouts[0]!;
  const { width, height } = prepared.image;
  const rules = bodyRows.map((s) => layout.grid.hRules[layout.rows[s]!.row]!);
  const tops = [0, ...rules.map((r) => r.lo)];
  const bottoms = [...rules.map((r) => r.hi + 1), height];
  return Promise.all(
    tops.map((top, i) =>
      sharp(bytes)
        .extract({ left: 0, top, width, height: bottoms[i]! - top })
        .extend({ top: 14, bottom: 14, background: '#ffffff' })
        .png()
        .toBuffer(),
    ),
  );
}
