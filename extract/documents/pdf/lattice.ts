/**
 * Ruled tables from ruling lines (lattice): rules that touch form a table; the distinct rule positions are the
 * grid lines; two neighbouring grid cells are one (merged) cell where no rule separates them. The result is a
 * grid of spanning cells with their page boxes, ready for text to be poured in.
 */
import type { Rule } from './page-content.ts';

export interface LatticeCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Lattice {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly cells: readonly LatticeCell[];
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const TOUCH = 2;
const SNAP = 1.5;

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.a - TOUCH && v.at <= h.b + TOUCH && h.at >= v.a - TOUCH && h.at <= v.b + TOUCH;
}

/** Connected groups of rules (a horizontal and a vertical rule connect when they cross or meet). */
function groups(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hs = rules.map((r, i) => [r, i] as const).filter(([r]) => r.horizontal);
  const vs = rules.map((r, i) => [r, i] as const).filter(([r]) => !r.horizontal);
  for (const [h, hi] of hs) for (const [v, vi] of vs) if (touches(h, v)) parent[find(hi)] = find(vi);
  // Collinear overlapping pieces of one border belong together too.
  const sameLine = (list: readonly (readonly [Rule, number])[]): void => {
    for (const [a, ai] of list) for (const [b, bi] of list) if (ai < bi && Math.abs(a.at - b.at) <= SNAP && a.a <= b.b + TOUCH && b.a <= a.b + TOUCH) parent[find(ai)] = find(bi);
  };
  sameLine(hs);
  sameLine(vs);
  const byRoot = new Map<number, Rule[]>();
  rules.forEach((r, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), r]));
  return [...byRoot.values()];
}

function positions(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > SNAP) out.push(v);
  }
  return out;
}

/** Is the segment [from, to] at `at` covered by rules (for most of its length)? */
function covered(rules: readonly Rule[], at: number, from: number, to: number): boolean {
  const len = to - from;
  const pieces = rules
    .filter((r) => Math.abs(r.at - at) <= SNAP && r.b > from && r.a < to)
    .map((r) => [Math.max(r.a, from), Math.min(r.b, to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = from;
  for (const [a, b] of pieces) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total >= len * 0.6;
}

/** Least length of vertical rules sticking out past the outermost horizontal rule for an open edge. */
const OPEN_EDGE = 4;

/**
 * The edge of a table fragment left open: a browser printing a table across a page break draws the border between
 * the last row of a page and the first of the next only once (collapsed borders), so the next page's fragment
 * starts with a row that has side rules but no top rule. When three or more vertical rules run on past the outermost
 * horizontal rule to the same place, that place is the fragment's edge: a horizontal rule is added there.
 */
function closeOpenEdges(hs: readonly Rule[], vs: readonly Rule[]): Rule[] {
  if (hs.length === 0 || vs.length < 3) return [...hs];
  const out = [...hs];
  const x0 = Math.min(...vs.map((v) => v.at));
  const x1 = Math.max(...vs.map((v) => v.at));
  const topH = Math.min(...hs.map((h) => h.at));
  const bottomH = Math.max(...hs.map((h) => h.at));
  const top = Math.min(...vs.map((v) => v.a));
  const bottom = Math.max(...vs.map((v) => v.b));
  if (topH - top >= OPEN_EDGE && vs.filter((v) => Math.abs(v.a - top) <= SNAP).length >= 3) out.push({ horizontal: true, at: top, a: x0, b: x1 });
  if (bottom - bottomH >= OPEN_EDGE && vs.filter((v) => Math.abs(v.b - bottom) <= SNAP).length >= 3) out.push({ horizontal: true, at: bottom, a: x0, b: x1 });
  return out;
}

function latticeOf(rules: readonly Rule[]): Lattice | null {
  const vs = rules.filter((r) => !r.horizontal);
  const hs = closeOpenEdges(rules.filter((r) => r.horizontal), vs);
  if (hs.length < 2 || vs.length < 2) return null;
  const ys = positions(hs.map((r) => r.at));
  const xs = positions(vs.map((r) => r.at));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols > 20_000) return null;
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      if (c + 1 < cols && !covered(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && !covered(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const spans = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const root = find(id(r, c));
      const s = spans.get(root);
      if (s === undefined) spans.set(root, { r0: r, c0: c, r1: r, c1: c });
      else spans.set(root, { r0: Math.min(s.r0, r), c0: Math.min(s.c0, c), r1: Math.max(s.r1, r), c1: Math.max(s.c1, c) });
    }
  }
  const cells = [...spans.values()]
    .map((s) => ({
      row: s.r0,
      col: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      colSpan: s.c1 - s.c0 + 1,
      x0: xs[s.c0]!,
      y0: ys[s.r0]!,
      x1: xs[s.c1 + 1]!,
      y1: ys[s.r1 + 1]!,
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, x0: xs[0]!, y0: ys[0]!, x1: xs[xs.length - 1]!, y1: ys[ys.length - 1]! };
}

/** Ruled tables of a page, top to bottom. A table needs at least 2 rows or 2 columns of cells. */
export function findLattices(rules: readonly Rule[]): Lattice[] {
  return groups(rules)
    .map(latticeOf)
    .filter((l): l is Lattice => l !== null && l.cells.length >= 2)
    .sort((a, b) => a.y0 - b.y0);
}
