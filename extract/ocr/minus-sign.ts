/**
 * A minus sign that no engine read. Both engines can drop a short dash in front of the digits (`-4` read as `4`
 * on a scanned table 2, issue 9), and table 2 has no sums to catch it. The cell's own ink tells: left of the
 * digits, at their mid-height, a short horizontal stroke. It is looked for three ways: as the leftmost glyph of the
 * ink (a minus as dark as the digits), as a faint stroke the ink threshold missed (a scan's blur leaves a 1-px minus
 * lighter than the digits' strokes), and as a stroke joined to the first digit (a small render at 67 % zoom draws
 * `-4` with the dash touching the 4's crossbar: one glyph). Such a cell read as a number ≥ 0 is flagged.
 */
import type { CellInk } from './crops.ts';
import type { Box, GreyImage } from './grey-image.ts';

/** The ink split at its first tall glyph (≥ half the ink's height): what stands before the digits, and the digits' box. */
function leadAndDigits(ink: CellInk): { lead: Box | null; digits: Box } | null {
  if (ink.kind !== 'ink' || ink.box === null) return null;
  const inkHeight = ink.box.y1 - ink.box.y0;
  const first = ink.glyphs.findIndex((g) => g.y1 - g.y0 >= 0.5 * inkHeight);
  if (first < 0) return null;
  const before = ink.glyphs.slice(0, first);
  const after = ink.glyphs.slice(first);
  const union = (gs: readonly Box[]): Box => ({
    x0: Math.min(...gs.map((g) => g.x0)),
    x1: Math.max(...gs.map((g) => g.x1)),
    y0: Math.min(...gs.map((g) => g.y0)),
    y1: Math.max(...gs.map((g) => g.y1)),
  });
  return { lead: before.length === 0 ? null : union(before), digits: union(after) };
}

/** What stands before the digits (one glyph, or specks of a broken stroke) is shaped and placed like a minus. */
export function leadingMinus(ink: CellInk): boolean {
  const split = leadAndDigits(ink);
  if (split === null || split.lead === null) return false;
  const { lead, digits } = split;
  const digitHeight = digits.y1 - digits.y0;
  const gw = lead.x1 - lead.x0;
  const gh = lead.y1 - lead.y0;
  const middle = (lead.y0 + lead.y1) / 2;
  return (
    gh <= 0.35 * digitHeight &&
    gw >= 1.2 * gh &&
    gw >= 0.25 * digitHeight &&
    gw <= 1.3 * digitHeight &&
    middle > digits.y0 + 0.25 * digitHeight &&
    middle < digits.y0 + 0.75 * digitHeight
  );
}

/**
 * A faint minus left of the ink: on some row in the middle half of the digits' height, past the digits' own
 * anti-aliased fringe and a gap, a run of pixels darker than halfway from the ink threshold to the paper (its
 * median grey), 0.25–1.3 digit heights long, ending within half a digit height of the digits; over its columns
 * little else is dark outside a thin band around that row (a stroke, not the edge of a glyph or a rule).
 */
export function faintMinus(img: GreyImage, interior: Box, ink: CellInk, inkThreshold: number): boolean {
  const split = leadAndDigits(ink);
  if (split === null) return false;
  const { x0: digitsX0, y0: top, y1: bottom } = split.digits;
  const h = bottom - top;
  if (h < 5 || digitsX0 <= interior.x0) return false;
  const level = (inkThreshold + paperLevel(img, { x0: interior.x0, x1: digitsX0, y0: top, y1: bottom })) / 2;
  const dark = (x: number, y: number): boolean => img.data[y * img.width + x]! < level;
  // A scanned stroke has 1-px holes: a run may bridge one light pixel.
  const darkish = (x: number, y: number): boolean => dark(x, y) || (x - 1 >= interior.x0 && dark(x - 1, y) && dark(x + 1, y));
  const band = Math.max(1, Math.round(0.2 * h));
  for (let y = Math.ceil(top + 0.25 * h); y <= Math.floor(top + 0.75 * h); y++) {
    let x = digitsX0 - 1;
    while (x >= interior.x0 && dark(x, y)) x--;
    while (x >= interior.x0 && !dark(x, y)) x--;
    if (x < interior.x0 || digitsX0 - 1 - x > 0.5 * h) continue;
    const end = x;
    while (x >= interior.x0 && darkish(x, y)) x--;
    const start = x + 1;
    const length = end - start + 1;
    if (length < 0.25 * h || length > 1.3 * h) continue;
    if (strayPixels(interior, start, end, y - band, y + band, dark) <= length / 2) return true;
  }
  return false;
}

/** Columns from the digits' left edge whose ink is one thin band, at least this many digit heights: a minus joined on. */
const JOINED_MINUS_MIN = 0.45;

/**
 * A minus joined to the first digit: from the digits' left edge, columns whose ink (darker than the ink threshold)
 * lies within one thin band around the middle of the digits' height, over 0.45–1.3 digit heights, then a column
 * with ink outside the band (the digit). No digit starts that way: a 4's crossbar meets its diagonal within a
 * pixel or two, a 1's flag is at the top.
 */
export function joinedMinus(img: GreyImage, ink: CellInk, inkThreshold: number): boolean {
  const split = leadAndDigits(ink);
  if (split === null || split.lead !== null) return false;
  const { x0, x1, y0: top, y1: bottom } = split.digits;
  const h = bottom - top;
  if (h < 5) return false;
  const band = Math.max(2, Math.round(0.2 * h));
  let lo = Infinity;
  let hi = -Infinity;
  let run = 0;
  for (let x = x0; x < x1; x++) {
    let colLo = Infinity;
    let colHi = -Infinity;
    for (let y = top; y < bottom; y++) {
      if (img.data[y * img.width + x]! >= inkThreshold) continue;
      colLo = Math.min(colLo, y);
      colHi = Math.max(colHi, y);
    }
    if (colLo === Infinity || Math.max(hi, colHi) - Math.min(lo, colLo) + 1 > band) break;
    lo = Math.min(lo, colLo);
    hi = Math.max(hi, colHi);
    run++;
  }
  const middle = (lo + hi) / 2;
  return run >= JOINED_MINUS_MIN * h && run <= 1.3 * h && x0 + run < x1 && middle > top + 0.3 * h && middle < top + 0.8 * h;
}

/** Median grey of a region: the paper's level beside the digits (noise and all). */
function paperLevel(img: GreyImage, box: Box): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      hist[img.data[y * img.width + x]!]!++;
      n++;
    }
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen * 2 >= n) return v;
  }
  return 255;
}

/** Dark pixels over columns [x0, x1] of the interior outside rows [y0, y1]. */
function strayPixels(interior: Box, x0: number, x1: number, y0: number, y1: number, dark: (x: number, y: number) => boolean): number {
  let n = 0;
  for (let x = x0; x <= x1; x++) {
    for (let y = interior.y0; y < interior.y1; y++) if ((y < y0 || y > y1) && dark(x, y)) n++;
  }
  return n;
}

/** The cell's ink starts with a minus, dark or faint, and none of the readings has one. */
export function lostMinus(
  cell: { readonly img: GreyImage; readonly interior: Box; readonly ink: CellInk; readonly inkThreshold: number },
  readings: readonly string[],
): boolean {
  if (readings.some((t) => t.trim().startsWith('-'))) return false;
  return leadingMinus(cell.ink) || faintMinus(cell.img, cell.interior, cell.ink, cell.inkThreshold) || joinedMinus(cell.img, cell.ink, cell.inkThreshold);
}
