/**
 * A table screenshot as a phone photo of the printed page: a margin of paper around it, a keystone (the phone
 * tilted 3–6° so one edge of the table is nearer), a small turn, a slight blur, light falling off towards one
 * corner (paper down to ~70 % brightness), sensor noise, JPEG q 70–80.
 *
 * On a desk (`photographedOnDesk`): the whole page in the frame with the report's text above and below the table,
 * the darker desk around it, a pen lying across a corner of the page, and the same tilt, light, noise and JPEG.
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

/** Light falling off from a random corner to ~70 %, sensor noise, slight blur, JPEG q 70–80. */
async function asPhoto(img: GreyImage, rand: () => number): Promise<Buffer> {
  const { width: w, height: h } = img;
  const lx = rand() < 0.5 ? 0 : w;
  const ly = rand() < 0.5 ? 0 : h;
  const far = Math.hypot(w, h);
  const out = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const light = 0.94 - 0.26 * (Math.hypot(x - lx, y - ly) / far);
      const noise = (rand() + rand() - 1) * 8;
      out[y * w + x] = Math.max(0, Math.min(255, Math.round(img.data[y * w + x]! * light + noise)));
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: 1 } })
    .blur(0.7)
    .jpeg({ quality: 70 + Math.floor(rand() * 11) })
    .toBuffer();
}

/** The report's text around the table: its part's heading and a sentence above, the next part's heading below. */
async function withReportText(png: Buffer): Promise<Buffer> {
  const { width = 800 } = await sharp(png).metadata();
  const line = (text: string, y: number, px: number): string =>
    `<text x="24" y="${y}" font-family="Noto Serif CJK SC" font-size="${px}" fill="#111">${text}</text>`;
  const above = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="110"><rect width="100%" height="100%" fill="#fff"/>${line('二、主动公开政府信息情况', 40, 20)}${line('本年度主动公开政府信息情况见下表（单位：条、件、万元）。', 84, 16)}</svg>`;
  const below = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="80"><rect width="100%" height="100%" fill="#fff"/>${line('三、收到和处理政府信息公开申请情况', 52, 20)}</svg>`;
  const [top, bottom] = await Promise.all([sharp(Buffer.from(above)).png().toBuffer(), sharp(Buffer.from(below)).png().toBuffer()]);
  const meta = await sharp(png).metadata();
  return sharp({ create: { width, height: (meta.height ?? 0) + 190, channels: 3, background: '#ffffff' } })
    .composite([
      { input: top, top: 0, left: 0 },
      { input: await sharp(png).flatten({ background: '#ffffff' }).toBuffer(), top: 110, left: 0 },
      { input: bottom, top: 110 + (meta.height ?? 0), left: 0 },
    ])
    .png()
    .toBuffer();
}

/** A pen across the segment a → b: a dark bar `r` px wide, its clip a lighter grey. */
function drawPen(img: GreyImage, a: { x: number; y: number }, b: { x: number; y: number }, r: number): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const data = img.data as Uint8Array;
  for (let y = Math.max(0, Math.floor(Math.min(a.y, b.y) - r)); y < Math.min(img.height, Math.ceil(Math.max(a.y, b.y) + r)); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(a.x, b.x) - r)); x < Math.min(img.width, Math.ceil(Math.max(a.x, b.x) + r)); x++) {
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      const d = Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
      if (d <= r) data[y * img.width + x] = t < 0.2 ? 120 : 35;
    }
  }
}

export async function photographedOnDesk(png: Buffer, rand: () => number): Promise<Buffer> {
  const page = await greyOf(await withReportText(png), 50);
  const { width: pw, height: ph } = page;
  const border = Math.round(Math.min(pw, ph) * (0.06 + rand() * 0.06));
  const [w, h] = [pw + 2 * border, ph + 2 * border];
  const dst = photoQuad(pw, ph, rand).map((p) => ({ x: p.x + border, y: p.y + border })) as unknown as Quad;
  const toSource = homographyOf(dst, [{ x: 0, y: 0 }, { x: pw, y: 0 }, { x: pw, y: ph }, { x: 0, y: ph }]);
  if (toSource === null) throw new Error('Expected a non-degenerate photo quad');
  // Paper where the page lands (a white sheet warped alongside), the desk elsewhere: dark wood grain.
  const sheet = warpGrey({ width: pw, height: ph, data: new Uint8Array(pw * ph).fill(255) }, toSource, w, h, 0);
  const warped = warpGrey(page, toSource, w, h, 0);
  const grain = 6 + rand() * 10;
  const frame: GreyImage = { width: w, height: h, data: new Uint8Array(w * h) };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const desk = 85 + 18 * Math.sin((y + 0.15 * x) / grain) + 10 * Math.sin(x / 97);
      const paper = sheet.data[i]! / 255;
      (frame.data as Uint8Array)[i] = Math.round(paper * warped.data[i]! + (1 - paper) * desk);
    }
  }
  // A pen from the desk onto the page's top corner margin, clear of the table.
  const corner = dst[rand() < 0.5 ? 0 : 1];
  const inward = corner.x < w / 2 ? 1 : -1;
  drawPen(frame, { x: corner.x - inward * border * 0.8, y: corner.y + border * 0.2 }, { x: corner.x + inward * 45, y: corner.y + 25 }, 7);
  return asPhoto(frame, rand);
}

export async function photographed(png: Buffer, rand: () => number): Promise<Buffer> {
  const page = await greyOf(png, 60);
  const { width: w, height: h } = page;
  const dst = photoQuad(w, h, rand);
  const src: Quad = [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }];
  const toSource = homographyOf(dst, src);
  if (toSource === null) throw new Error('Expected a non-degenerate photo quad');
  const warped = warpGrey(page, toSource, w, h, 235);
  return asPhoto(warped, rand);
}
