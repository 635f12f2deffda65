/**
 * Resolve a `<table>` into a rectangular grid: rowspan/colspan are expanded so that every covered slot
 * points at its origin cell. Rows and cells of nested tables are not part of the grid.
 */
import type { Element } from 'domhandler';
import { childNodes, closestAncestor, descendants, elementText, isElement, tagName } from './dom.ts';
import { collapseWhitespace } from './normalize-label.ts';

export interface GridCell {
  /** Row and column of the cell's top-left slot. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Text as printed, whitespace collapsed (`<br>` → space). */
  readonly text: string;
}

export interface Grid {
  /** `slots[row][col]`; `null` where a short row leaves a hole. */
  readonly slots: readonly (readonly (GridCell | null)[])[];
  readonly rowCount: number;
  readonly colCount: number;
}

const MAX_SPAN = 500;

/** A rowspan/colspan attribute as browsers read it: 0 spans the rest (`fallback`), junk is 1, capped at 500. */
export function span(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt((value ?? '').trim(), 10);
  if (!Number.isFinite(parsed) || parsed < 0) return 1;
  if (parsed === 0) return fallback;
  return Math.min(parsed, MAX_SPAN);
}

/** Rows that belong to this table (not to a table nested inside one of its cells). */
export function ownRows(table: Element): Element[] {
  return descendants(table, 'tr').filter((tr) => closestAncestor(tr, 'table') === table);
}

function ownCells(tr: Element): Element[] {
  return childNodes(tr).filter((n): n is Element => isElement(n) && (tagName(n) === 'td' || tagName(n) === 'th'));
}

/** Cell text: `<br>` as a space, nested tables left out, whitespace collapsed. */
export function cellText(cell: Element): string {
  return collapseWhitespace(elementText(cell, { skipNestedTables: true }));
}

export function buildGrid(table: Element): Grid {
  const rows = ownRows(table);
  const rowCount = rows.length;
  const slots: (GridCell | null)[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of ownCells(tr)) {
      while (slots[r]?.[c] !== undefined && slots[r]?.[c] !== null) c += 1;
      const rowSpan = Math.min(span(td.attribs['rowspan'], rowCount - r), rowCount - r);
      const colSpan = span(td.attribs['colspan'], 1);
      const cell: GridCell = { row: r, col: c, rowSpan, colSpan, text: cellText(td) };
      for (let dr = 0; dr < rowSpan; dr += 1) {
        const target = slots[r + dr];
        if (target === undefined) break;
        for (let dc = 0; dc < colSpan; dc += 1) {
          if (target[c + dc] === undefined || target[c + dc] === null) target[c + dc] = cell;
        }
      }
      c += colSpan;
    }
  });
  const colCount = slots.reduce((max, row) => Math.max(max, row.length), 0);
  const rect = slots.map((row) => Array.from({ length: colCount }, (_, i) => row[i] ?? null));
  return { slots: rect, rowCount, colCount };
}

export function slotAt(grid: Grid, row: number, col: number): GridCell | null {
  return grid.slots[row]?.[col] ?? null;
}

/** Distinct cells of a row, left to right (a colspan cell appears once). */
export function rowCells(grid: Grid, row: number): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of grid.slots[row] ?? []) {
    if (cell !== null && out[out.length - 1] !== cell) out.push(cell);
  }
  return out;
}

/** Distinct non-empty texts of a column between two rows (top to bottom), e.g. a header path. */
export function columnPath(grid: Grid, col: number, fromRow: number, toRow: number): string[] {
  const out: GridCell[] = [];
  for (let r = fromRow; r < toRow; r += 1) {
    const cell = slotAt(grid, r, col);
    if (cell !== null && cell.text !== '' && !out.includes(cell)) out.push(cell);
  }
  return out.map((c) => c.text);
}

/** All cell texts of the grid (each origin once). */
export function gridTexts(grid: Grid): string[] {
  const seen = new Set<GridCell>();
  const out: string[] = [];
  for (const row of grid.slots) {
    for (const cell of row) {
      if (cell !== null && !seen.has(cell)) {
        seen.add(cell);
        out.push(cell.text);
      }
    }
  }
  return out;
}
