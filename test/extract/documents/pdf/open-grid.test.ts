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

  it('places table 2 values under the header cell above them, a blank row staying blank', () => {
    // 规章 | 0 | 0 | 2 under three headers; 行政事业性收费 | 3 | -1 under two (the second spanning two columns).
    const runs = [
      run('信息内容', 100, 100), run('本年新制作数量', 250, 100), run('本年新公开数量', 375, 100), run('对外公开总数量', 500, 100),
      run('规章', 100, 120), run('0', 250, 120), run('0', 375, 120), run('2', 500, 120),
      run('行政处罚', 100, 140),
      run('信息内容', 100, 160), run('上一年项目数量', 250, 160), run('本年增/减', 437, 160),
      run('行政事业性收费', 100, 180), run('3', 250, 180), run('-1', 437, 180),
    ];
    const [table] = openGridTables(page(runs, [100, 120, 140, 160, 180, 200].map(h)));
    expect(table?.html).toContain('<tr><td>规章</td><td>0</td><td>0</td><td>2</td></tr>');
    expect(table?.html).toContain('<tr><td>行政处罚</td><td></td><td></td><td>');
    expect(table?.html).toContain('<tr><td>行政事业性收费</td><td>3</td><td colspan="2">-1</td></tr>');
  });

  it('takes in the first row of a page that continues a table without a rule above it', () => {
    // The value row of table4() (y 160–180) with its top rule drawn on the previous page: only the rule under it and one more.
    const values = table4().runs.filter((r) => r.baseline > 160);
    const [table] = openGridTables(page(values, [h(180), h(200)]));
    expect(table?.html).toContain('<td>5</td><td>0</td><td>1</td>');
    expect(openGridTables(page(values.slice(0, 4), [h(180), h(200)]))).toEqual([]);
  });
});

