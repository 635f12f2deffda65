/**
 * How a table screenshot looks once it reaches a portal: a Word table screenshot, a phone screenshot saved as JPEG,
 * a scanned page (slight rotation, paper tone, noise), a low-resolution copy. Each look fixes the font and
 * device scale of the Chromium render and the sharp post-processing.
 */
import sharp from 'sharp';
import { seededRandom } from '../reports/generate-values.ts';

export type LookId = 'word' | 'phone' | 'scan' | 'lowres';
export const LOOKS: readonly LookId[] = ['word', 'phone', 'scan', 'lowres'];

export interface Look {
  readonly id: LookId;
  /** CSS font stack for every cell. */
  readonly font: string;
  readonly fontPx: number;
  readonly deviceScale: number;
  readonly format: 'png' | 'jpeg';
}

export const LOOK_SPECS: Readonly<Record<LookId, Look>> = {
  word: { id: 'word', font: "'AR PL UMing CN'", fontPx: 14, deviceScale: 1, format: 'png' },
  phone: { id: 'phone', font: "'Noto Sans CJK SC'", fontPx: 13, deviceScale: 2, format: 'jpeg' },
  scan: { id: 'scan', font: "'Noto Serif CJK SC'", fontPx: 14, deviceScale: 1.5, format: 'jpeg' },
  lowres: { id: 'lowres', font: "'Noto Serif CJK SC'", fontPx: 15, deviceScale: 1, format: 'png' },
};

/** Post-process a Chromium PNG screenshot into the look's final bytes. `seed` makes noise and angle deterministic. */
export async function applyLook(look: LookId, png: Buffer, seed: number): Promise<Buffer> {
  const rand = seededRandom(seed * 7919 + 17);
  switch (look) {
    case 'word':
      return sharp(png).png({ compressionLevel: 9, palette: true, colours: 16 }).toBuffer();
    case 'phone':
      return sharp(png).jpeg({ quality: 72, chromaSubsampling: '4:2:0' }).toBuffer();
    case 'scan':
      return scanned(png, rand);
    case 'lowres': {
      const meta = await sharp(png).metadata();
      const width = Math.round((meta.width ?? 1000) * 0.8);
      return sharp(png).resize({ width, kernel: 'lanczos3' }).png({ compressionLevel: 9 }).toBuffer();
    }
  }
}

/** Paper tone, a rotation of 0.3–0.9°, Gaussian-ish noise, a slight blur, JPEG q82. */
async function scanned(png: Buffer, rand: () => number): Promise<Buffer> {
  const angle = (0.3 + rand() * 0.6) * (rand() < 0.5 ? -1 : 1);
  const rotated = await sharp(png)
    .greyscale()
    .rotate(angle, { background: '#ffffff' })
    .blur(0.5)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = rotated;
  const out = Buffer.alloc(info.width * info.height);
  for (let i = 0; i < out.length; i++) {
    const noise = (rand() + rand() + rand() - 1.5) * 18;
    const paper = 236 + 10 * Math.sin(i / (info.width * 97));
    const ink = data[i * info.channels]! / 255;
    out[i] = Math.max(0, Math.min(255, Math.round(ink * paper + (1 - ink) * 20 + noise)));
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 1 } }).jpeg({ quality: 82 }).toBuffer();
}
