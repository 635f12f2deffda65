/**
 * Find the report's statistical tables among all `<table>`s of a page by their label content (never by position).
 * Layout tables do not match because a cell's text leaves out the tables nested in it.
 */
import type { AnyNode, Element } from 'domhandler';
import { descendants } from './dom.ts';
import { buildGrid, gridTexts, type Grid } from './grid.ts';
import { hasAny, normalizeLabel } from './normalize-label.ts';
import { parseNumber } from './parse-number.ts';

export type TableKind = 't2' | 't3' | 't4';

export interface FoundTable {
  /** Index of the table among all `<table>` elements of the page, document order (0-based). */
  readonly index: number;
  readonly element: Element;
  readonly grid: Grid;
  readonly kind: TableKind | null;
  /** Normalised text of all cells, joined: for cheap signal tests. */
  readonly text: string;
}

const T2_ROW_LABELS = ['规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'];

export function classifyTable(text: string): TableKind | null {
  const t3Head = text.includes('自然人') && hasAny(text, ['本年新收', '予以公开', '申请人', '法人或其他组织']);
  const t3Body = hasAny(text, ['予以公开', '本年新收', '上年结转']) && hasAny(text, ['不予公开', '无法提供', '不予处理', '部分公开', '结转下年']);
  const t3Tail = hasAny(text, ['不予处理', '无法提供', '其他处理']) && hasAny(text, ['结转下年', '总计', '重复申请', '出版物', '信访举报']);
  if (t3Head || t3Body || t3Tail) return 't3';
  // 结果/尚未/起诉 too: a page break inside the header rows can leave 结果维持 and 尚未审结 cut in two (结果 | 维持).
  if (text.includes('行政复议') && text.includes('行政诉讼') && hasAny(text, ['维持', '纠正', '审结', '结果', '尚未', '起诉'])) return 't4';
  const t2Rows = T2_ROW_LABELS.filter((label) => text.includes(label)).length;
  if (t2Rows >= 1 && hasAny(text, ['信息内容', '第二十条', '处理决定', '制发件数', '新制作数量', '收费金额'])) return 't2';
  if (t2Rows >= 3) return 't2';
  return null;
}

/** Numbers in each row of a grid (a merged cell counted once, in its first row). */
function numbersPerRow(grid: Grid): number[] {
  return grid.slots.map((slots, r) => new Set(slots.filter((c) => c !== null && c.row === r && parseNumber(c.text).kind === 'number')).size);
}

/**
 * Table 4's value row printed apart from its header rows (a page broke between them, or inside the header): a
 * table right after a table 4 that has no value row of its own, whose last row holds only values (numbers, blanks,
 * dashes), five or more numbers, and whose other rows (the rest of a header cut by the break) hold no number.
 */
function isT4ValueRow(table: FoundTable, previous: FoundTable | undefined): boolean {
  if (table.kind !== null || previous?.kind !== 't4') return false;
  if (numbersPerRow(previous.grid).some((n) => n >= 5)) return false;
  const numbers = numbersPerRow(table.grid);
  const last = table.grid.rowCount - 1;
  const cells = table.grid.slots[last] ?? [];
  return (numbers[last] ?? 0) >= 5 && numbers.slice(0, last).every((n) => n === 0) && cells.every((c) => c === null || parseNumber(c.text).kind !== 'text');
}

/**
 * The rest of table 3 after a page break whose rows name nothing table 3's classification knows (3.其他, 总计,
 * 四、结转下年度…: a word processor breaking the table, even inside a row, near its end): right after a table 3,
 * rows ending in seven values (table 3's columns), none with more than eight numbers (table 4's row has fifteen).
 */
function isT3Continuation(table: FoundTable, previous: FoundTable | undefined): boolean {
  if (table.kind !== null || previous?.kind !== 't3') return false;
  const numbers = numbersPerRow(table.grid);
  return numbers.some((n) => n === 7) && numbers.every((n) => n <= 8);
}

export function findTables(root: AnyNode): FoundTable[] {
  const found = descendants(root, 'table').map((element, index): FoundTable => {
    const grid = buildGrid(element);
    const text = gridTexts(grid).map(normalizeLabel).join('|');
    return { index, element, grid, kind: classifyTable(text), text };
  });
  for (let i = 1; i < found.length; i += 1) {
    const t = found[i]!;
    if (isT4ValueRow(t, found[i - 1])) found[i] = { ...t, kind: 't4' };
    else if (isT3Continuation(t, found[i - 1])) found[i] = { ...t, kind: 't3' };
  }
  return found;
}
