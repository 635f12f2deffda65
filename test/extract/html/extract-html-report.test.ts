import { describe, expect, it } from 'vitest';
import { isNianbaoError } from '../../../common/errors.ts';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { templateKeys } from '../../../extract/template/keys.ts';
import { reportProblems } from '../../../extract/template/report-problems.ts';
import { EXTRACTOR_VERSION } from '../../../extract/version.ts';
import { t2Table2021, t3Table, t4Table } from '../template/fixtures.ts';

const URL_XXGK = 'http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=2023';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return isNianbaoError(error) ? error.code : 'not a NianbaoError';
  }
}

describe('extractHtmlReport: not a report', () => {
  it.each([
    ['a portal shell', '<html><body><div class="nav"><a href="/">首页</a></div><div>欢迎访问</div></body></html>'],
    ['an xxgk page with an empty body', '<html><body><div class="nbtitle"></div><div class="nbtime">发布时间:</div><div class="nbcontent"></div></body></html>'],
    ['an xxgk page saying 暂无', '<html><body><div class="nbcontent">暂无</div></body></html>'],
    ['a list of reports', '<ul><li><a href="/a">甲局2023年政府信息公开工作年度报告</a></li><li><a href="/b">乙局2023年政府信息公开工作年度报告</a></li></ul>'],
    ['an empty string', ''],
  ])('throws E_NOT_A_REPORT for %s', (_, html) => {
    expect(codeOf(() => extractHtmlReport(html, URL_XXGK))).toBe('E_NOT_A_REPORT');
  });

  it('names the URL in the error', () => {
    try {
      extractHtmlReport('<p>x</p>', URL_XXGK);
    } catch (error) {
      expect(isNianbaoError(error) && error.input).toBe(URL_XXGK);
      expect(String(error)).toContain(URL_XXGK);
    }
  });
});

describe('extractHtmlReport: a page titled as a report is a report, wherever its tables are', () => {
  const shell = (title: string, body: string): string =>
    `<html><head><title>${title}</title></head><body><div class="nb_title"><h1>${title}</h1></div><div class="nb_time">发布时间:2024-01-20 10:00:00</div><div class="nb_con" id="zoom">${body}</div></body></html>`;

  it('a 详见附件 note with its PDF: a report, every table missing, the attachment listed, E_NO_TABLES not_read_from_files', () => {
    const html = shell('济宁市兖州区卫生健康局2023年政务公开工作年度报告', '<p>详见附件。</p><p>附件：<a href="/module/download/downfile.jsp?classid=0&filename=abc.pdf">年报.pdf</a></p>');
    const report = extractHtmlReport(html, URL_XXGK);
    expect(report).toMatchObject({ title: '济宁市兖州区卫生健康局2023年政务公开工作年度报告', year: 2023, template: '2021', publishedAt: '2024-01-20' });
    expect(report.missingTables).toEqual(['t2', 't3', 't4']);
    expect(report.files.map((f) => f.kind)).toEqual(['attachment']);
    expect(reportProblems(report)).toMatchObject([{ code: 'E_NO_TABLES', reason: 'not_read_from_files', keys: templateKeys('2021') }]);
  });

  it('a title and nothing else: a report with no tables, E_NO_TABLES not_published', () => {
    const report = extractHtmlReport(shell('某某镇人民政府2019年政府信息公开年报', '<p>本年度无相关统计数据。</p>'), URL_XXGK);
    expect(report.template).toBe('2019');
    expect(Object.values(report.cells).every((v) => v === null)).toBe(true);
    expect(reportProblems(report)).toMatchObject([{ code: 'E_NO_TABLES', reason: 'not_published' }]);
  });

  it('a bare heading that names no body over nothing (a column title) is not a report; with a file it is', () => {
    const heading = '<html><body><h2>2024年政府信息公开工作年度报告</h2><ul><li>暂无信息</li></ul></body></html>';
    expect(codeOf(() => extractHtmlReport(heading, URL_XXGK))).toBe('E_NOT_A_REPORT');
    const withFile = shell('2024年政府信息公开工作年度报告', '<p>详见附件。</p><p><a href="/attach/0/report.pdf">年报.pdf</a></p>');
    expect(extractHtmlReport(withFile, URL_XXGK).files).toHaveLength(1);
  });

  it.each([
    ['a notice about reports', '关于报送2023年政府信息公开工作年度报告的通知'],
    ['an interpretation of a report', '某某局2023年政府信息公开工作年度报告解读'],
  ])('without tables or sections, %s is not a report', (_, title) => {
    expect(codeOf(() => extractHtmlReport(shell(title, '<p>各单位：请于1月31日前报送。</p>'), URL_XXGK))).toBe('E_NOT_A_REPORT');
  });
});

describe('extractHtmlReport: odd input', () => {
  it('extracts from malformed HTML (unclosed tags, stray </td>, a table inside <p>)', () => {
    const html = `<div class="title">某某镇人民政府2023年政府信息公开工作年度报告<div>
      <p>一、总体情况<p>正文</td>
      <p>二、主动公开政府信息情况<p>${t2Table2021()}</p>
      <p>三、收到和处理政府信息公开申请情况 ${t3Table({ form: '2021', values: { new: ['1', '0', '0', '0', '0', '0', '1'], carried_out: ['1', '0', '0', '0', '0', '0', '1'] } }).replace('</table>', '')}
      <p>四、政府信息公开行政复议、行政诉讼情况`;
    const report = extractHtmlReport(html, URL_XXGK);
    expect(report.title).toBe('某某镇人民政府2023年政府信息公开工作年度报告');
    expect(report.template).toBe('2021');
    expect(report.cells['t2.normative.issued']).toBe(12);
    expect(report.cells['t3.new.natural']).toBe(1);
    expect(report.missingTables).toEqual(['t4']);
    expect(report.checks.some((c) => c.id.startsWith('t4.'))).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
  });

  it('keeps a report whose tables are images: every key null, tables missing, no checks', () => {
    const html = `<h1>济宁市兖州区小孟镇人民政府2023年政府信息公开工作年度报告</h1><div id="zoom">
      <p>本报告…（国办公开办函〔2021〕30号）</p><p>一、总体情况</p><p>…</p>
      <p>二、主动公开政府信息情况</p><p><img src="/picture/0/a.png" alt="微信截图_20240117164128"></p>
      <p>三、收到和处理政府信息公开申请情况</p><p><img src="/picture/0/b.png"></p>
      <p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src="/picture/0/c.png"></p></div>`;
    const report = extractHtmlReport(html, 'http://www.yanzhou.gov.cn/art/2024/1/17/art_1_2.html');
    expect(report.template).toBe('2021');
    expect(Object.keys(report.cells)).toHaveLength(templateKeys('2021').length);
    expect(Object.values(report.cells).every((v) => v === null)).toBe(true);
    expect(report.missingTables).toEqual(['t2', 't3', 't4']);
    expect(report.checks).toEqual([]);
    expect(report.files.map((f) => f.kind)).toEqual(['image', 'image', 'image']);
    expect(report.extractorVersion).toBe(EXTRACTOR_VERSION);
  });

  it('classifies a pre-2019 prose report as older and maps nothing', () => {
    const html = `<div class="title">某某县人民政府2016年政府信息公开工作年度报告</div><div id="zoom"><p>一、概述</p><p>…</p>
      <p>二、主动公开政府信息情况</p><p>…</p><p>三、依申请公开政府信息情况</p><p>…</p></div>`;
    const report = extractHtmlReport(html, 'http://example.gov.cn/art/2017/3/1/art_1_1.html');
    expect(report.template).toBe('older');
    expect(report.cells).toEqual({});
    expect(report.missingTables).toEqual([]);
    expect(report.year).toBe(2016);
  });

  it('takes the year from the statistics period, then fbtime, when the title has none', () => {
    const body = `<div id="zoom"><p>一、总体情况</p><p>…</p>${t4Table(Array(15).fill('0'))}</div>`;
    expect(extractHtmlReport(`<p>本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>${body}`, URL_XXGK).year).toBe(2022);
    expect(extractHtmlReport(body, URL_XXGK).year).toBe(2023);
  });

  it('never crashes on junk', () => {
    for (const junk of ['<table><tr><td rowspan=99999 colspan=-3>', '<<<>>>', '<table></table>'.repeat(50), '\u0000\ufffd']) {
      expect(codeOf(() => extractHtmlReport(junk, 'not a url'))).toBe('E_NOT_A_REPORT');
    }
  });
});
