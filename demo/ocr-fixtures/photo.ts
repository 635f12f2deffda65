/**
 * A table screenshot as a phone photo of the printed page: a margin of paper around it, a keystone (the phone
 * tilted 3–6° so one edge of the table is nearer), a small turn, a slight blur, light falling off towards one
 * corner (paper down to ~70 % brightness), sensor noise, JPEG q 70–80.
 */
import sharp from 'sharp';
import { homographyOf, warpGrey, type Quad } from '../../extract/ocr/homography.ts';
import type { GreyImage } from '../../extract/ocr/grey-image.ts';

async function greyOf(png: Buffer, margin: number): Promise<GreyImage> {
  const { data, info } = await sharp(png)
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = new Uint8Array(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels]!;
  return { width: info.width, height: info.height, data: out };
}

/** Where the corners of a w × h page land in the photo: keystone on one axis, a small turn. */
function photoQuad(w: number, h: number, rand: () => number): Quad {
  const tilt = ((3 + rand() * 3) * Math.PI) / 180;
  const inset = Math.tan(tilt) * (rand() < 0.5 ? w : h) * 0.5;
  const vertical = rand() < 0.6;
  const farTop = rand() < 0.5;
  // Keystone: the far edge is shorter by 2 × inset.
  let quad: [number, number][] = vertical
    ? farTop
      ? [[inset, 0], [w - inset, 0], [w, h], [0, h]]
      : [[0, 0], [w, 0], [w - inset, h], [inset, h]]
    : farTop
      ? [[0, inset], [w, 0], [w, h], [0, h - inset]]
      : [[0, 0], [w, inset], [w, h - inset], [0, h]];
  const turn = (((rand() - 0.5) * 3) * Math.PI) / 180;
  const [cx, cy] = [w / 2, h / 2];
  quad = quad.map(([x, y]) => [cx + (x - cx) * Math.cos(turn) - (y - cy) * Math.sin(turn), cy + (x - cx) * Math.sin(turn) + (y - cy) * Math.cos(turn)]);
  const p = (i: number): { x: number; y: number } => ({ x: quad[i]![0], y: quad[i]![1] });
  return [p(0), p(1), p(2), p(3)];
}

export async function photographed(png: Buffer, rand: () => number): Promise<Buffer> {
  const page = await greyOf(png, 60);
  const { width: w, height: h } = page;
  const dst = photoQuad(w, h, rand);
  const src: Quad = [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }];
  const toSource = homographyOf(dst, src);
  if (toSource === null) throw new Error('Expected a non-degenerate photo quad');
  const warped = warpGrey(page, toSource, w, h, 235);
  // Light: brightest at a random corner, falling to ~70 % at the opposite one; paper is ~240 at its brightest.
  const lx = rand() < 0.5 ? 0 : w;
  const ly = rand() < 0.5 ? 0 : h;
  const far = Math.hypot(w, h);
  const out = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const light = 0.94 - 0.26 * (Math.hypot(x - lx, y - ly) / far);
      const noise = (rand() + rand() - 1) * 8;
      out[y * w + x] = Math.max(0, Math.min(255, Math.round(warped.data[y * w + x]! * light + noise)));
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: 1 } })
    .blur(0.7)
    .jpeg({ quality: 70 + Math.floor(rand() * 11) })
    .toBuffer();
}
