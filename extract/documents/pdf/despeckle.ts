/**
 * Scanned pages carry sensor specks: isolated dark pixels (at 200 dpi, a few per table cell) that the OCR crops
 * blow up into extra glyphs (`0` read as `128`, `11` as `41`). A dark pixel with at most one dark neighbour is
 * replaced by the median of its 3 × 3 neighbourhood; everything else (strokes, 1 px rules, which have two dark
 * neighbours) is left exactly as scanned. Only pages detected as scans get this, never embedded table pictures.
 */
import sharp from 'sharp';

const DARK = 128;

/** Returns a greyscale PNG of `bytes` with isolated dark specks removed. */
export async function despeckle(bytes: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  const w = info.width;
  const h = info.height;
  const out = Buffer.from(data);
  const around = new Uint8Array(9);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (data[i]! >= DARK) continue;
      let dark = 0;
      let k = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const v = data[i + dy * w + dx]!;
          around[k++] = v;
          if ((dx !== 0 || dy !== 0) && v < DARK) dark++;
        }
      }
      if (dark <= 1) out[i] = around.sort()[4]!;
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: 1 } }).png().toBuffer();
}
