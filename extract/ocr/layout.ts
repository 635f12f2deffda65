/**
 * Which official table a detected grid is, by its shape, and where its labels and values sit:
 *  - table 3: 10 fine columns (3 label columns + 7 value columns; 8 or 9 in a part whose labels span the label
 *    columns); body rows have 7 single value cells;
 *  - table 4: 15 fine columns; the last row holds the 15 values;
 *  - table 2: 4 fine columns; rows with a label cell and 1–3 value cells (group headers span the table).
 * Rows are identified later from their labels (labels.ts), so partial tables work the same way.
 */
import { cellAt, isSingle, type GridCell, type TableGrid } from './grid.ts';

export type TableKind = 't2' | 't3' | 't4';

export interface LayoutRow {
  /** Fine row index. */
  readonly row: number;
  /** Cell whose text names the row (null for table 4). */
  readonly label: GridCell | null;
  /** Value cells, left to right. */
  readonly values: readonly GridCell[];
}

export interface TableLayout {
  readonly kind: TableKind;
  readonly grid: TableGrid;
  readonly rows: readonly LayoutRow[];
  /** A header cell whose text confirms the table (table 4: 行政复议), if any. */
  readonly header: GridCell | null;
}

function distinctCells(grid: TableGrid, r: number, c0: number, c1: number): GridCell[] {
  const out: GridCell[] = [];
  for (let c = c0; c < c1; c++) {
    const cell = cellAt(grid, r, c);
    if (!out.includes(cell)) out.push(cell);
  }
  return out;
}

function table3(grid: TableGrid): TableLayout | null {
  const first = grid.cols - 7;
  const rows: LayoutRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const values = distinctCells(grid, r, first, grid.cols);
    if (values.length !== 7 || !values.every(isSingle)) continue;
    rows.push({ row: r, label: cellAt(grid, r, first - 1), values });
  }
  return rows.length === 0 ? null : { kind: 't3', grid, rows, header: null };
}

function table4(grid: TableGrid): TableLayout | null {
  const r = grid.rows - 1;
  const values = distinctCells(grid, r, 0, grid.cols);
  if (values.length !== 15 || !values.every(isSingle)) return null;
  return { kind: 't4', grid, rows: [{ row: r, label: null, values }], header: grid.rows > 1 ? cellAt(grid, 0, 0) : null };
}

function table2(grid: TableGrid): TableLayout | null {
  const rows: LayoutRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells = distinctCells(grid, r, 0, grid.cols);
    const label = cells[0]!;
    if (cells.length < 2 || label.c1 - label.c0 !== 1 || label.r1 - label.r0 !== 1) continue;
    rows.push({ row: r, label, values: cells.slice(1) });
  }
  return rows.length === 0 ? null : { kind: 't2', grid, rows, header: null };
}

/** Layout of a grid, or null when it is none of the official tables. */
export function layoutOf(grid: TableGrid): TableLayout | null {
  // Table 3 has 3 label columns; a part of it (split over images) whose rows all span them has 1 or 2.
  if (grid.cols >= 8 && grid.cols <= 10) return table3(grid);
  if (grid.cols === 15) return table4(grid);
  if (grid.cols === 4 && grid.rows >= 2) return table2(grid);
  return null;
}
