/**
 * Reading of value cells: ink detection, blank/dash/slash marks, clean crops, one digit-model job per cell, and
 * the parse of the reading into a number under the cell's charset (negatives and decimals only where allowed).
 */
import { classifyMark, findInk, inkThreshold, insetBox, prepareCrop, type CellInk, type InkKind } from './crops.ts';
import type { OcrAlternative, OcrEngine, OcrReading } from './engine.ts';
import { toPgm, type Box, type GreyImage } from './grey-image.ts';
import type { GridCell } from './grid.ts';

export interface ValueCellRef {
  readonly cell: GridCell;
  readonly charset: string;
}

export interface ValueReading {
  readonly ink: CellInk;
  readonly kind: InkKind;
  /** The crop box in image pixels (the cell interior). */
  readonly interior: Box;
  /** Reading as the engine returned it (charset-filtered); '-' or '/' for marks, '' when blank. */
  readonly text: string;
  readonly confidence: number;
  readonly alternatives: readonly OcrAlternative[];
  /** The second engine's reading of the same crop (ink cells only, when a second engine was given). */
  readonly second: OcrReading | null;
}

/** Inset of a cell interior so anti-aliased rule edges stay out: grows with the image scale. */
export function interiorOf(cell: GridCell, ruleThickness: number): Box {
  return insetBox(cell.box, Math.max(2, Math.round(ruleThickness)));
}

export function medianGlyphHeight(inks: readonly CellInk[]): number {
  const hs = inks.flatMap((i) => i.glyphs.map((g) => g.y1 - g.y0)).sort((a, b) => a - b);
  return hs.length === 0 ? 10 : hs[Math.floor(hs.length / 2)]!;
}

/** Money printed in yuan (`251000元`) is stored in 万元; `万元` printed in the cell is dropped. */
const YUAN_PER_WAN = 10_000;

/**
 * Parse a reading under its charset: digits with an optional leading '-' and one '.', else null. Where the charset
 * allows units (money cells: `万元`), a trailing `万元` is dropped and a trailing `元` converts yuan to 万元.
 */
export function parseReading(text: string, charset: string): number | null {
  let t = text.replace(/\s+/g, '');
  let divisor = 1;
  if (charset.includes('元')) {
    if (t.endsWith('万元')) t = t.slice(0, -2);
    else if (t.endsWith('元')) {
      t = t.slice(0, -1);
      divisor = YUAN_PER_WAN;
    }
  }
  if (!charset.includes('-')) t = t.replace(/-/g, '');
  if (!charset.includes('.')) t = t.replace(/\./g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return null;
  const v = divisor === 1 ? Number(t) : Math.round((Number(t) / divisor) * 1e6) / 1e6;
  return v === 0 ? 0 : v;
}

export async function readValues(
  img: GreyImage,
  refs: readonly ValueCellRef[],
  engine: OcrEngine,
  ruleThickness: number,
  second: OcrEngine | null = null,
): Promise<{ readings: ValueReading[]; inkThreshold: number; digitHeight: number }> {
  const interiors = refs.map((r) => interiorOf(r.cell, ruleThickness));
  const thr = inkThreshold(img, interiors);
  const inks = interiors.map((box) => findInk(img, box, thr));
  const digitHeight = medianGlyphHeight(inks);
  const kinds = inks.map((ink) => classifyMark(img, ink, digitHeight, thr));
  const jobs: { index: number; image: Buffer; charset: string }[] = [];
  inks.forEach((ink, i) => {
    if (kinds[i] !== 'ink' || ink.box === null) return;
    jobs.push({ index: i, image: toPgm(prepareCrop(img, ink.box, interiors[i]!)), charset: refs[i]!.charset });
  });
  const crops = jobs.map((j) => ({ image: j.image, charset: j.charset }));
  // Both engines read every ink crop, at the same time.
  const [results, seconds] = await Promise.all([engine.readDigits(crops), second === null ? Promise.resolve(null) : second.readDigits(crops)]);
  const byIndex = new Map(jobs.map((j, k) => [j.index, results[k]!]));
  const secondByIndex = new Map(jobs.map((j, k) => [j.index, seconds?.[k] ?? null]));
  const readings = refs.map((_, i): ValueReading => {
    const kind = kinds[i]!;
    const r = byIndex.get(i);
    const text = kind === 'dash' ? '-' : kind === 'slash' ? '/' : (r?.text.replace(/\s+/g, '') ?? '');
    const other = secondByIndex.get(i) ?? null;
    return { ink: inks[i]!, kind, interior: interiors[i]!, text, confidence: r?.confidence ?? 1, alternatives: r?.alternatives ?? [], second: other };
  });
  return { readings, inkThreshold: thr, digitHeight };
}
