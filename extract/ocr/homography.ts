/**
 * Plane projective transforms (homographies) between four point pairs, and a bilinear warp of a GreyImage through
 * one: what perspective.ts uses to straighten a photographed table, and the fixture generator to make such photos.
 */
import type { GreyImage } from './grey-image.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Four corners, clockwise from the top left. */
export type Quad = readonly [Point, Point, Point, Point];

/** Row-major 3×3 matrix with h[8] = 1. */
export type Homography = readonly number[];

/** Solve A·x = b (n×n, partial pivoting); null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** The homography that maps each `from[i]` onto `to[i]`; null for degenerate quads (three corners on a line). */
export function homographyOf(from: Quad, to: Quad): Homography | null {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return h === null ? null : [...h, 1];
}

export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/**
 * The output image of `width` × `height` whose pixel (x, y) is the input sampled (bilinear) at `toSource(x, y)`;
 * outside the input the pixel is `background`.
 */
export function warpGrey(img: GreyImage, toSource: Homography, width: number, height: number, background = 255): GreyImage {
  const out = new Uint8Array(width * height);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toSource as [number, number, number, number, number, number, number, number, number];
  const { width: sw, height: sh, data } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = h6 * x + h7 * y + h8;
      const sx = (h0 * x + h1 * y + h2) / w;
      const sy = (h3 * x + h4 * y + h5) / w;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      let v: number;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        const fx = sx - x0;
        const fy = sy - y0;
        const i = y0 * sw + x0;
        const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
        const bottom = data[i + sw]! + (data[i + sw + 1]! - data[i + sw]!) * fx;
        v = top + (bottom - top) * fy;
      } else v = sampleEdge(img, sx, sy, background);
      out[y * width + x] = Math.round(v);
    }
  }
  return { width, height, data: out };
}

/** Bilinear sample near or beyond the border: pixels outside count as `background`. */
function sampleEdge(img: GreyImage, sx: number, sy: number, background: number): number {
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  if (x0 < -1 || y0 < -1 || x0 >= img.width || y0 >= img.height) return background;
  const fx = sx - x0;
  const fy = sy - y0;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= img.width || y >= img.height ? background : img.data[y * img.width + x]!);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}
