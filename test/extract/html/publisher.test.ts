import { describe, expect, it } from 'vitest';
import { extractHtmlReport } from '../../../extract/html/extract-html-report.ts';
import { matchTitle } from '../../../extract/html/metadata.ts';

describe('the agency of a report whose title does not name it', () => {
  it('reads no agency from a bare title', () => {
    expect(matchTitle('2022年政府信息公开工作年度报告')).toMatchObject({ agency: null, year: 2022, whole: true });
  });

  it('takes the 发布机构 and 发布日期 of the page header (gkmlpt document)', () => {
    const html = `<html><body><div class="introduce"><table class="classify">
<tr><td>索引号：</td><td>007502314/2023-00022</td><td>分类：</td><td>政府信息公开年报</td></tr>
<tr><td>发布机构：</td><td>广州市荔湾区沙面街道办事处</td><td>成文日期：</td><td>2023-01-29</td></tr>
<tr><td>名称：</td><td colspan="3">2022年政府信息公开工作年度报告</td></tr>
<tr><td>文号：</td><td></td><td>发布日期：</td><td>2023-01-30</td></tr></table></div>
<div class="article-content"><p>2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本街道依法公开政府信息。</p>
<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;
    const report = extractHtmlReport(html, 'http://www.lw.gov.cn/gkmlpt/content/7/7493/post_7493857.html');
    expect(report).toMatchObject({ agency: '广州市荔湾区沙面街道办事处', year: 2022, publishedAt: '2023-01-30' });
  });

  it('keeps the agency the title names over the header', () => {
    const html = `<html><body><table><tr><td>发布机构</td><td>济宁市兖州区人民政府办公室</td></tr></table>
<div id="zoom"><p>济宁市兖州区人民政府2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></body></html>`;
    expect(extractHtmlReport(html, 'http://www.yanzhou.gov.cn/art/2024/3/29/art_61508_11757.html').agency).toBe('济宁市兖州区人民政府');
  });
});
