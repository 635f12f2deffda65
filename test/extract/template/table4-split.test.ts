/**
 * Table 4 cut by a page break between its header rows and its one row of numbers (two tables, a page-number line
 * between them), as real PDFs print it when the table starts at the foot of a page.
 */
import { describe, expect, it } from 'vitest';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { reportProblems } from '../../../extract/template/report-problems.ts';
import { tables } from '../helpers.ts';

const HEADS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const HEADER = `<table>
<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>
<tr>${HEADS.map((h) => `<td rowspan=2>${h}</td>`).join('')}<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
<tr>${[...HEADS, ...HEADS].map((h) => `<td>${h}</td>`).join('')}</tr></table>`;
const row = (values: readonly string[]): string => `<table><tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
const PRINTED = ['5', '0', '1', '1', '7', '0', '0', '0', '1', '1', '1', '—', '0', '0', '1'];

function page(afterHeader: string): string {
  return `<html><body><h1>某某局2023年政府信息公开工作年度报告</h1><p>四、政府信息公开行政复议、行政诉讼情况</p>${HEADER}<p>- 3 -</p>${afterHeader}<p>五、存在的主要问题及改进情况</p></body></html>`;
}

describe('table 4 with its value row on the next page', () => {
  it('reads the lone value row in the header\'s column order, exactly as printed', () => {
    const report = extractHtmlReport(page(row(PRINTED)), 'https://example.gov.cn/a.html');
    expect(report.missingTables).not.toContain('t4');
    expect(report.cells['t4.review.upheld']).toBe(5);
    expect(report.cells['t4.review.total']).toBe(7);
    expect(report.cells['t4.suit_direct.total']).toBe(1);
    expect(report.cells['t4.suit_after_review.upheld']).toBe(1);
    expect(report.cells['t4.suit_after_review.corrected']).toBeNull();
    expect(report.cells['t4.suit_after_review.total']).toBe(1);
    expect(report.checks.find((c) => c.id === 't4.sum.review')?.ok).toBe(true);
    expect(report.cellDetails.find((c) => c.key === 't4.review.upheld')?.location).toBe('table[1]/row[0]/col[0]');
  });

  it('takes a lone number row for table 4 only right after a table 4 without values', () => {
    const kinds = (html: string) => tables(html).map((t) => t.kind);
    expect(kinds(`${HEADER}${row(PRINTED)}`)).toEqual(['t4', 't4']);
    expect(kinds(row(PRINTED))).toEqual([null]);
    expect(kinds(`${HEADER.replace('</table>', `<tr>${PRINTED.map((v) => `<td>${v}</td>`).join('')}</tr></table>`)}${row(PRINTED)}`)).toEqual(['t4', null]);
    expect(kinds(`${HEADER}${row(['合计', ...PRINTED.slice(1)])}`)).toEqual(['t4', null]);
  });

  it('a value row that is not 15 values is not read, and the row is named as not found', () => {
    const report = extractHtmlReport(page(row(PRINTED.slice(0, 10))), 'https://example.gov.cn/a.html');
    expect(report.cells['t4.review.upheld']).toBeNull();
    expect(reportProblems(report).map((p) => [p.code, p.row])).toContainEqual(['E_ROW_NOT_FOUND', 't4.review']);
  });

  it('reads table 4 cut inside its header rows (结果 | 维持 on two pages), values in printed order', () => {
    const top = `<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>${['结果', '结果', '其他', '尚未', '总'].map((h) => `<td rowspan=2>${h}</td>`).join('')}<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr></table>`;
    const rest = `<table><tr>${['维持', '纠正', '结果', '审结', '计', ...HEADS, ...HEADS].map((h) => `<td>${h}</td>`).join('')}</tr><tr>${PRINTED.map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
    expect(tables(`${top}${rest}`).map((t) => t.kind)).toEqual(['t4', 't4']);
    const report = extractHtmlReport(page(rest).replace(HEADER, top), 'https://example.gov.cn/a.html');
    expect(report.cells['t4.review.total']).toBe(7);
    expect(report.cells['t4.suit_after_review.corrected']).toBeNull();
    expect(report.cells['t4.suit_after_review.total']).toBe(1);
  });
});

