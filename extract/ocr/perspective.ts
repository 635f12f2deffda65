/**
 * Perspective correction of a photographed table (a phone held at a slant: keystone, the table a trapezoid).
 * The table's ruled grid is one connected stroke: its outer quadrilateral is found from the largest connected
 * component of locally dark pixels clear of the photo's edges (the desk, the page's edge, a pen across it touch
 * them; when nothing large is clear of them, the largest of all), corners = the component's extreme points along
 * the two diagonals, and the
 * image is warped so that quadrilateral becomes an axis-aligned rectangle. A quadrilateral that is already a
 * rectangle, possibly rotated (screenshots, flat scans), is left alone: rotation is deskew.ts's job.
 */
import { applyHomography, homographyOf, warpGrey, type Point, type Quad } from './homography.ts';
import type { GreyImage } from './grey-image.ts';

/** Corners further than this (px) from a rectangle (parallelogram residual, or shear along a side) are a photo. */
const KEYSTONE_MIN_PX = 3;
/** The grid must span at least this share of the image's shorter side to be trusted as the table. */
const MIN_TABLE_SHARE = 0.2;

export interface PerspectiveResult {
  readonly image: GreyImage;
  /** The table's corners in the input image when it was warped; null when no correction was needed. */
  readonly quad: Quad | null;
}

/** Pixels darker than their neighbourhood (window mean − 12): ink under uneven lighting too. */
export function localDarkMask(img: GreyImage, radius = Math.max(8, Math.round(Math.min(img.width, img.height) / 60))): Uint8Array {
  const { width: w, height: h, data } = img;
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    for (let x = 0; x < w; x++) {
      rowSum += data[y * w + x]!;
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1]! + rowSum;
    }
  }
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const sum = integral[y1 * (w + 1) + x1]! - integral[y0 * (w + 1) + x1]! - integral[y1 * (w + 1) + x0]! + integral[y0 * (w + 1) + x0]!;
      const mean = sum / ((x1 - x0) * (y1 - y0));
      if (data[y * w + x]! < mean - 12) mask[y * w + x] = 1;
    }
  }
  return mask;
}

export interface ComponentQuad {
  readonly quad: Quad;
  readonly spanX: number;
  readonly spanY: number;
}

/** Share of a component's pixels in the middle of its bounding box (inset by a quarter each side) for it to be ruled inside. */
const RULED_INSIDE = 0.03;

/**
 * Corners of the connected components (8-neighbour) of `mask` with the largest bounding box: of all (`any`), and
 * of those clear of the image's edges and ruled inside (`inner`). What touches the edges of a photo is mostly not
 * the table: the desk around the page, a pen lying across it; a ring of dark desk around the page touches nothing
 * but has no rules inside it, as a table does.
 */
export function largestComponentQuads(mask: Uint8Array, width: number, height: number): { any: ComponentQuad | null; inner: ComponentQuad | null } {
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const members = new Int32Array(mask.length);
  let best: (ComponentQuad & { area: number }) | null = null;
  let bestInner: (ComponentQuad & { area: number }) | null = null;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || seen[start] === 1) continue;
    let top = 0;
    let count = 0;
    stack[top++] = start;
    seen[start] = 1;
    let minX = width, maxX = 0, minY = height, maxY = 0;
    // Extremes along the diagonals: x+y (top left, bottom right) and x−y (bottom left, top right).
    let tl = start, br = start, tr = start, bl = start;
    const sumOf = (i: number): number => (i % width) + Math.floor(i / width);
    const diffOf = (i: number): number => (i % width) - Math.floor(i / width);
    while (top > 0) {
      const i = stack[--top]!;
      members[count++] = i;
      const x = i % width;
      const y = (i - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x + y < sumOf(tl)) tl = i;
      if (x + y > sumOf(br)) br = i;
      if (x - y > diffOf(tr)) tr = i;
      if (x - y < diffOf(bl)) bl = i;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (mask[j] === 1 && seen[j] === 0) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    const area = (maxX - minX + 1) * (maxY - minY + 1);
    const p = (i: number): Point => ({ x: i % width, y: Math.floor(i / width) });
    const found = { quad: [p(tl), p(tr), p(br), p(bl)] as Quad, area, spanX: maxX - minX + 1, spanY: maxY - minY + 1 };
    if (best === null || area > best.area) best = found;
    const inner = minX > 0 && minY > 0 && maxX < width - 1 && maxY < height - 1;
    if (inner && (bestInner === null || area > bestInner.area) && ruledInside(members.subarray(0, count), width, { minX, maxX, minY, maxY })) bestInner = found;
  }
  return { any: best, inner: bestInner };
}

/** Enough of the pixels lie in the middle of the bounding box: rules cross it (a table), not only its rim (a ring). */
function ruledInside(members: Int32Array, width: number, box: { minX: number; maxX: number; minY: number; maxY: number }): boolean {
  const dx = (box.maxX - box.minX) / 4;
  const dy = (box.maxY - box.minY) / 4;
  let inside = 0;
  for (const i of members) {
    const x = i % width;
    const y = (i - x) / width;
    if (x > box.minX + dx && x < box.maxX - dx && y > box.minY + dy && y < box.maxY - dy) inside++;
  }
  return inside >= RULED_INSIDE * members.length;
}

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * How far a quad is from a (rotated) rectangle, in px: the parallelogram residual (0 for any parallelogram; a
 * trapezoid's difference of parallel sides) and the shear (the left side's run along the top side's direction).
 */
export function keystoneOf(quad: Quad): { residualPx: number; shearPx: number } {
  const [tl, tr, br, bl] = quad;
  const residualPx = Math.hypot(tl.x + br.x - tr.x - bl.x, tl.y + br.y - tr.y - bl.y);
  const top = { x: tr.x - tl.x, y: tr.y - tl.y };
  const shearPx = Math.abs(top.x * (bl.x - tl.x) + top.y * (bl.y - tl.y)) / Math.max(1, Math.hypot(top.x, top.y));
  return { residualPx, shearPx };
}

/** The table's outer quadrilateral when it is not a rectangle (a photo); null for screenshots and flat scans. */
export function findKeystone(img: GreyImage): Quad | null {
  const { any, inner } = largestComponentQuads(localDarkMask(img), img.width, img.height);
  const bigEnough = (c: ComponentQuad | null): c is ComponentQuad => c !== null && Math.min(c.spanX, c.spanY) >= MIN_TABLE_SHARE * Math.min(img.width, img.height);
  // The largest component clear of the edges is the table; a photo cropped to the table's own rules has none.
  const found = bigEnough(inner) ? inner : any;
  if (!bigEnough(found)) return null;
  const k = keystoneOf(found.quad);
  return k.residualPx > KEYSTONE_MIN_PX || k.shearPx > KEYSTONE_MIN_PX ? found.quad : null;
}

/** Warp the image so `quad` becomes an axis-aligned rectangle of its mean side lengths; the canvas holds all of it. */
export function rectify(img: GreyImage, quad: Quad): GreyImage {
  const [tl, tr, br, bl] = quad;
  const w = (dist(tl, tr) + dist(bl, br)) / 2;
  const h = (dist(tl, bl) + dist(tr, br)) / 2;
  const rect: Quad = [tl, { x: tl.x + w, y: tl.y }, { x: tl.x + w, y: tl.y + h }, { x: tl.x, y: tl.y + h }];
  const forward = homographyOf(quad, rect);
  if (forward === null) return img;
  const corners = [
    { x: 0, y: 0 },
    { x: img.width, y: 0 },
    { x: img.width, y: img.height },
    { x: 0, y: img.height },
  ].map((p) => applyHomography(forward, p));
  const margin = 8;
  const minX = Math.max(-img.width / 2, Math.min(...corners.map((p) => p.x))) - margin;
  const minY = Math.max(-img.height / 2, Math.min(...corners.map((p) => p.y))) - margin;
  const maxX = Math.min(1.5 * img.width, Math.max(...corners.map((p) => p.x))) + margin;
  const maxY = Math.min(1.5 * img.height, Math.max(...corners.map((p) => p.y))) + margin;
  const shift = (p: Point): Point => ({ x: p.x - minX, y: p.y - minY });
  const shifted: Quad = [shift(rect[0]), shift(rect[1]), shift(rect[2]), shift(rect[3])];
  const toSource = homographyOf(shifted, quad);
  if (toSource === null) return img;
  return warpGrey(img, toSource, Math.round(maxX - minX), Math.round(maxY - minY));
}

export function correctPerspective(img: GreyImage): PerspectiveResult {
  const quad = findKeystone(img);
  return quad === null ? { image: img, quad: null } : { image: rectify(img, quad), quad };
}
