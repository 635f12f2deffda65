/**
 * Tables ruled only horizontally: rows from the rules, cells from the gaps between runs, value columns from the
 * numbers' centres; a table needs the labels of a report table, and a ruled table is left to the lattice.
 */
import { describe, expect, it } from 'vitest';
import { openGridTables } from '../../../../extract/documents/pdf/open-grid.ts';
import type { PageContent, Rule, TextRun } from '../../../../extract/documents/pdf/page-content.ts';

const h = (at: number): Rule => ({ horizontal: true, at, a: 50, b: 550 });
/** A run of 9-pt text centred at x on the row whose band is [top, top + 20]. */
const run = (text: string, x: number, top: number): TextRun => {
  const width = [...text].length * 9 * (/^[\d/—-]+$/.test(text) ? 0.5 : 1);
  return { text, x0: x - width / 2, x1: x + width / 2, baseline: top + 14, size: 9 };
};
const page = (runs: TextRun[], rules: Rule[]): PageContent => ({ number: 1, width: 600, height: 800, runs, rules, images: [] });

const T4_COLS = Array.from({ length: 15 }, (_, i) => 50 + 500 * ((i + 0.5) / 15));

function table4(): PageContent {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const runs = [
    run('行政复议', 133, 100), run('行政诉讼', 383, 100),
    run('未经复议直接起诉', 300, 120), run('复议后起诉', 466, 120),
    ...[...heads, ...heads, ...heads].map((t, i) => run(t, T4_COLS[i]!, 140)),
    ...['5', '0', '1', '1', '7', '0', '0', '0', '1', '1', '1', '—', '0', '0', '1'].map((v, i) => run(v, T4_COLS[i]!, 160)),
  ];
  return page(runs, [h(100), h(120), h(140), h(160), h(180)]);
}

describe('openGridTables', () => {
  it('reads a table 4 ruled only horizontally: its value row as 15 cells in printed order', () => {
    const [table] = openGridTables(table4());
    expect(table?.html).toMatch(/<td colspan="15">行政复议 行政诉讼<\/td>/);
    const values = /<tr>((?:<td>[^<]*<\/td>){15})<\/tr><\/table>$/.exec(table?.html ?? '')?.[1];
    expect(values?.match(/<td>([^<]*)<\/td>/g)?.map((td) => td.slice(4, -5))).toEqual(['5', '0', '1', '1', '7', '0', '0', '0', '1', '1', '1', '—', '0', '0', '1']);
  });

  it('leaves a table with vertical rules to the lattice', () => {
    const ruled = table4();
    const verticals = [50, 300, 550].map((x): Rule => ({ horizontal: false, at: x, a: 100, b: 180 }));
    expect(openGridTables({ ...ruled, rules: [...ruled.rules, ...verticals] })).toEqual([]);
  });

  it('takes no table from numbers between lines that are not a report table', () => {
    const runs = [run('第一季度', 100, 100), run('12', 300, 100), run('第二季度', 100, 120), run('15', 300, 120)];
    expect(openGridTables(page(runs, [h(100), h(120), h(140)]))).toEqual([]);
  });

  it('splits a stack at a heading of the report\'s parts', () => {
    const t4 = table4();
    const heading = run('四、政府信息公开行政复议、行政诉讼情况', 200, 80);
    const tables = openGridTables({ ...t4, runs: [heading, ...t4.runs], rules: [h(80), ...t4.rules] });
    expect(tables).toHaveLength(1);
    expect(tables[0]?.runs).not.toContain(heading);
  });
});
