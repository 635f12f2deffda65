/**
 * Table 3 broken by a page break near its end, the rest naming nothing table 3's classification knows (3.其他,
 * （七）总计, 四、结转下年度…), as LibreOffice prints a Word table whose rows may break across pages: the rest is
 * read as table 3 when it follows table 3 and its rows end in seven values.
 */
import { describe, expect, it } from 'vitest';
import { look } from '../../../demo/document-fixtures/real-world/looks.ts';
import { table3SplitHtml } from '../../../demo/document-fixtures/real-world/tables-html.ts';
import { T3_A_25 } from '../../../demo/document-fixtures/real-world/values.ts';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { T3_COLUMNS } from '../../../extract/template/keys.ts';
import { tables } from '../helpers.ts';

const base = look('pdf-break-footer');
const cut = { ...base, t3: { ...base.t3, split: { after: 'other.no_fee', repeatHeader: false, footer: '第 3 页' } } };

function page(tail: string): string {
  const [head] = table3SplitHtml(cut);
  return `<html><body><h1>某某县人民政府办公室2023年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>${head}<p>第 3 页</p>${tail}<p>五、存在的主要问题及改进情况</p></body></html>`;
}

describe('table 3 continued after a page break near its end', () => {
  it('reads 3.其他, （七）总计 and 四、结转下年度继续办理 from the table after the break, as printed', () => {
    const [, tail] = table3SplitHtml(cut);
    expect(tables(tail).map((t) => t.kind)).toEqual([null]);
    const report = extractHtmlReport(page(tail), 'https://example.gov.cn/a.html');
    for (const row of ['other.other', 'total', 'carried_out']) {
      T3_COLUMNS.forEach((col, i) => expect(report.cells[`t3.${row}.${col}`], `${row}.${col}`).toBe(T3_A_25[row]![i]));
    }
    expect(report.checks.filter((c) => c.id.startsWith('t3.') && !c.ok)).toEqual([]);
  });

  it('does not take a table of fifteen values, or one not right after table 3, for its rest', () => {
    const [head, tail] = table3SplitHtml(cut);
    const fifteen = `<table><tr>${Array.from({ length: 15 }, (_, i) => `<td>${i}</td>`).join('')}</tr></table>`;
    expect(tables(`${head}${fifteen}`).map((t) => t.kind)).toEqual(['t3', null]);
    expect(tables(`${head}<table><tr><td>x</td></tr></table>${tail}`).map((t) => t.kind)).toEqual(['t3', null, null]);
  });
});
