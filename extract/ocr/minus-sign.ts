/**
 * A minus sign that no engine read. Both engines can drop a short dash in front of the digits (`-4` read as `4`
 * on a scanned table 2, issue 9), and table 2 has no sums to catch it. The cell's own ink tells: left of the
 * digits, at their mid-height, a short horizontal stroke. It is looked for twice: as the leftmost glyph of the ink
 * (a minus as dark as the digits), and as a faint stroke the ink threshold missed (a scan's blur leaves a 1-px
 * minus lighter than the digits' strokes). Such a cell read as a number ≥ 0 is flagged.
 */
import type { CellInk } from './crops.ts';
import type { Box, GreyImage } from './grey-image.ts';

/** The leftmost glyph of the ink is shaped and placed like a minus, with digits after it. */
export function leadingMinus(ink: CellInk): boolean {
  if (ink.kind !== 'ink' || ink.glyphs.length < 2) return false;
  const [first, ...rest] = ink.glyphs;
  const top = Math.min(...rest.map((g) => g.y0));
  const bottom = Math.max(...rest.map((g) => g.y1));
  const digitHeight = bottom - top;
  const gw = first!.x1 - first!.x0;
  const gh = first!.y1 - first!.y0;
  const middle = (first!.y0 + first!.y1) / 2;
  return (
    gh <= 0.35 * digitHeight &&
    gw >= 1.2 * gh &&
    gw <= 1.3 * digitHeight &&
    middle > top + 0.25 * digitHeight &&
    middle < top + 0.75 * digitHeight
  );
}

/**
 * A faint minus left of the ink: on some row in the middle half of the digits' height, past the digits' own
 * anti-aliased fringe and a gap, a run of pixels darker than halfway from the ink threshold to the paper,
 * 0.3–1.3 digit heights long, ending within half a digit height of the digits; over its columns nothing else is
 * dark outside a thin band around that row (a stroke, not the edge of a glyph or a rule).
 */
export function faintMinus(img: GreyImage, interior: Box, ink: CellInk, inkThreshold: number): boolean {
  if (ink.kind !== 'ink' || ink.box === null) return false;
  const { x0: digitsX0, y0: top, y1: bottom } = ink.box;
  const h = bottom - top;
  if (h < 5) return false;
  let paper = 0;
  for (let y = top; y < bottom; y++) for (let x = interior.x0; x < digitsX0; x++) paper = Math.max(paper, img.data[y * img.width + x]!);
  const level = (inkThreshold + paper) / 2;
  const dark = (x: number, y: number): boolean => img.data[y * img.width + x]! < level;
  const band = Math.max(1, Math.round(0.2 * h));
  for (let y = Math.ceil(top + 0.25 * h); y <= Math.floor(top + 0.75 * h); y++) {
    let x = digitsX0 - 1;
    while (x >= interior.x0 && dark(x, y)) x--;
    while (x >= interior.x0 && !dark(x, y)) x--;
    if (x < interior.x0 || digitsX0 - 1 - x > 0.5 * h) continue;
    const end = x;
    while (x >= interior.x0 && dark(x, y)) x--;
    const start = x + 1;
    const length = end - start + 1;
    if (length < 0.3 * h || length > 1.3 * h) continue;
    if (strokeOnly(interior, start, end, y - band, y + band, dark)) return true;
  }
  return false;
}

/** Over columns [x0, x1] of the interior, no dark pixel outside rows [y0, y1]. */
function strokeOnly(interior: Box, x0: number, x1: number, y0: number, y1: number, dark: (x: number, y: number) => boolean): boolean {
  for (let x = x0; x <= x1; x++) {
    for (let y = interior.y0; y < interior.y1; y++) if ((y < y0 || y > y1) && dark(x, y)) return false;
  }
  return true;
}

/** The cell's ink starts with a minus, dark or faint, and none of the readings has one. */
export function lostMinus(
  cell: { readonly img: GreyImage; readonly interior: Box; readonly ink: CellInk; readonly inkThreshold: number },
  readings: readonly string[],
): boolean {
  if (readings.some((t) => t.trim().startsWith('-'))) return false;
  return leadingMinus(cell.ink) || faintMinus(cell.img, cell.interior, cell.ink, cell.inkThreshold);
}
