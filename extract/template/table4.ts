/**
 * Table 4 (行政复议、行政诉讼情况): 15 values in one data row; each column is identified by its resolved
 * header path (行政诉讼 / 未经复议直接起诉 / 结果维持), falling back to printed order when the header is unreadable.
 * A value row printed apart from its header (a page break between them: two tables) is read in the order of the
 * header's columns.
 */
import type { ExtractedCell } from '../types.ts';
import type { FoundTable } from '../html/find-tables.ts';
import { columnPath, rowCells, slotAt } from '../html/grid.ts';
import { hasAny, labelKey } from '../html/normalize-label.ts';
import { isValueText } from '../html/parse-number.ts';
import { buildCell, textCellWarning, type MappedTable } from './cell-builder.ts';
import { T4_COLUMNS, T4_GROUPS } from './keys.ts';

export function t4Group(path: string): (typeof T4_GROUPS)[number] | null {
  if (path.includes('复议后起诉')) return 'suit_after_review';
  if (hasAny(path, ['直接起诉', '未经复议'])) return 'suit_direct';
  if (path.includes('行政复议')) return 'review';
  return null;
}

export function t4Column(path: string): (typeof T4_COLUMNS)[number] | null {
  if (path.includes('维持')) return 'upheld';
  if (path.includes('纠正')) return 'corrected';
  if (hasAny(path, ['尚未', '未审结'])) return 'pending';
  if (path.includes('其他')) return 'other';
  if (hasAny(path, ['总计', '合计', '小计'])) return 'total';
  return null;
}

function dataRow(table: FoundTable): number | null {
  for (let r = 0; r < table.grid.rowCount; r += 1) {
    const cells = rowCells(table.grid, r);
    const values = cells.filter((c) => isValueText(c.text));
    if (values.length >= 5 && values.length >= cells.length - 1 && cells.some((c) => c.text !== '')) return r;
  }
  return null;
}

function columnKeys(table: FoundTable, row: number): Map<string, number> {
  const keys = new Map<string, number>();
  for (let c = 0; c < table.grid.colCount; c += 1) {
    const path = columnPath(table.grid, c, 0, row).map(labelKey).join('/');
    const group = t4Group(path);
    const column = t4Column(path.split('/').slice(-2).join(''));
    if (group === null || column === null) continue;
    const key = `t4.${group}.${column}`;
    if (!keys.has(key)) keys.set(key, c);
  }
  if (keys.size >= 10) return keys;
  const valueCols = rowCells(table.grid, row).filter((c) => isValueText(c.text)).map((c) => c.col);
  if (valueCols.length !== 15) return keys;
  const positional = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((col) => `t4.${g}.${col}`));
  return new Map(positional.map((key, i) => [key, valueCols[i] ?? 0] as const));
}

/** Keys of a header-only table 4's columns, left to right (each once), from the header's resolved paths. */
function headerOrder(header: FoundTable): string[] {
  const keys: string[] = [];
  for (let c = 0; c < header.grid.colCount; c += 1) {
    const path = columnPath(header.grid, c, 0, header.grid.rowCount).map(labelKey).join('/');
    const group = t4Group(path);
    const column = t4Column(path.split('/').slice(-2).join(''));
    if (group !== null && column !== null && !keys.includes(`t4.${group}.${column}`)) keys.push(`t4.${group}.${column}`);
  }
  return keys;
}

/** The value row in the table after the header (page break): its value cells in the header's column order. */
function continuedKeys(header: FoundTable, values: FoundTable, row: number, warnings: string[]): Map<string, number> {
  const order = headerOrder(header);
  const valueCols = rowCells(values.grid, row).filter((c) => isValueText(c.text)).map((c) => c.col);
  if (valueCols.length !== 15) {
    warnings.push(`table 4: the value row after the header (table[${values.index}]) holds ${valueCols.length} values, not 15; not read`);
    return new Map();
  }
  const keys = order.length === 15 ? order : T4_GROUPS.flatMap((g) => T4_COLUMNS.map((col) => `t4.${g}.${col}`));
  if (order.length !== 15) warnings.push(`table 4: header of table[${header.index}] names ${order.length} of 15 columns; the value row after it read in printed order`);
  return new Map(keys.map((key, i) => [key, valueCols[i] ?? 0] as const));
}

export function mapTable4(tables: readonly FoundTable[]): MappedTable {
  const warnings: string[] = [];
  const header = tables[0];
  if (header === undefined) return { cells: [], warnings };
  const own = dataRow(header);
  const next = own === null ? tables[1] : undefined;
  const nextRow = next === undefined ? null : dataRow(next);
  const source = own !== null ? { table: header, row: own } : next !== undefined && nextRow !== null ? { table: next, row: nextRow } : null;
  if (source === null) return { cells: [], warnings: ['table 4: no data row found'] };
  const { table, row } = source;
  const cells: ExtractedCell[] = [];
  const keys = own === null ? continuedKeys(header, table, row, warnings) : columnKeys(table, row);
  if (keys.size < 15) warnings.push(`table 4: only ${keys.size} of 15 columns recognised`);
  for (const [key, col] of keys) {
    const built = buildCell(key, { tableIndex: table.index, row, col, raw: slotAt(table.grid, row, col)?.text ?? '' });
    const warning = textCellWarning(built);
    if (warning !== null) warnings.push(warning);
    cells.push(built.cell);
  }
  return { cells, warnings };
}
