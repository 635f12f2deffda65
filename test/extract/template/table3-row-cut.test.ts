/**
 * A table-3 row cut by a page break (LibreOffice breaks Word rows across pages): 4.保护 with its numbers at the foot of
 * one page, 第三方合法权益的 alone under the repeated header at the top of the next. Found by the held-out document
 * look lo-noise-reworded-21 (7 cells lost, E_ROW_NOT_FOUND).
 */
import { describe, expect, it } from 'vitest';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';

const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'] as const;
const HEADER = `<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
const cells = (values: readonly (number | string)[]): string => values.map((v) => `<td>${v}</td>`).join('');

function report(withCutLabel: boolean): string {
  const first = `<table>${HEADER}
<tr><td colspan="3">1.本年新收政府信息公开申请数量</td>${cells([9, 1, 0, 0, 0, 0, 10])}</tr>
<tr><td colspan="3">2.上年结转政府信息公开申请数量</td>${cells([0, 0, 0, 0, 0, 0, 0])}</tr>
<tr><td rowspan="4">本年度办理结果</td><td colspan="2">（一）予以公开的</td>${cells([2, 0, 0, 0, 0, 0, 2])}</tr>
<tr><td rowspan="3">（三）不予公开的</td><td>1.属于国家秘密</td>${cells([1, 0, 0, 0, 0, 0, 1])}</tr>
<tr><td>2.其他法律行政法规禁止公开</td>${cells([0, 0, 0, 0, 0, 0, 0])}</tr>
<tr><td>4.保护</td>${cells([3, 0, 2, 1, 1, 1, 8])}</tr></table>`;
  const spans = (rows: number): string => `<td rowspan="${rows}"></td><td rowspan="${rows}"></td>`;
  const cut = `<tr>${spans(3)}<td>第三方合法权益的</td>${cells(['', '', '', '', '', '', ''])}</tr>`;
  const second = `<table>${HEADER}
${withCutLabel ? cut : ''}
<tr>${withCutLabel ? '' : spans(2)}<td>5.属于三类内部事务信息</td>${cells([2, 1, 0, 1, 1, 0, 5])}</tr>
<tr><td>6.属于四类过程性信息</td>${cells([4, 1, 0, 0, 2, 0, 7])}</tr></table>`;
  return `<html><body><h1>某某市商务局2023年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>${first}<p>- 3 -</p>${second}</body></html>`;
}

const thirdParty = (cellsOf: Record<string, number | null>): (number | null)[] => COLUMNS.map((c) => cellsOf[`t3.withheld.third_party.${c}`] ?? null);

describe('a table-3 row cut by a page break', () => {
  it('joins the label left alone on the next page to the row that has its numbers', () => {
    const read = extractHtmlReport(report(true), 'https://example.gov.cn/a.html');
    expect(thirdParty(read.cells)).toEqual([3, 0, 2, 1, 1, 1, 8]);
    expect(read.cells['t3.withheld.internal.total']).toBe(5);
    expect(read.warnings.some((w) => w.includes('read as one row cut by a page break'))).toBe(true);
  });

  it('a label-only row under a repeated header after a complete row stays part of the header', () => {
    const read = extractHtmlReport(report(true).replace('<td>4.保护</td>', '<td>4.保护第三方合法权益的</td>').replace('<td>第三方合法权益的</td>', '<td>说明</td>'), 'https://example.gov.cn/a.html');
    expect(thirdParty(read.cells)).toEqual([3, 0, 2, 1, 1, 1, 8]);
    expect(read.cells['t3.withheld.internal.total']).toBe(5);
    expect(read.warnings.some((w) => w.includes('read as one row cut by a page break'))).toBe(false);
  });
});
