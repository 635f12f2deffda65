/**
 * Skew correction: the angle that makes the horizontal projection of dark pixels sharpest (rules and text lines
 * collapse into few rows), searched over ±maxDegrees coarse then fine; rotated back with sharp's affine transform
 * and the nohalo interpolator (plain bilinear rotation blurs the digits enough to cost several points of accuracy).
 */
import sharp from 'sharp';
import type { GreyImage } from './grey-image.ts';

export interface DeskewResult {
  readonly image: GreyImage;
  /** Detected skew in degrees (positive: lines fall to the right); 0 when not rotated. */
  readonly angle: number;
}

function darkPoints(img: GreyImage, limit: number): { xs: Int32Array; ys: Int32Array } {
  let count = 0;
  for (let i = 0; i < img.data.length; i++) if (img.data[i]! < 128) count++;
  const step = Math.max(1, Math.ceil(count / limit));
  const n = Math.ceil(count / step);
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  let k = 0;
  let seen = 0;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) {
      if (img.data[row + x]! >= 128) continue;
      if (seen++ % step === 0 && k < n) {
        xs[k] = x;
        ys[k] = y;
        k++;
      }
    }
  }
  return { xs: xs.subarray(0, k), ys: ys.subarray(0, k) };
}

function sharpness(xs: Int32Array, ys: Int32Array, degrees: number, height: number, width: number): number {
  const t = Math.tan((degrees * Math.PI) / 180);
  const pad = Math.ceil(Math.abs(t) * width) + 2;
  const bins = new Float64Array(height + 2 * pad);
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]! - xs[i]! * t + pad;
    const lo = Math.floor(y);
    const f = y - lo;
    bins[lo] = bins[lo]! + 1 - f;
    bins[lo + 1] = bins[lo + 1]! + f;
  }
  let score = 0;
  for (let i = 0; i < bins.length; i++) score += bins[i]! * bins[i]!;
  return score;
}

/** Dark points the coarse search projects (every k-th: the peak's place does not need them all). */
const COARSE_POINTS = 50_000;
/** Dark points the fine search projects. */
const FINE_POINTS = 250_000;

/** Every k-th point, at most `limit` of them. */
function thinned(points: { xs: Int32Array; ys: Int32Array }, limit: number): { xs: Int32Array; ys: Int32Array } {
  const step = Math.ceil(points.xs.length / limit);
  if (step <= 1) return points;
  const n = Math.ceil(points.xs.length / step);
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  for (let i = 0, k = 0; k < n; i += step, k++) {
    xs[k] = points.xs[i]!;
    ys[k] = points.ys[i]!;
  }
  return { xs, ys };
}

export function estimateSkew(img: GreyImage, maxDegrees = 3): number {
  const fine = darkPoints(img, FINE_POINTS);
  if (fine.xs.length < 100) return 0;
  const coarsePoints = thinned(fine, COARSE_POINTS);
  const search = ({ xs, ys }: { xs: Int32Array; ys: Int32Array }, from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = sharpness(xs, ys, a, img.height, img.width);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(coarsePoints, -maxDegrees, maxDegrees, 0.1);
  return Math.round(search(fine, coarse - 0.1, coarse + 0.1, 0.01) * 100) / 100;
}

/** Rotate by -angle (degrees) with nohalo; the canvas grows, new pixels are white. */
export async function rotateGrey(img: GreyImage, degrees: number): Promise<GreyImage> {
  const r = (degrees * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  const { data, info } = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 1 },
  })
    .affine([c, s, -s, c], { background: '#ffffff', interpolator: sharp.interpolators.nohalo })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = new Uint8Array(info.width * info.height);
  if (info.channels === 1) out.set(data);
  else for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels]!;
  return { width: info.width, height: info.height, data: out };
}

export async function deskew(img: GreyImage, minDegrees = 0.04): Promise<DeskewResult> {
  const angle = estimateSkew(img);
  if (Math.abs(angle) < minDegrees) return { image: img, angle: 0 };
  return { image: await rotateGrey(img, angle), angle };
}
