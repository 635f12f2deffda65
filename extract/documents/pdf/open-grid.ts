/**
 * Tables ruled only horizontally (no vertical lines: spreadsheet and WPS exports, three-line styles). No lattice
 * forms without vertical rules, so these are read from the text: the horizontal rules stacked over one x range
 * give the rows (one band between two rules is one table row, however its labels wrap), the runs of a band are
 * grouped into cells by the gaps between them, and the numeric cells of the rows holding numbers give the value
 * columns (their centres line up). A band that is a heading of the report's parts (三、收到和处理…) separates two
 * tables. Tables 3 and 4 (seven or more value columns) keep their header bands as one spanning cell each and their
 * label cells left of the values, the shape the table mapping reads without a header; table 2 keeps its header
 * cells over the value columns they stand above, so its columns are found by name.
 */
import { classifyTable } from '../../html/find-tables.ts';
import { normalizeLabel } from '../../html/normalize-label.ts';
import { gridTableHtml, type SpanCell } from '../table-html.ts';
import type { PageContent, Rule, TextRun } from './page-content.ts';
import { cellText } from './text-lines.ts';

const SNAP = 1.5;
/** Largest height of one table row (points): a larger gap between two rules ends the table. */
const MAX_ROW = 90;
/** Two runs of one band belong to one cell when the gap between them is under this share of the font size. */
const CELL_GAP = 0.4;
/** Value cells whose centres lie this close (points) are one column. */
const COLUMN_TOLERANCE = 5;
const NUMERIC = /^(?:[-+]?\d+(?:\.\d+)?(?:万元|元|件|%)?|[-—–－/／])$/;
const SECTION_HEADING = /^[一二三四五六七]、.*(?:主动公开|收到和处理|行政复议|行政诉讼|存在的主要问题|其他需要报告)/;

interface Blob {
  readonly x0: number;
  readonly x1: number;
  readonly text: string;
  readonly numeric: boolean;
  readonly runs: readonly TextRun[];
}

export interface OpenGridTable {
  readonly y0: number;
  readonly y1: number;
  readonly html: string;
  /** The runs read into the table (left out of the page's paragraphs). */
  readonly runs: readonly TextRun[];
}

const centreY = (run: TextRun): number => run.baseline - run.size * 0.35;
const centreX = (b: Blob): number => (b.x0 + b.x1) / 2;

/** Horizontal rule positions of each stack of rules over one x range, with the stack's x extent. */
function stacks(hs: readonly Rule[]): { x0: number; x1: number; ys: number[] }[] {
  const lines: { at: number; a: number; b: number }[] = [];
  for (const rule of [...hs].sort((p, q) => p.at - q.at)) {
    const line = lines.find((l) => Math.abs(l.at - rule.at) <= SNAP);
    if (line === undefined) lines.push({ at: rule.at, a: rule.a, b: rule.b });
    else Object.assign(line, { a: Math.min(line.a, rule.a), b: Math.max(line.b, rule.b) });
  }
  const out: { x0: number; x1: number; ys: number[] }[] = [];
  for (const line of lines.sort((p, q) => p.at - q.at)) {
    const last = out[out.length - 1];
    const lastY = last?.ys[last.ys.length - 1];
    if (last !== undefined && lastY !== undefined && line.at - lastY <= MAX_ROW && line.a < last.x1 && line.b > last.x0) {
      last.ys.push(line.at);
      last.x0 = Math.min(last.x0, line.a);
      last.x1 = Math.max(last.x1, line.b);
    } else out.push({ x0: line.a, x1: line.b, ys: [line.at] });
  }
  return out.filter((s) => s.ys.length >= 2);
}

/** Runs of one band → cells: runs (over all the band's lines) whose x ranges overlap or nearly touch. */
function blobs(runs: readonly TextRun[]): Blob[] {
  const groups: TextRun[][] = [];
  for (const run of [...runs].sort((a, b) => a.x0 - b.x0)) {
    const group = groups[groups.length - 1];
    const x1 = group === undefined ? -Infinity : Math.max(...group.map((r) => r.x1));
    if (group !== undefined && run.x0 <= x1 + run.size * CELL_GAP) group.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => {
    const text = cellText(g).replace(/\s+/g, '');
    return { x0: Math.min(...g.map((r) => r.x0)), x1: Math.max(...g.map((r) => r.x1)), text, numeric: NUMERIC.test(text), runs: g };
  });
}

/** Centres of the value columns, left to right, from the numeric cells of the rows that hold numbers. */
function valueColumns(rows: readonly Blob[][]): number[] {
  const centres = rows.filter((r) => r.some((b) => b.numeric)).flatMap((r) => r.filter((b) => b.numeric).map(centreX)).sort((a, b) => a - b);
  const columns: number[][] = [];
  for (const c of centres) {
    const last = columns[columns.length - 1];
    if (last !== undefined && c - last[last.length - 1]! <= COLUMN_TOLERANCE) last.push(c);
    else columns.push([c]);
  }
  return columns.map((col) => col.reduce((a, b) => a + b, 0) / col.length);
}

const nearest = (x: number, columns: readonly number[]): number => columns.reduce((best, c, i) => (Math.abs(c - x) < Math.abs(columns[best]! - x) ? i : best), 0);

type CellOut = { readonly col: number; readonly text: string };

/** Label cells: text left of the first value of the table. */
function labelsOf(r: readonly Blob[], firstValue: number): Blob[] {
  return r.filter((b) => !b.numeric && b.x1 <= firstValue + 1);
}

/**
 * Tables 3 and 4: header bands as one spanning cell, label cells then the values, each value in the column its
 * centre lies nearest to (blank where a row prints nothing).
 */
function wideTable(rows: readonly Blob[][], columns: readonly number[], firstValue: number): SpanCell[] {
  const labelCols = Math.max(0, ...rows.filter((r) => r.some((b) => b.numeric)).map((r) => labelsOf(r, firstValue).length));
  const width = labelCols + columns.length;
  return rows.flatMap((r, row): SpanCell[] => {
    const one = (col: number, text: string, colSpan = 1): SpanCell => ({ row, col, rowSpan: 1, colSpan, text });
    if (!r.some((b) => b.numeric)) return [one(0, r.map((b) => b.text).join(' '), width)];
    const labels = labelsOf(r, firstValue);
    const values = new Map<number, string>();
    for (const b of r.filter((x) => !labels.includes(x))) {
      const c = nearest(centreX(b), columns);
      values.set(c, (values.get(c) ?? '') + b.text);
    }
    return [
      ...Array.from({ length: labelCols }, (_, c) => one(c, labels[c]?.text ?? '')),
      ...columns.map((_, c) => one(labelCols + c, values.get(c) ?? '')),
    ];
  });
}

/**
 * Table 2: each 第二十条 group has its own header row, whose cells stand over that group's value columns (a
 * header or value cell may span several columns of another group), so values are placed under the nearest cell of
 * the header above them; the label in the first column, the last cell of a row spanning to the table's width.
 */
function narrowTable(rows: readonly Blob[][], columns: readonly number[], firstValue: number): SpanCell[] {
  let section: number[] | null = null;
  const laid: CellOut[][] = rows.map((r) => {
    const labels = labelsOf(r, firstValue);
    const rest = r.filter((b) => !labels.includes(b));
    if (labels.length === 0 && r.length === 1) return [{ col: 0, text: r[0]!.text }];
    const label: CellOut = { col: 0, text: labels.map((b) => b.text).join('') };
    if (!r.some((b) => b.numeric) && rest.length > 0) {
      section = rest.map(centreX);
      return [label, ...rest.map((b, i) => ({ col: 1 + i, text: b.text }))];
    }
    const cols: readonly number[] = section ?? columns;
    const values = new Map<number, string>();
    for (const b of rest) {
      const c = nearest(centreX(b), cols);
      values.set(c, (values.get(c) ?? '') + b.text);
    }
    return [label, ...cols.map((_, c) => ({ col: 1 + c, text: values.get(c) ?? '' }))];
  });
  const width = Math.max(...laid.map((cells) => cells.length));
  return laid.flatMap((cells, row) => cells.map((c, i) => ({ row, col: c.col, rowSpan: 1, colSpan: i === cells.length - 1 ? width - c.col : 1, text: c.text })));
}

/** One table from its bands' cells; null unless its labels make it one of the report's tables. */
function tableHtml(rows: readonly Blob[][]): string | null {
  const columns = valueColumns(rows);
  // A lone row of five or more values is kept too: table 4's value row printed apart from its header (find-tables).
  const loneValues = rows.length === 1 && rows[0]!.length >= 5 && rows[0]!.every((b) => b.numeric);
  const kind = classifyTable(rows.flat().map((b) => normalizeLabel(b.text)).join('|'));
  if (!loneValues && kind === null) return null;
  // Table 4's header rows without their values (on the next page): the header rows alone.
  if (columns.length === 0) return kind === 't4' ? gridTableHtml(rows.map((r, row) => ({ row, col: 0, rowSpan: 1, colSpan: 1, text: r.map((b) => b.text).join(' ') }))) : null;
  const firstValue = Math.min(...rows.flatMap((r) => r.filter((b) => b.numeric).map((b) => b.x0)));
  return gridTableHtml(columns.length >= 7 ? wideTable(rows, columns, firstValue) : narrowTable(rows, columns, firstValue));
}

/**
 * The top of a table continued from the previous page as a browser prints it: collapsed borders are drawn once,
 * so the first row on the new page has no rule above it. When the lines just above the first rule (up to a heading
 * or prose) hold five or more numbers, they are that row: its top edge is returned (empty otherwise).
 */
function openTop(runs: readonly TextRun[], top: number): number[] {
  const above = runs.filter((r) => centreY(r) < top && centreY(r) > top - MAX_ROW).sort((a, b) => centreY(b) - centreY(a));
  const row: TextRun[] = [];
  for (const run of above) {
    if ([...run.text].length > 40 || SECTION_HEADING.test(run.text.trim())) break;
    row.push(run);
  }
  if (blobs(row).filter((b) => b.numeric).length < 5) return [];
  return [Math.min(...row.map((r) => r.baseline - r.size)) - 1];
}

/** Report tables of a page drawn with horizontal rules only (stacks of rules with no vertical rules over them). */
export function openGridTables(page: PageContent): OpenGridTable[] {
  const hs = page.rules.filter((r) => r.horizontal);
  const vs = page.rules.filter((r) => !r.horizontal);
  const out: OpenGridTable[] = [];
  for (const stack of stacks(hs)) {
    const top = stack.ys[0]!;
    const bottom = stack.ys[stack.ys.length - 1]!;
    if (vs.filter((v) => v.at >= stack.x0 - 2 && v.at <= stack.x1 + 2 && v.b > top && v.a < bottom).length >= 2) continue;
    const inside = page.runs.filter((r) => r.x0 >= stack.x0 - 2 && r.x1 <= stack.x1 + 2);
    const ys = [...openTop(inside, top), ...stack.ys];
    let part: { y0: number; y1: number; rows: Blob[][] } | null = null;
    const flush = (): void => {
      const html = part === null ? null : tableHtml(part.rows);
      if (part !== null && html !== null) out.push({ y0: part.y0, y1: part.y1, html, runs: part.rows.flat().flatMap((b) => b.runs) });
      part = null;
    };
    ys.slice(1).forEach((y1, i) => {
      const y0 = ys[i]!;
      const runs = inside.filter((r) => centreY(r) > y0 && centreY(r) < y1);
      const row = blobs(runs);
      if (row.length === 0) return;
      if (row.every((b) => !b.numeric) && SECTION_HEADING.test(row.map((b) => b.text).join(''))) return flush();
      part ??= { y0, y1, rows: [] };
      part.rows.push(row);
      part.y1 = y1;
    });
    flush();
  }
  return out;
}
