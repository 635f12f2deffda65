/**
 * Reading of value cells: ink detection, blank/dash/slash marks, clean crops, one digit-model job per cell, and
 * the parse of the reading into a number under the cell's charset (negatives and decimals only where allowed).
 */
import { classifyMark, findInk, inkThreshold, insetBox, prepareCrop, type CellInk, type InkKind } from './crops.ts';
import type { OcrAlternative, OcrEngine } from './engine.ts';
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
}

/** Inset of a cell interior so anti-aliased rule edges stay out: grows with the image scale. */
export function interiorOf(cell: GridCell, ruleThickness: number): Box {
  return insetBox(cell.box, Math.max(2, Math.round(ruleThickness)));
}

export function medianGlyphHeight(inks: readonly CellInk[]): number {
  const hs = inks.flatMap((i) => i.glyphs.map((g) => g.y1 - g.y0)).sort((a, b) => a - b);
  return hs.length === 0 ? 10 : hs[Math.floor(hs.length / 2)]!;
}

/** Parse a reading under its charset: digits with an optional leading '-' and one '.', else null. */
export function parseReading(text: string, charset: string): number | null {
  let t = text.replace(/\s+/g, '');
  if (!charset.includes('-')) t = t.replace(/-/g, '');
  if (!charset.includes('.')) t = t.replace(/\./g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return v === 0 ? 0 : v;
}

export async function readValues(
  img: GreyImage,
  refs: readonly ValueCellRef[],
  engine: OcrEngine,
  ruleThickness: number,
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
  const results = await engine.readDigits(jobs.map((j) => ({ image: j.image, charset: j.charset })));
  const byIndex = new Map(jobs.map((j, k) => [j.index, results[k]!]));
  const readings = refs.map((_, i): ValueReading => {
    const kind = kinds[i]!;
    const r = byIndex.get(i);
    const text = kind === 'dash' ? '-' : kind === 'slash' ? '/' : (r?.text.replace(/\s+/g, '') ?? '');
    return { ink: inks[i]!, kind, interior: interiors[i]!, text, confidence: r?.confidence ?? 1, alternatives: r?.alternatives ?? [] };
  });
  return { readings, inkThreshold: thr, digitHeight };
}
