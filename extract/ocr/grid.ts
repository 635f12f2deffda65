/**
 * Ruled-grid detection from raw pixels (feasibility §2.2): horizontal rules are long dark runs; rules that a
 * vertical stroke connects belong to one table; vertical rules are columns dark through at least one row band;
 * fine cells are merged (union-find) wherever the rule segment between them is mostly missing.
 */
import type { Box, GreyImage } from './grey-image.ts';

/** A rule: its thickness range [lo, hi] across, and its extent [from, to] along. */
export interface Rule {
  readonly lo: number;
  readonly hi: number;
  readonly from: number;
  readonly to: number;
}

/** A merged cell in fine-grid coordinates [r0, r1) × [c0, c1) and its interior in pixels (rules excluded). */
export interface GridCell {
  readonly id: number;
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
  readonly box: Box;
}

export interface TableGrid {
  /** Outer box of the table in pixels. */
  readonly box: Box;
  readonly hRules: readonly Rule[];
  readonly vRules: readonly Rule[];
  /** Fine rows = hRules.length - 1; fine columns = vRules.length - 1. */
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly GridCell[];
  /** Fine cell (r * cols + c) → index into `cells`. */
  readonly owner: Int32Array;
}

export interface GridOptions {
  /** Pixels darker than this are ink for rule detection. Default 190. */
  readonly darkThreshold?: number;
  /** A rule segment counts as present when at least this share of it is dark. Default 0.85. */
  readonly presentShare?: number;
}

const isDark = (img: GreyImage, x: number, y: number, thr: number): boolean => img.data[y * img.width + x]! < thr;

/** Longest dark run in row y allowing gaps of `gap` px; returns [from, to] or null. */
function longestRun(img: GreyImage, y: number, thr: number, gap: number): [number, number] | null {
  let best: [number, number] | null = null;
  let start = -1;
  let last = -1;
  for (let x = 0; x < img.width; x++) {
    if (!isDark(img, x, y, thr)) continue;
    if (start < 0 || x - last > gap + 1) start = x;
    last = x;
    if (best === null || last - start > best[1] - best[0]) best = [start, last];
  }
  return best;
}

function findHorizontalRules(img: GreyImage, thr: number): Rule[] {
  const minLen = Math.max(40, Math.round(img.width * 0.2));
  const rules: Rule[] = [];
  let current: { lo: number; hi: number; from: number; to: number } | null = null;
  for (let y = 0; y < img.height; y++) {
    const run = longestRun(img, y, thr, 2);
    const long = run !== null && run[1] - run[0] + 1 >= minLen;
    if (long && current !== null && y === current.hi + 1 && run[0] <= current.to && run[1] >= current.from) {
      current.hi = y;
      current.from = Math.min(current.from, run[0]);
      current.to = Math.max(current.to, run[1]);
      continue;
    }
    if (current !== null) rules.push(current);
    current = long ? { lo: y, hi: y, from: run[0], to: run[1] } : null;
  }
  if (current !== null) rules.push(current);
  // A rule thicker than ~6 % of the image is a filled band, not a rule.
  return rules.filter((r) => r.hi - r.lo < Math.max(6, img.height * 0.06));
}

/** Share of dark pixels in column x between rows y0..y1 (inclusive), best over x-1..x+1. */
function columnShare(img: GreyImage, x: number, y0: number, y1: number, thr: number): number {
  let best = 0;
  for (let dx = -1; dx <= 1; dx++) {
    const xx = x + dx;
    if (xx < 0 || xx >= img.width || y1 < y0) continue;
    let dark = 0;
    for (let y = y0; y <= y1; y++) if (isDark(img, xx, y, thr)) dark++;
    best = Math.max(best, dark / (y1 - y0 + 1));
  }
  return best;
}

/** Share of dark pixels along a horizontal rule between x0..x1, best over its thickness ±1. */
function rowShare(img: GreyImage, rule: Rule, x0: number, x1: number, thr: number): number {
  let best = 0;
  for (let y = rule.lo - 1; y <= rule.hi + 1; y++) {
    if (y < 0 || y >= img.height || x1 < x0) continue;
    let dark = 0;
    for (let x = x0; x <= x1; x++) if (isDark(img, x, y, thr)) dark++;
    best = Math.max(best, dark / (x1 - x0 + 1));
  }
  return best;
}

/** True when some column inside both rules' extents is dark all the way from one rule to the other. */
function connected(img: GreyImage, a: Rule, b: Rule, thr: number, share: number): boolean {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  const y0 = a.hi + 1;
  const y1 = b.lo - 1;
  if (y1 < y0) return true;
  for (let x = from; x <= to; x++) {
    let dark = 0;
    for (let y = y0; y <= y1; y++) if (isDark(img, x, y, thr)) dark++;
    if (dark / (y1 - y0 + 1) >= share) return true;
  }
  return false;
}

/** Split horizontal rules into tables: consecutive rules joined by a vertical border stroke. */
function groupTables(img: GreyImage, rules: readonly Rule[], thr: number, share: number): Rule[][] {
  const tables: Rule[][] = [];
  let current: Rule[] = [];
  for (const rule of rules) {
    const prev = current[current.length - 1];
    const joined = prev !== undefined && connected(img, prev, rule, thr, share);
    if (!joined && current.length > 0) {
      tables.push(current);
      current = [];
    }
    current.push(rule);
  }
  if (current.length > 0) tables.push(current);
  return tables.filter((t) => t.length >= 2);
}

function findVerticalRules(img: GreyImage, hRules: readonly Rule[], thr: number, share: number): Rule[] {
  const x0 = Math.max(0, Math.min(...hRules.map((r) => r.from)) - 3);
  const x1 = Math.min(img.width - 1, Math.max(...hRules.map((r) => r.to)) + 3);
  const present = new Uint8Array(x1 - x0 + 1);
  for (let i = 0; i + 1 < hRules.length; i++) {
    const y0 = hRules[i]!.hi + 1;
    const y1 = hRules[i + 1]!.lo - 1;
    if (y1 - y0 < 2) continue;
    for (let x = x0; x <= x1; x++) {
      if (present[x - x0]) continue;
      let dark = 0;
      for (let y = y0; y <= y1; y++) if (isDark(img, x, y, thr)) dark++;
      if (dark / (y1 - y0 + 1) >= share) present[x - x0] = 1;
    }
  }
  const rules: Rule[] = [];
  const top = hRules[0]!.lo;
  const bottom = hRules[hRules.length - 1]!.hi;
  for (let x = x0; x <= x1; x++) {
    if (!present[x - x0]) continue;
    const last = rules[rules.length - 1];
    if (last !== undefined && x <= last.hi + 2) rules[rules.length - 1] = { ...last, hi: x };
    else rules.push({ lo: x, hi: x, from: top, to: bottom });
  }
  return rules.filter((r) => r.hi - r.lo < 8);
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function mergeCells(img: GreyImage, h: readonly Rule[], v: readonly Rule[], thr: number, share: number): Pick<TableGrid, 'cells' | 'owner'> {
  const rows = h.length - 1;
  const cols = v.length - 1;
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    const y0 = h[r]!.hi + 1;
    const y1 = h[r + 1]!.lo - 1;
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) {
        const rule = v[c + 1]!;
        if (columnShare(img, Math.round((rule.lo + rule.hi) / 2), y0, y1, thr) < share) uf.union(r * cols + c, r * cols + c + 1);
      }
      if (r + 1 < rows) {
        const x0 = v[c]!.hi + 1;
        const x1 = v[c + 1]!.lo - 1;
        if (rowShare(img, h[r + 1]!, x0, x1, thr) < share) uf.union(r * cols + c, (r + 1) * cols + c);
      }
    }
  }
  const byRoot = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      const span = byRoot.get(root);
      if (span === undefined) byRoot.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1 });
      else {
        span.r0 = Math.min(span.r0, r);
        span.r1 = Math.max(span.r1, r + 1);
        span.c0 = Math.min(span.c0, c);
        span.c1 = Math.max(span.c1, c + 1);
      }
    }
  }
  const owner = new Int32Array(rows * cols);
  const cells: GridCell[] = [];
  const ordered = [...byRoot.entries()].sort(([, a], [, b]) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const [root, s] of ordered) {
    const id = cells.length;
    cells.push({ id, ...s, box: { x0: v[s.c0]!.hi + 1, x1: v[s.c1]!.lo, y0: h[s.r0]!.hi + 1, y1: h[s.r1]!.lo } });
    for (let r = s.r0; r < s.r1; r++) for (let c = s.c0; c < s.c1; c++) if (uf.find(r * cols + c) === root) owner[r * cols + c] = id;
  }
  return { cells, owner };
}

/** Every ruled table of the image, top to bottom. */
export function detectGrids(img: GreyImage, options: GridOptions = {}): TableGrid[] {
  const thr = options.darkThreshold ?? 190;
  const share = options.presentShare ?? 0.85;
  const grids: TableGrid[] = [];
  for (const hRules of groupTables(img, findHorizontalRules(img, thr), thr, share)) {
    const vRules = findVerticalRules(img, hRules, thr, share);
    if (vRules.length < 2) continue;
    const { cells, owner } = mergeCells(img, hRules, vRules, thr, share);
    grids.push({
      box: { x0: vRules[0]!.lo, x1: vRules[vRules.length - 1]!.hi + 1, y0: hRules[0]!.lo, y1: hRules[hRules.length - 1]!.hi + 1 },
      hRules,
      vRules,
      rows: hRules.length - 1,
      cols: vRules.length - 1,
      cells,
      owner,
    });
  }
  return grids;
}

export function cellAt(grid: TableGrid, r: number, c: number): GridCell {
  return grid.cells[grid.owner[r * grid.cols + c]!]!;
}

/** True when the merged cell is a single fine cell. */
export const isSingle = (cell: GridCell): boolean => cell.r1 - cell.r0 === 1 && cell.c1 - cell.c0 === 1;

/** Signature for tests and debugging: per fine row, the number of distinct merged cells. */
export function rowSignature(grid: TableGrid): number[] {
  return Array.from({ length: grid.rows }, (_, r) => new Set(Array.from({ length: grid.cols }, (_, c) => grid.owner[r * grid.cols + c])).size);
}
