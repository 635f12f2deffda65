/**
 * Table 3 (收到和处理政府信息公开申请情况): columns by their resolved header path, rows by their resolved
 * label path (`三、本年度办理结果` + `(三)不予公开` + `1.属于国家秘密`), since sub-row numbers repeat.
 * A table split over several `<table>`s (page breaks) is read as one.
 */
import type { ExtractedCell } from '../types.ts';
import type { FoundTable } from '../html/find-tables.ts';
import { columnPath, rowCells, slotAt } from '../html/grid.ts';
import { labelKey } from '../html/normalize-label.ts';
import { parseNumber } from '../html/parse-number.ts';
import { buildCell, location, textCellWarning, type MappedTable } from './cell-builder.ts';
import { T3_COLUMNS, T3_ROWS, type T3Column } from './keys.ts';
import { classifyT3Column, classifyT3Row, type T3Group, type T3RowMatch } from './t3-labels.ts';

type ColumnMap = ReadonlyMap<T3Column, number>;

interface T3Row {
  readonly table: FoundTable;
  readonly row: number;
  readonly match: T3RowMatch;
  /** Value column of each applicant column, for this row. */
  readonly columns: ColumnMap;
}

function isDataRow(table: FoundTable, row: number): boolean {
  const cells = rowCells(table.grid, row);
  if (cells.filter((c) => parseNumber(c.text).kind === 'number').length >= 3) return true;
  const labels = cells.map((c) => labelKey(c.text));
  return labels.some((l) => /本年新收|上年结转|予以公开/.test(l));
}

function firstDataRow(table: FoundTable): number {
  for (let r = 0; r < table.grid.rowCount; r += 1) if (isDataRow(table, r)) return r;
  return table.grid.rowCount;
}

function headerColumns(table: FoundTable, headerEnd: number): Map<T3Column, number> {
  const map = new Map<T3Column, number>();
  for (let c = 0; c < table.grid.colCount; c += 1) {
    const column = classifyT3Column(columnPath(table.grid, c, 0, headerEnd).map(labelKey));
    if (column !== null && !map.has(column)) map.set(column, c);
  }
  return map;
}

function labelPath(table: FoundTable, row: number, labelCols: number): string[] {
  const path: string[] = [];
  let last: unknown = null;
  for (let c = 0; c < labelCols; c += 1) {
    const cell = slotAt(table.grid, row, c);
    if (cell === null || cell === last || cell.text === '') continue;
    last = cell;
    path.push(labelKey(cell.text));
  }
  return path;
}

interface RowLayout {
  readonly path: string[];
  readonly columns: ColumnMap;
}

/**
 * Row layout: from the table's header when it has one; for a headerless fragment (a table continued after a
 * page break, whose rowspans were cut) the last seven cells of each row are the values.
 */
function rowLayout(table: FoundTable, row: number, header: ColumnMap | null): RowLayout | null {
  if (header !== null) return { path: labelPath(table, row, Math.min(...header.values())), columns: header };
  const cells = rowCells(table.grid, row);
  if (cells.length <= T3_COLUMNS.length) return null;
  const values = cells.slice(-T3_COLUMNS.length);
  const labels = cells.slice(0, -T3_COLUMNS.length).filter((c) => c.text !== '');
  return {
    path: labels.map((c) => labelKey(c.text)),
    columns: new Map(T3_COLUMNS.map((col, i) => [col, values[i]?.col ?? -1] as const)),
  };
}

function collectRows(tables: readonly FoundTable[], warnings: string[]): T3Row[] {
  const rows: T3Row[] = [];
  let group: T3Group | null = null;
  for (const table of tables) {
    const dataStart = firstDataRow(table);
    const found = headerColumns(table, dataStart);
    const header = found.size >= 4 ? found : null;
    for (let r = header === null ? 0 : dataStart; r < table.grid.rowCount; r += 1) {
      const layout = rowLayout(table, r, header);
      if (layout === null) continue;
      const match = classifyT3Row(layout.path, group);
      if (match === null) {
        if (rowCells(table.grid, r).some((c) => parseNumber(c.text).kind === 'number')) {
          warnings.push(`table 3: row ${r} of table[${table.index}] "${layout.path.join('/')}" not recognised`);
        }
        continue;
      }
      group = match.kind === 'row' ? null : match.group;
      rows.push({ table, row: r, match, columns: layout.columns });
    }
  }
  return rows;
}

/** Canonical row key of a match for the template, `subtotal:<group>`, or null. */
function canonicalRow(match: T3RowMatch, template: '2021' | '2019', otherHasItems: boolean): string | null {
  if (match.kind === 'row') return match.row;
  if (match.kind === 'group') {
    if (match.group !== 'other') return `subtotal:${match.group}`;
    if (template === '2019') return 'other';
    return otherHasItems ? 'subtotal:other' : 'other.other';
  }
  if (match.item === null) return null;
  if (match.group === 'other' && template === '2019') return `other-item:${match.item}`;
  return `${match.group}.${match.item}`;
}

function cellsOfRow(key: string, row: T3Row, warnings: string[]): ExtractedCell[] {
  const out: ExtractedCell[] = [];
  for (const [column, col] of row.columns) {
    const slot = slotAt(row.table.grid, row.row, col);
    const built = buildCell(`t3.${key}.${column}`, { tableIndex: row.table.index, row: row.row, col, raw: slot?.text ?? '' });
    const warning = textCellWarning(built);
    if (warning !== null) warnings.push(warning);
    out.push(built.cell);
  }
  return out;
}

function sumCells(key: string, parts: readonly ExtractedCell[]): ExtractedCell {
  const values = parts.map((p) => p.value).filter((v): v is number => v !== null);
  return {
    key,
    value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0),
    raw: parts.map((p) => p.raw).join(' + '),
    method: 'html-table',
    location: parts[0]?.location ?? location(-1, -1, -1),
    confidence: 1,
  };
}

/** 2019 template with a 2021-style （六）: `other` is the sum of the sub-rows (reported as a warning). */
function foldOtherItems(byKey: Map<string, ExtractedCell>, itemCells: readonly ExtractedCell[], warnings: string[]): void {
  if (itemCells.length === 0) return;
  if (byKey.has('t3.other.natural')) {
    warnings.push('table 3: （六）其他处理 has both a row and sub-rows; sub-rows ignored');
    return;
  }
  warnings.push('table 3: （六）其他处理 is split into sub-rows (2021 form) in a 2019 report; t3.other.* is their sum');
  for (const column of T3_COLUMNS) {
    const key = `t3.other.${column}`;
    byKey.set(key, sumCells(key, itemCells.filter((c) => c.key.endsWith(`.${column}`))));
  }
}

function checkSubtotals(byKey: ReadonlyMap<string, ExtractedCell>, subtotals: readonly ExtractedCell[], warnings: string[]): void {
  for (const sub of subtotals) {
    const [, groupKey = '', column = ''] = /^subtotal:(\w+)\.(\w+)$/.exec(sub.key) ?? [];
    const parts = [...byKey.values()].filter((c) => c.key.startsWith(`t3.${groupKey}.`) && c.key.endsWith(`.${column}`));
    const sum = parts.reduce((acc, c) => acc + (c.value ?? 0), 0);
    if ((sub.value ?? 0) !== sum) {
      warnings.push(`table 3: subtotal row ${groupKey} (${column}) = ${sub.value ?? 'null'} but its rows add up to ${sum} (${sub.location})`);
    }
  }
}

export function mapTable3(tables: readonly FoundTable[], template: '2021' | '2019'): MappedTable {
  const warnings: string[] = [];
  const rows = collectRows(tables, warnings);
  const otherHasItems = rows.some((r) => r.match.kind === 'item' && r.match.group === 'other');
  const known = new Set(T3_ROWS[template]);
  const byKey = new Map<string, ExtractedCell>();
  const otherItems: ExtractedCell[] = [];
  const subtotals: ExtractedCell[] = [];
  if (template === '2021' && rows.some((r) => r.match.kind === 'group' && r.match.group === 'other') && !otherHasItems) {
    warnings.push('table 3: （六）其他处理 is one row (2019 form) in a 2021 report; mapped to t3.other.other');
  }
  for (const row of rows) {
    const key = canonicalRow(row.match, template, otherHasItems);
    if (key === null) continue;
    const cells = cellsOfRow(key, row, warnings);
    if (key.startsWith('other-item:')) otherItems.push(...cells);
    else if (key.startsWith('subtotal:')) subtotals.push(...cells.map((c) => ({ ...c, key: `subtotal:${key.slice(9)}.${c.key.split('.').pop() ?? ''}` })));
    else if (!known.has(key)) warnings.push(`table 3: row ${key} is not part of the ${template} template`);
    else if (byKey.has(`t3.${key}.natural`)) warnings.push(`table 3: row ${key} appears twice; first kept`);
    else for (const cell of cells) byKey.set(cell.key, cell);
  }
  if (template === '2019') foldOtherItems(byKey, otherItems, warnings);
  checkSubtotals(byKey, subtotals, warnings);
  return { cells: [...byKey.values()], warnings };
}
