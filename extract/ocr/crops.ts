/**
 * Clean crops of value cells: the cell interior minus rule remnants, trimmed to the ink box, upscaled (bicubic)
 * so digits are about `targetHeight` px high, contrast-stretched and padded with white — the input the digit
 * model reads best (feasibility §2.3b). Also the glyph segmentation used by the consensus pass.
 */
import { histogram, otsuThreshold, type Box, type GreyImage } from './grey-image.ts';

export type InkKind = 'blank' | 'dash' | 'slash' | 'ink';

export interface CellInk {
  /** Ink box in image pixels, null when blank. */
  readonly box: Box | null;
  readonly kind: InkKind;
  /** Glyphs (column-gap segments) inside the ink box, left to right. */
  readonly glyphs: readonly Box[];
}

/**
 * Ink threshold over the interiors of the given cells (ink vs paper), clamped to a sane range: pixels darker than
 * it (`<`) are ink. Otsu's class of ink includes its threshold level itself, hence + 1: in a palette PNG the
 * anti-aliased strokes of a thin zero can all sit on exactly that grey (16-colour Word screenshots, UMing).
 */
export function inkThreshold(img: GreyImage, boxes: readonly Box[]): number {
  const hist = new Uint32Array(256);
  for (const b of boxes) {
    const h = histogram(img, b);
    for (let i = 0; i < 256; i++) hist[i]! += h[i]!;
  }
  return Math.max(60, Math.min(200, otsuThreshold(hist) + 1));
}

export function insetBox(box: Box, inset: number): Box {
  return { x0: box.x0 + inset, x1: box.x1 - inset, y0: box.y0 + inset, y1: box.y1 - inset };
}

/** Ink of one cell interior. */
export function findInk(img: GreyImage, interior: Box, thr: number): CellInk {
  const w = interior.x1 - interior.x0;
  const h = interior.y1 - interior.y0;
  if (w <= 2 || h <= 2) return { box: null, kind: 'blank', glyphs: [] };
  const rowCount = new Int32Array(h);
  const colCount = new Int32Array(w);
  for (let y = 0; y < h; y++) {
    const row = (interior.y0 + y) * img.width + interior.x0;
    for (let x = 0; x < w; x++) {
      if (img.data[row + x]! < thr) {
        rowCount[y]!++;
        colCount[x]!++;
      }
    }
  }
  // Rule remnants: rows or columns at the border dark over most of the span.
  const rowRule = (y: number): boolean => rowCount[y]! > 0.6 * w;
  const colRule = (x: number): boolean => colCount[x]! > 0.85 * h;
  let y0 = 0;
  let y1 = h - 1;
  let x0 = 0;
  let x1 = w - 1;
  while (y0 < h && (rowCount[y0] === 0 || (y0 < 3 && rowRule(y0)))) y0++;
  while (y1 >= y0 && (rowCount[y1] === 0 || (y1 > h - 4 && rowRule(y1)))) y1--;
  while (x0 < w && (colCount[x0] === 0 || (x0 < 3 && colRule(x0)))) x0++;
  while (x1 >= x0 && (colCount[x1] === 0 || (x1 > w - 4 && colRule(x1)))) x1--;
  if (y1 < y0 || x1 < x0) return { box: null, kind: 'blank', glyphs: [] };
  // Specks: fewer than 3 dark pixels in total is noise.
  let total = 0;
  for (let y = y0; y <= y1; y++) total += rowCount[y]!;
  if (total < 3) return { box: null, kind: 'blank', glyphs: [] };
  const box: Box = { x0: interior.x0 + x0, x1: interior.x0 + x1 + 1, y0: interior.y0 + y0, y1: interior.y0 + y1 + 1 };
  const glyphs = segmentGlyphs(img, box, thr);
  return { box, kind: 'ink', glyphs };
}

/** Split an ink box into glyphs at empty columns; each glyph trimmed vertically. */
export function segmentGlyphs(img: GreyImage, box: Box, thr: number): Box[] {
  const glyphs: Box[] = [];
  let start = -1;
  const flush = (end: number): void => {
    let gy0 = box.y1;
    let gy1 = box.y0 - 1;
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = start; x < end; x++) {
        if (img.data[y * img.width + x]! < thr) {
          gy0 = Math.min(gy0, y);
          gy1 = Math.max(gy1, y);
          break;
        }
      }
    }
    if (gy1 >= gy0) glyphs.push({ x0: start, x1: end, y0: gy0, y1: gy1 + 1 });
    start = -1;
  };
  for (let x = box.x0; x < box.x1; x++) {
    let dark = false;
    for (let y = box.y0; y < box.y1 && !dark; y++) dark = img.data[y * img.width + x]! < thr;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) flush(x);
  }
  if (start >= 0) flush(box.x1);
  return glyphs;
}

/**
 * Classify ink that is not a number: a lone short wide stroke is a dash, a lone slanted stroke a slash
 * (both print an empty cell). `digitHeight` is the table's median glyph height.
 */
export function classifyMark(img: GreyImage, ink: CellInk, digitHeight: number, thr: number): InkKind {
  if (ink.box === null || ink.glyphs.length !== 1) return ink.kind;
  const g = ink.glyphs[0]!;
  const gw = g.x1 - g.x0;
  const gh = g.y1 - g.y0;
  if (gh < 0.4 * digitHeight && gw > 1.5 * gh && gw < 1.6 * digitHeight) return 'dash';
  if (gh >= 0.7 * digitHeight) {
    const centre = (y0: number, y1: number): number => {
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = g.x0; x < g.x1; x++) {
          if (img.data[y * img.width + x]! < thr) {
            sum += x;
            n++;
          }
        }
      }
      return n === 0 ? 0 : sum / n;
    };
    const third = Math.max(1, Math.floor(gh / 3));
    const slant = centre(g.y0, g.y0 + third) - centre(g.y1 - third, g.y1);
    if (slant > 0.3 * gh) return 'slash';
    // A steep slash: a thin stroke on every row, drifting right as it rises (a 7 has a wide bar, a 1 a foot).
    if (slant > 0.15 * gh && gw < 0.6 * gh && maxRowInk(img, g, thr) <= Math.max(3, 0.16 * gh)) return 'slash';
  }
  return 'ink';
}

/** Most dark pixels on one row of a glyph. */
function maxRowInk(img: GreyImage, g: Box, thr: number): number {
  let most = 0;
  for (let y = g.y0; y < g.y1; y++) {
    let n = 0;
    for (let x = g.x0; x < g.x1; x++) if (img.data[y * img.width + x]! < thr) n++;
    most = Math.max(most, n);
  }
  return most;
}

/** Keys (Catmull-Rom, a = -0.5) cubic weight. */
function cubic(t: number): number {
  const a = -0.5;
  const x = Math.abs(t);
  if (x <= 1) return (a + 2) * x ** 3 - (a + 3) * x ** 2 + 1;
  if (x < 2) return a * x ** 3 - 5 * a * x ** 2 + 8 * a * x - 4 * a;
  return 0;
}

/** Taps of a separable bicubic resample along one axis: for each output index, 4 source indices and weights. */
function taps(from: number, count: number, scale: number, limit: number): { index: Int32Array; weight: Float64Array } {
  const index = new Int32Array(count * 4);
  const weight = new Float64Array(count * 4);
  for (let o = 0; o < count; o++) {
    const s = from + (o + 0.5) / scale - 0.5;
    const i = Math.floor(s);
    const f = s - i;
    const w = [cubic(f + 1), cubic(f), cubic(f - 1), cubic(f - 2)];
    for (let k = 0; k < 4; k++) {
      index[o * 4 + k] = Math.min(limit - 1, Math.max(0, i - 1 + k));
      weight[o * 4 + k] = w[k]!;
    }
  }
  return { index, weight };
}

/**
 * Bicubic resample of a region of `img` by `scale` (edge pixels repeated). Separable: the weights of every output
 * row and column are computed once and the vertical pass runs on the horizontally resampled source rows.
 */
export function resampleRegion(img: GreyImage, box: Box, scale: number): GreyImage {
  const sw = box.x1 - box.x0;
  const sh = box.y1 - box.y0;
  const width = Math.max(1, Math.round(sw * scale));
  const height = Math.max(1, Math.round(sh * scale));
  const xs = taps(box.x0, width, scale, img.width);
  const ys = taps(box.y0, height, scale, img.height);
  // Source rows needed by the vertical taps.
  let rowLo = img.height;
  let rowHi = -1;
  for (let k = 0; k < ys.index.length; k++) {
    rowLo = Math.min(rowLo, ys.index[k]!);
    rowHi = Math.max(rowHi, ys.index[k]!);
  }
  const rows = rowHi - rowLo + 1;
  const horiz = new Float64Array(rows * width);
  const src = img.data;
  for (let r = 0; r < rows; r++) {
    const base = (rowLo + r) * img.width;
    const out = r * width;
    for (let ox = 0; ox < width; ox++) {
      const t = ox * 4;
      horiz[out + ox] =
        xs.weight[t]! * src[base + xs.index[t]!]! +
        xs.weight[t + 1]! * src[base + xs.index[t + 1]!]! +
        xs.weight[t + 2]! * src[base + xs.index[t + 2]!]! +
        xs.weight[t + 3]! * src[base + xs.index[t + 3]!]!;
    }
  }
  const data = new Uint8Array(width * height);
  for (let oy = 0; oy < height; oy++) {
    const t = oy * 4;
    const r0 = (ys.index[t]! - rowLo) * width;
    const r1 = (ys.index[t + 1]! - rowLo) * width;
    const r2 = (ys.index[t + 2]! - rowLo) * width;
    const r3 = (ys.index[t + 3]! - rowLo) * width;
    const w0 = ys.weight[t]!;
    const w1 = ys.weight[t + 1]!;
    const w2 = ys.weight[t + 2]!;
    const w3 = ys.weight[t + 3]!;
    const out = oy * width;
    for (let ox = 0; ox < width; ox++) {
      const v = w0 * horiz[r0 + ox]! + w1 * horiz[r1 + ox]! + w2 * horiz[r2 + ox]! + w3 * horiz[r3 + ox]!;
      data[out + ox] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
  }
  return { width, height, data };
}

export interface CropOptions {
  /** Target ink height in px after upscaling. Default 36. */
  readonly targetHeight?: number;
  /** Largest upscale factor. Default 4. */
  readonly maxScale?: number;
  /** White padding in px. Default 24. */
  readonly pad?: number;
  /** Margin around the ink box, in source pixels. Default 2. */
  readonly margin?: number;
}

/** The OCR crop of an ink box: margin, upscale, contrast stretch, white padding. */
export function prepareCrop(img: GreyImage, ink: Box, interior: Box, options: CropOptions = {}): GreyImage {
  const target = options.targetHeight ?? 36;
  const pad = options.pad ?? 24;
  const margin = options.margin ?? 2;
  const src: Box = {
    x0: Math.max(interior.x0, ink.x0 - margin),
    x1: Math.min(interior.x1, ink.x1 + margin),
    y0: Math.max(interior.y0, ink.y0 - margin),
    y1: Math.min(interior.y1, ink.y1 + margin),
  };
  const scale = Math.max(1, Math.min(options.maxScale ?? 4, target / Math.max(1, ink.y1 - ink.y0)));
  const up = resampleRegion(img, src, scale);
  let lo = 255;
  let hi = 0;
  for (const v of up.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = Math.max(1, hi - lo);
  const width = up.width + 2 * pad;
  const height = up.height + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < up.height; y++) {
    for (let x = 0; x < up.width; x++) {
      data[(y + pad) * width + x + pad] = Math.round(((up.data[y * up.width + x]! - lo) * 255) / range);
    }
  }
  return { width, height, data };
}

/** First text line of an ink box (rows of ink separated by a gap of ≥ 2 empty rows), trimmed horizontally. */
export function firstLine(img: GreyImage, box: Box, thr: number): Box {
  let y1 = box.y0;
  let gap = 0;
  for (let y = box.y0; y < box.y1; y++) {
    let dark = false;
    for (let x = box.x0; x < box.x1 && !dark; x++) dark = img.data[y * img.width + x]! < thr;
    if (dark) {
      y1 = y + 1;
      gap = 0;
    } else if (++gap >= 2 && y1 > box.y0) break;
  }
  let x0 = box.x1;
  let x1 = box.x0;
  for (let y = box.y0; y < y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (img.data[y * img.width + x]! < thr) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x + 1);
      }
    }
  }
  return x1 > x0 ? { x0, x1, y0: box.y0, y1 } : box;
}

/**
 * Crop of a label cell for the label model: the first text line, at most `maxChars` character widths from its
 * start (labels only have to identify the row), scaled so characters are ~40 px high.
 */
export function labelCrop(img: GreyImage, interior: Box, thr: number, maxChars = 10): GreyImage | null {
  const ink = findInk(img, interior, thr);
  if (ink.box === null) return null;
  const line = firstLine(img, ink.box, thr);
  const h = line.y1 - line.y0;
  const clipped: Box = { ...line, x1: Math.min(line.x1, line.x0 + Math.round(h * 1.1 * maxChars)) };
  const scale = Math.max(1, Math.min(3, 40 / Math.max(1, h)));
  return prepareCrop(img, clipped, interior, { targetHeight: h * scale, maxScale: 3, pad: 16 });
}
