/** Turn a grid slot into a canonical cell with provenance. */
import type { ExtractedCell } from '../types.ts';
import { parseNumber, type ParsedNumberKind } from '../html/parse-number.ts';
import { MONEY_KEYS } from './keys.ts';

export interface CellSource {
  readonly tableIndex: number;
  readonly row: number;
  readonly col: number;
  readonly raw: string;
}

export interface BuiltCell {
  readonly cell: ExtractedCell;
  readonly kind: ParsedNumberKind;
}

export interface MappedTable {
  readonly cells: readonly ExtractedCell[];
  readonly warnings: readonly string[];
}

export function location(tableIndex: number, row: number, col: number): string {
  return `table[${tableIndex}]/row[${row}]/col[${col}]`;
}

/** `yuanUnit`: the column header says the unit is 元, so bare numbers are converted to 万元. */
export function buildCell(key: string, source: CellSource, options: { readonly yuanUnit?: boolean } = {}): BuiltCell {
  const money = MONEY_KEYS.has(key);
  const parsed = parseNumber(source.raw, { money });
  let value = parsed.value;
  if (money && options.yuanUnit === true && value !== null && !/[元万]/.test(source.raw)) {
    value = Math.round((value / 10000) * 1e6) / 1e6;
  }
  return {
    kind: parsed.kind,
    cell: {
      key,
      value,
      raw: source.raw,
      method: 'html-table',
      location: location(source.tableIndex, source.row, source.col),
      confidence: 1,
    },
  };
}

/** Warning for a cell whose text is not a number. */
export function textCellWarning(built: BuiltCell): string | null {
  if (built.kind !== 'text') return null;
  return `cell ${built.cell.key} at ${built.cell.location} is not a number: "${built.cell.raw}" (kept as null)`;
}
