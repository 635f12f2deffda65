/**
 * A minus sign that no engine read. Both engines can drop a short dash in front of the digits (`-4` read as `4`
 * on a scanned table 2, issue 9), and table 2 has no sums to catch it. The cell's own ink tells: its leftmost
 * glyph is a short, wide stroke at mid-height of the digits after it. Such a cell read as a number ≥ 0 is flagged.
 */
import type { CellInk } from './crops.ts';

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

/** The ink starts with a minus and none of the readings has one. */
export function lostMinus(ink: CellInk, readings: readonly string[]): boolean {
  return leadingMinus(ink) && readings.every((t) => !t.trim().startsWith('-'));
}
