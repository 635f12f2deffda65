/**
 * Tables 2, 3 and 4 as HTML with the official structure (rowspans/colspans of 国办公开办函〔2019〕60号 and
 * 〔2021〕30号), rendered either as Word pasted into the CMS editor or as a bare `<table border="1">`.
 */
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS } from '../../extract/template/keys.ts';
import { labelHtml, numberHtml, type MarkupContext } from './cell-markup.ts';
import type { DemoReportSpec } from './report-spec.ts';
import {
  T2_GROUPS,
  T3_CARRIED_IN_LABEL,
  T3_CARRIED_OUT_LABEL,
  T3_CORNER,
  T3_NEW_LABEL,
  T3_ORG_COLUMNS,
  T3_RESULTS_LABEL,
  T4_RESULT_LABELS,
  t3ResultRows,
  type T3RowLabel,
} from './table-labels.ts';

interface Cell {
  readonly html: string;
  readonly header?: boolean;
  readonly rowspan?: number;
  readonly colspan?: number;
  /** Width in pt (Word only). */
  readonly width?: number;
}
type Row = readonly Cell[];

type Cells = DemoReportSpec['cells'];

const valueCell = (ctx: MarkupContext, cells: Cells, key: string, colspan?: number): Cell => ({
  html: numberHtml(ctx, key, cells[key] ?? null),
  ...(colspan ? { colspan } : {}),
  width: 42,
});

function wordCell(ctx: MarkupContext, cell: Cell, shade: boolean): string {
  const span = `${cell.rowspan ? ` rowspan=${cell.rowspan}` : ''}${cell.colspan ? ` colspan=${cell.colspan}` : ''}`;
  const width = (cell.width ?? 42) * (cell.colspan ?? 1);
  const style =
    `width:${width}.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;` +
    `${shade ? 'background:#D9D9D9;' : ''}padding:0cm 5.4pt 0cm 5.4pt`;
  const malformed = ctx.quirks.has('malformed') ? ctx.next() % 7 : -1;
  // malformed: 0 → unclosed <p>, 1 → stray </td>, 2 → unclosed <span>; parse5 recovers each to the same grid.
  const close = malformed === 0 ? '' : '</p>';
  const stray = malformed === 1 ? '</td>' : '';
  const html = malformed === 2 ? cell.html.replace(/<\/span>(\s*)$/, '$1') : cell.html;
  return (
    `\n  <td width=${Math.round(width * 1.33)} valign=center${span} style='${style}'>\n` +
    `  <p class=MsoNormal align=center style='text-align:center;line-height:14.0pt'>${html}${close}\n  </td>${stray}`
  );
}

function bareCell(cell: Cell): string {
  const tag = cell.header ? 'th' : 'td';
  const span = `${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan ? ` colspan="${cell.colspan}"` : ''}`;
  return `<${tag}${span}>${cell.html}</${tag}>`;
}

function renderTable(ctx: MarkupContext, rows: readonly Row[], shadeRows: ReadonlySet<number> = new Set()): string {
  if (!ctx.word) {
    return `<table border="1" cellspacing="0" cellpadding="4">\n${rows.map((r) => `<tr>${r.map(bareCell).join('')}</tr>`).join('\n')}\n</table>`;
  }
  const body = rows
    .map((row, i) => {
      const last = i === rows.length - 1;
      const attrs = `mso-yfti-irow:${i}${i === 0 ? ';mso-yfti-firstrow:yes' : ''}${last ? ';mso-yfti-lastrow:yes' : ''};height:22.0pt`;
      // malformed: every fifth row misses its </tr> (the next <tr> closes it).
      const close = ctx.quirks.has('malformed') && i % 5 === 2 ? '' : '\n </tr>';
      return ` <tr style='${attrs}'>${row.map((c) => wordCell(ctx, c, shadeRows.has(i))).join('')}${close}`;
    })
    .join('\n');
  return (
    `<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;` +
    `border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n` +
    `${body}\n</table>\n</div>`
  );
}

/** Table 2 — 主动公开政府信息情况. */
export function table2Html(ctx: MarkupContext, spec: DemoReportSpec): string {
  const template = spec.template === '2019' ? '2019' : '2021';
  const rows: Row[] = [];
  const shade = new Set<number>();
  const spans = (n: number): (number | undefined)[] => (n === 3 ? [undefined, undefined, undefined] : n === 2 ? [undefined, 2] : [3]);
  for (const group of T2_GROUPS[template]) {
    shade.add(rows.length);
    rows.push([{ html: labelHtml(ctx, group.header), header: true, colspan: 4, width: 100 }]);
    const colSpans = spans(group.columns.length);
    rows.push([
      { html: labelHtml(ctx, '信息内容'), header: true, width: 120 },
      ...group.columns.map((c, i) => ({ html: labelHtml(ctx, c), header: true, colspan: colSpans[i], width: 100 })),
    ]);
    for (const row of group.rows) {
      rows.push([
        { html: labelHtml(ctx, row.label), width: 120 },
        ...row.keys.map((k, i) => ({ ...valueCell(ctx, spec.cells, k, colSpans[i]), width: 100 })),
      ]);
    }
  }
  return renderTable(ctx, rows, shade);
}

function t3Values(ctx: MarkupContext, cells: Cells, row: string): Cell[] {
  return T3_COLUMNS.map((col) => valueCell(ctx, cells, `t3.${row}.${col}`));
}

/** The 小计 row of `subtotal-rows`: the sum of the （三）不予公开 rows, column by column. */
function withheldSubtotal(ctx: MarkupContext, cells: Cells, rows: readonly T3RowLabel[]): Cell[] {
  const withheld = rows.filter((r) => r.key.startsWith('withheld.'));
  return [
    { html: labelHtml(ctx, '小计'), width: 150 },
    ...T3_COLUMNS.map((col) => {
      const sum = withheld.reduce((acc, r) => acc + (cells[`t3.${r.key}.${col}`] ?? 0), 0);
      return { html: numberHtml(ctx, `t3.withheld.subtotal.${col}`, sum), width: 42 };
    }),
  ];
}

/** Table 3 — 收到和处理政府信息公开申请情况. */
export function table3Html(ctx: MarkupContext, spec: DemoReportSpec): string {
  const template = spec.template === '2019' ? '2019' : '2021';
  const cells = spec.cells;
  const subtotal = ctx.quirks.has('subtotal-rows');
  const results = t3ResultRows(template);
  const rows: Row[] = [
    [
      { html: labelHtml(ctx, T3_CORNER), header: true, colspan: 3, rowspan: 3, width: 80 },
      { html: labelHtml(ctx, '申请人情况'), header: true, colspan: 7, width: 42 },
    ],
    [
      { html: labelHtml(ctx, '自然人', { spaced: true }), header: true, rowspan: 2 },
      { html: labelHtml(ctx, '法人或其他组织'), header: true, colspan: 5 },
      { html: labelHtml(ctx, '总计', { spaced: true }), header: true, rowspan: 2 },
    ],
    T3_ORG_COLUMNS.map((c) => ({ html: labelHtml(ctx, c, { spaced: true }), header: true })),
    [{ html: labelHtml(ctx, T3_NEW_LABEL), colspan: 3, width: 80 }, ...t3Values(ctx, cells, 'new')],
    [{ html: labelHtml(ctx, T3_CARRIED_IN_LABEL), colspan: 3, width: 80 }, ...t3Values(ctx, cells, 'carried_in')],
  ];
  const groupSize = (group: string): number =>
    results.filter((r) => r.group === group).length + (subtotal && group.startsWith('（三）') ? 1 : 0);
  results.forEach((r, i) => {
    const row: Cell[] = [];
    if (i === 0) row.push({ html: labelHtml(ctx, T3_RESULTS_LABEL), rowspan: results.length + (subtotal ? 1 : 0), width: 40 });
    if (r.group === null) row.push({ html: labelHtml(ctx, r.label), colspan: 2, width: 75 });
    else {
      if (results.find((x) => x.group === r.group) === r) {
        row.push({ html: labelHtml(ctx, r.group), rowspan: groupSize(r.group), width: 40 });
      }
      row.push({ html: labelHtml(ctx, r.label), width: 150 });
    }
    rows.push([...row, ...t3Values(ctx, cells, r.key)]);
    if (subtotal && r.key === 'withheld.query') rows.push(withheldSubtotal(ctx, cells, results));
  });
  rows.push([{ html: labelHtml(ctx, T3_CARRIED_OUT_LABEL), colspan: 3, width: 80 }, ...t3Values(ctx, cells, 'carried_out')]);
  return renderTable(ctx, rows);
}

/** Table 4 — 政府信息公开行政复议、行政诉讼情况. */
export function table4Html(ctx: MarkupContext, spec: DemoReportSpec): string {
  const results = (rowspan?: number): Cell[] =>
    T4_RESULT_LABELS.map((l) => ({ html: labelHtml(ctx, l), header: true, ...(rowspan ? { rowspan } : {}), width: 28 }));
  const rows: Row[] = [
    [
      { html: labelHtml(ctx, '行政复议'), header: true, colspan: 5, width: 28 },
      { html: labelHtml(ctx, '行政诉讼'), header: true, colspan: 10, width: 28 },
    ],
    [
      ...results(2),
      { html: labelHtml(ctx, '未经复议直接起诉'), header: true, colspan: 5, width: 28 },
      { html: labelHtml(ctx, '复议后起诉'), header: true, colspan: 5, width: 28 },
    ],
    [...results(), ...results()],
    T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => ({ ...valueCell(ctx, spec.cells, `t4.${g}.${c}`), width: 28 }))),
  ];
  return renderTable(ctx, rows);
}
