/**
 * Orientation of a table image in quarter turns (a scan fed sideways or upside down, a phone photo whose EXIF
 * orientation was dropped). The image is tried upright first, then turned 180°, 90° and 270°: each turn must
 * show a ruled grid shaped like table 2, 3 or 4 (layout.ts), and its label cells must read as the template's
 * labels. The first turn whose labels fit is kept; when none fits well, the best fit (a warning says so).
 * An upright image with readable labels costs nothing extra: it is accepted on the first try.
 */
import { labelSimilarity, t2Rows, t3RowLabels, withoutNote } from './labels.ts';
import type { GreyImage } from './grey-image.ts';
import type { LabelledLayout } from './map-tables.ts';

/** Clockwise quarter turn applied to the image to make it upright. */
export type Quarter = 0 | 90 | 180 | 270;

/** Upright first (nearly every image), then upside down, then the two sideways turns. */
export const QUARTERS: readonly Quarter[] = [0, 180, 90, 270];

/** Mean label fit at or above which a turn is accepted without trying the others. */
export const ACCEPT_FIT = 0.45;

/** Rotate clockwise by a quarter turn (exact: pixels are moved, not resampled). */
export function rotateQuarter(img: GreyImage, quarter: Quarter): GreyImage {
  if (quarter === 0) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data.length);
  if (quarter === 180) {
    for (let i = 0; i < data.length; i++) out[data.length - 1 - i] = data[i]!;
    return { width: w, height: h, data: out };
  }
  // 90° clockwise: source (x, y) → (h − 1 − y, x) in a h × w image; 270°: (y, w − 1 − x).
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      if (quarter === 90) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { width: h, height: w, data: out };
}

const T3_VOCABULARY = [...new Set([...t3RowLabels('2021'), ...t3RowLabels('2019')].map((r) => r.label))];
const T2_VOCABULARY = [...new Set([...t2Rows('2021'), ...t2Rows('2019')].map((r) => r.label)), '信息内容'];

function bestFit(text: string, vocabulary: readonly string[], prefixOnly: boolean): number {
  let best = 0;
  for (const v of vocabulary) best = Math.max(best, labelSimilarity(text, v, prefixOnly));
  return best;
}

/**
 * How well the labels read as the template's (0..1): per label read, its similarity to the nearest label of its
 * table's vocabulary (table 4: its header 行政复议), averaged. 0 when nothing was read.
 */
export function labelFit(layouts: readonly LabelledLayout[]): number {
  const fits: number[] = [];
  for (const l of layouts) {
    if (l.layout.kind === 't4') {
      if (l.header !== null && l.header !== '') fits.push(labelSimilarity(l.header, '行政复议', true));
      continue;
    }
    const vocabulary = l.layout.kind === 't3' ? T3_VOCABULARY : T2_VOCABULARY;
    const t3 = l.layout.kind === 't3';
    for (const text of l.labels) if (text.trim() !== '') fits.push(bestFit(t3 ? text : withoutNote(text), vocabulary, t3));
  }
  return fits.length === 0 ? 0 : fits.reduce((a, b) => a + b, 0) / fits.length;
}

export interface OrientationTry<T> {
  readonly quarter: Quarter;
  readonly value: T;
  readonly fit: number;
}

/**
 * Try the turns in QUARTERS order: `attempt` returns the turn's result and label fit, or null when the turn
 * shows no table. Returns the first turn that fits (≥ ACCEPT_FIT), else the best one, else null.
 */
export async function findOrientation<T>(attempt: (quarter: Quarter) => Promise<{ value: T; fit: number } | null>): Promise<OrientationTry<T> | null> {
  let best: OrientationTry<T> | null = null;
  for (const quarter of QUARTERS) {
    const got = await attempt(quarter);
    if (got === null) continue;
    if (got.fit >= ACCEPT_FIT) return { quarter, ...got };
    if (best === null || got.fit > best.fit) best = { quarter, ...got };
  }
  return best;
}
