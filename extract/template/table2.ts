/**
 * Table 2 (主动公开政府信息情况): rows by their 信息内容 label, columns by the header row above them
 * (each 第二十条 group has its own header), falling back to the template's column order.
 */
import type { ExtractedCell } from '../types.ts';
import type { FoundTable } from '../html/find-tables.ts';
import { rowCells, slotAt, type GridCell } from '../html/grid.ts';
import { hasAny, labelKey, normalizeLabel, stripEnumerator } from '../html/normalize-label.ts';
import { buildCell, textCellWarning, type MappedTable } from './cell-builder.ts';
import { T2_KEYS } from './keys.ts';
import { matchForm, matchLabel, type VocabularyEntry } from './label-matcher.ts';

/** Table-2 row groups by meaning (exact key phrases first in t2RowGroup), for reworded or damaged labels. */
const T2_VOCABULARY: readonly VocabularyEntry<string>[] = [
  { id: 'rules', fragments: [], wordings: ['规章'] },
  { id: 'normative', fragments: ['规范性文件'], wordings: ['行政规范性文件', '规范性文件'] },
  { id: 'other_services', fragments: ['对外管理服务'], wordings: ['其他对外管理服务事项'] },
  { id: 'licensing', fragments: ['行政许可'], wordings: ['行政许可'] },
  { id: 'penalty', fragments: ['行政处罚'], wordings: ['行政处罚'] },
  { id: 'coercion', fragments: ['行政强制'], wordings: ['行政强制'] },
  { id: 'fees', fragments: ['事业性收费'], wordings: ['行政事业性收费'] },
  { id: 'procurement', fragments: ['集中采购'], wordings: ['政府集中采购'] },
];

/** Row group of a 信息内容 label (normalised, guidance dropped), or null. */
export function t2RowGroup(rawLabel: string): string | null {
  const label = stripEnumerator(labelKey(rawLabel));
  if (label === '' || label.length > 24) return null;
  if (label.startsWith('规章')) return 'rules';
  if (label.includes('规范性文件')) return 'normative';
  if (label.includes('其他对外管理服务') || label.includes('对外管理服务')) return 'other_services';
  if (label.includes('行政许可')) return 'licensing';
  if (label.includes('行政处罚')) return 'penalty';
  if (label.includes('行政强制')) return 'coercion';
  if (label.includes('事业性收费')) return 'fees';
  if (label.includes('集中采购')) return 'procurement';
  if ([...matchForm(label)].length < 3) return null;
  return matchLabel(label, T2_VOCABULARY, { minSimilarity: 0.7 })?.id ?? null;
}

const COLUMN_RULES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['in_force', ['现行有效', '有效件数']],
  ['issued', ['制发']],
  ['repealed', ['废止']],
  ['decisions', ['处理决定', '决定数']],
  ['prev_items', ['上一年', '上年项目']],
  ['change', ['增/减', '增减', '增(减)', '增/-减']],
  ['total', ['公开总数', '总数量']],
  ['made', ['新制作', '制作数量']],
  ['published', ['新公开', '公开数量']],
  ['items', ['采购项目', '项目数量']],
  ['amount', ['金额']],
];

/** Column suffix of a table-2 header text, or null. */
export function t2ColumnSuffix(rawHeader: string): string | null {
  const header = normalizeLabel(rawHeader);
  for (const [suffix, fragments] of COLUMN_RULES) if (hasAny(header, fragments)) return suffix;
  return null;
}

function expectedSuffixes(template: '2021' | '2019', group: string): string[] {
  const prefix = `t2.${group}.`;
  return T2_KEYS[template].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}

/** The nearest row above `row` with at least two distinct cells that is not a data row: the column header. */
function headerRowAbove(table: FoundTable, row: number): number | null {
  for (let r = row - 1; r >= 0; r -= 1) {
    const cells = rowCells(table.grid, r);
    if (cells.some((c) => t2RowGroup(c.text) !== null)) continue;
    if (cells.filter((c) => c.text !== '').length >= 2) return r;
  }
  return null;
}

function isYuanHeader(text: string): boolean {
  const header = normalizeLabel(text);
  return /单位:?元/.test(header) && !header.includes('万元');
}

interface RowMatch {
  readonly group: string;
  readonly values: readonly GridCell[];
}

function matchRow(table: FoundTable, row: number): RowMatch | null {
  const cells = rowCells(table.grid, row);
  const labelAt = cells.findIndex((c) => t2RowGroup(c.text) !== null);
  const label = cells[labelAt];
  if (label === undefined) return null;
  const group = t2RowGroup(label.text);
  return group === null ? null : { group, values: cells.slice(labelAt + 1) };
}

export function mapTable2(tables: readonly FoundTable[], template: '2021' | '2019'): MappedTable {
  const keys = new Set(T2_KEYS[template]);
  const cells = new Map<string, ExtractedCell>();
  const warnings: string[] = [];
  for (const table of tables) {
    for (let r = 0; r < table.grid.rowCount; r += 1) {
      const match = matchRow(table, r);
      if (match === null) continue;
      const header = headerRowAbove(table, r);
      const expected = expectedSuffixes(template, match.group);
      match.values.forEach((valueCell, i) => {
        const headerText = header === null ? '' : (slotAt(table.grid, header, valueCell.col)?.text ?? '');
        const suffix = t2ColumnSuffix(headerText) ?? expected[i] ?? null;
        if (suffix === null) return;
        const key = `t2.${match.group}.${suffix}`;
        if (!keys.has(key)) {
          if (valueCell.text !== '') warnings.push(`table 2: column "${headerText}" of ${match.group} has no ${template} key (${key})`);
          return;
        }
        if (cells.has(key)) return;
        const built = buildCell(
          key,
          { tableIndex: table.index, row: r, col: valueCell.col, raw: valueCell.text },
          { yuanUnit: isYuanHeader(headerText) },
        );
        const warning = textCellWarning(built);
        if (warning !== null) warnings.push(warning);
        cells.set(key, built.cell);
      });
    }
  }
  return { cells: [...cells.values()], warnings };
}
