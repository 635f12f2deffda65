/**
 * Table 3 (收到和处理政府信息公开申请情况): columns by their resolved header path, rows by their resolved
 * label path (`三、本年度办理结果` + `(三)不予公开` + `1.属于国家秘密`), since sub-row numbers repeat.
 * A table split over several `<table>`s (page breaks) is read as one. Its form (（六）其他处理 as one row or three) is
 * read from the table, whatever the template, and mapped to that form's own keys.
 */
import type { ExtractedCell } from '../types.ts';
import type { FoundTable } from '../html/find-tables.ts';
import { columnPath, rowCells, slotAt } from '../html/grid.ts';
import { labelKey } from '../html/normalize-label.ts';
import { isValueText, parseNumber } from '../html/parse-number.ts';
import { buildCell, textCellWarning, type MappedTable } from './cell-builder.ts';
import { defaultT3Form, T3_COLUMNS, T3_FORM_ROWS, type T3Column, type T3Form } from './keys.ts';
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
  /** The row's cells sit left of the header's columns; values read in printed order. */
  readonly shifted?: boolean;
}

/**
 * Row layout: from the table's header when it has one; for a headerless fragment (a table continued after a
 * page break, whose rowspans were cut) the last seven cells of each row are the values.
 */
function rowLayout(table: FoundTable, row: number, header: ColumnMap | null): RowLayout | null {
  if (header !== null) {
    const labelCols = Math.min(...header.values());
    return shiftedRow(table, row, labelCols) ?? { path: labelPath(table, row, labelCols), columns: header };
  }
  const cells = rowCells(table.grid, row);
  if (cells.length <= T3_COLUMNS.length) return null;
  const values = cells.slice(-T3_COLUMNS.length);
  const labels = cells.slice(0, -T3_COLUMNS.length).filter((c) => c.text !== '');
  return {
    path: labels.map((c) => labelKey(c.text)),
    columns: new Map(T3_COLUMNS.map((col, i) => [col, values[i]?.col ?? -1] as const)),
  };
}

/**
 * A row whose numbers start inside the label columns: a rowspan above it ended early (seed 002: the last rows of
 * （六） and （七）总计 moved one column left), so the header's columns would read its numbers shifted. Its values
 * are the seven value cells in printed order from its first number; null when the row is not shifted.
 */
function shiftedRow(table: FoundTable, row: number, labelCols: number): RowLayout | null {
  const cells = rowCells(table.grid, row);
  const first = cells.findIndex((c) => c.col < labelCols && parseNumber(c.text).kind === 'number');
  if (first < 0) return null;
  const values = cells.slice(first).filter((c) => isValueText(c.text)).slice(0, T3_COLUMNS.length);
  if (values.length < T3_COLUMNS.length) return null;
  return {
    path: cells.slice(0, first).filter((c) => c.text !== '').map((c) => labelKey(c.text)),
    columns: new Map(T3_COLUMNS.map((col, i) => [col, values[i]?.col ?? -1] as const)),
    shifted: true,
  };
}

interface ReadRow {
  readonly table: FoundTable;
  readonly row: number;
  readonly layout: RowLayout;
  readonly match: T3RowMatch | null;
  readonly hasNumbers: boolean;
}

/** A row whose label names no row of table 3 (nothing, or a group without one of its items: 4.保护). */
function isIncomplete(match: T3RowMatch | null): boolean {
  return match === null || (match.kind === 'item' && match.item === null);
}

/**
 * A row left incomplete and the next row, one with values and one without, read as one row cut in two: a word
 * processor broke a row across a page (LibreOffice: 4.保护 with its numbers at the foot of one page,
 * 第三方合法权益的 alone at the top of the next). Their labels joined in printed order must name a row or an item;
 * the values come from the one that has them. Null when they do not.
 */
function joinedRow(first: ReadRow, second: ReadRow, group: T3Group | null): T3Row | null {
  if (!isIncomplete(first.match) || first.hasNumbers === second.hasNumbers) return null;
  const head = first.layout.path;
  const tail = second.layout.path.at(-1);
  if (head.length === 0 || tail === undefined) return null;
  const match = classifyT3Row([...head.slice(0, -1), `${head.at(-1)}${tail}`], group);
  if (match === null || match.kind === 'group' || isIncomplete(match)) return null;
  const values = first.hasNumbers ? first : second;
  return { table: values.table, row: values.row, match, columns: values.layout.columns };
}

function hasNumber(table: FoundTable, row: number): boolean {
  return rowCells(table.grid, row).some((c) => parseNumber(c.text).kind === 'number');
}

function notRecognised(row: ReadRow | null): string | null {
  if (row === null || row.match !== null || !row.hasNumbers) return null;
  return `table 3: row ${row.row} of table[${row.table.index}] "${row.layout.path.join('/')}" not recognised`;
}

/**
 * The row before a header's first data row when it holds only a label (its value columns empty): the rest of a row
 * the page break cut, printed under the repeated header. -1 when there is none.
 */
function cutLabelRow(table: FoundTable, header: ColumnMap, dataStart: number): number {
  const labelCols = Math.min(...header.values());
  const r = dataStart - 1;
  if (r < 0) return -1;
  const cells = rowCells(table.grid, r).filter((c) => c.row === r && c.text !== '');
  return cells.length > 0 && cells.every((c) => c.col < labelCols) ? r : -1;
}

function collectRows(tables: readonly FoundTable[], warnings: string[]): T3Row[] {
  const rows: T3Row[] = [];
  let group: T3Group | null = null;
  let previous: ReadRow | null = null;
  const warn = (message: string | null): void => {
    if (message !== null) warnings.push(message);
  };
  for (const table of tables) {
    const dataStart = firstDataRow(table);
    const found = headerColumns(table, dataStart);
    const header = found.size >= 4 ? found : null;
    const cut = header === null || previous === null ? -1 : cutLabelRow(table, header, dataStart);
    for (let r = header === null ? 0 : cut >= 0 ? cut : dataStart; r < table.grid.rowCount; r += 1) {
      const layout = rowLayout(table, r, header);
      if (layout === null) continue;
      const current: ReadRow = { table, row: r, layout, match: classifyT3Row(layout.path, group), hasNumbers: hasNumber(table, r) };
      const joined: T3Row | null = previous === null ? null : joinedRow(previous, current, group);
      if (joined !== null) {
        warn(`table 3: rows "${previous!.layout.path.join('/')}" and "${layout.path.join('/')}" read as one row cut by a page break`);
        group = joined.match.kind === 'row' ? null : joined.match.group;
        rows.push(joined);
        previous = null;
        continue;
      }
      if (r === cut) continue; // a cut label that continues nothing stays what it was: part of the header
      warn(notRecognised(previous));
      previous = current;
      if (current.match === null) continue;
      if (layout.shifted === true) warn(`table 3: row ${r} of table[${table.index}] "${layout.path.join('/')}" is shifted left of the header (a rowspan ends early); values read in printed order`);
      group = current.match.kind === 'row' ? null : current.match.group;
      rows.push({ table, row: r, match: current.match, columns: layout.columns });
    }
  }
  warn(notRecognised(previous));
  return rows;
}

/** Canonical row key of a match in a table of `form`, `subtotal:<group>`, or null. */
function canonicalRow(match: T3RowMatch, form: T3Form): string | null {
  if (match.kind === 'row') return match.row;
  if (match.kind === 'group') {
    if (match.group !== 'other') return `subtotal:${match.group}`;
    return form === '23-row' ? 'other' : 'subtotal:other';
  }
  if (match.item === null) return null;
  return `${match.group}.${match.item}`;
}

/** 25 rows when （六） has sub-rows, 23 when it is a row of its own, else the template's form. */
function formOf(rows: readonly T3Row[], template: '2021' | '2019'): T3Form {
  if (rows.some((r) => r.match.kind === 'item' && r.match.group === 'other')) return '25-row';
  if (rows.some((r) => r.match.kind === 'group' && r.match.group === 'other')) return '23-row';
  return defaultT3Form(template);
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
  const form = formOf(rows, template);
  const known = new Set(T3_FORM_ROWS[form]);
  const byKey = new Map<string, ExtractedCell>();
  const subtotals: ExtractedCell[] = [];
  if (form !== defaultT3Form(template)) {
    warnings.push(`table 3: the ${form} form (（六）其他处理 ${form === '23-row' ? 'as one row' : 'in three sub-rows'}) in a ${template} report; mapped to its own keys (t3.other.*)`);
  }
  for (const row of rows) {
    const key = canonicalRow(row.match, form);
    if (key === null) continue;
    const cells = cellsOfRow(key, row, warnings);
    if (key.startsWith('subtotal:')) subtotals.push(...cells.map((c) => ({ ...c, key: `subtotal:${key.slice(9)}.${c.key.split('.').pop() ?? ''}` })));
    else if (!known.has(key)) warnings.push(`table 3: row ${key} is not part of the ${form} table`);
    else if (byKey.has(`t3.${key}.natural`)) warnings.push(`table 3: row ${key} appears twice; first kept`);
    else for (const cell of cells) byKey.set(cell.key, cell);
  }
  checkSubtotals(byKey, subtotals, warnings);
  return { cells: [...byKey.values()], warnings };
}
