import { describe, expect, it } from 'vitest';
import { inferAgencyKind } from '../../../crawlers/hanweb/agency-kind.ts';
import { parseCatalogue } from '../../../crawlers/hanweb/catalogue.ts';
import { parseReportMenu } from '../../../crawlers/hanweb/report-menu.ts';
import { findReportLinks } from '../../../crawlers/hanweb/report-links.ts';

describe('parseCatalogue', () => {
  it('collects each vc_xxgkarea once, keeping odd keys verbatim', () => {
    const html = `<div class="bm_box"><ul>
      <li><a href="/col/col35774/index.html?vc_xxgkarea=12370826685935561L&number=">微山县 两城镇 人民政府</a></li>
      <li><a href="http://www.yanzhou.gov.cn/col/col35774/index.html?vc_xxgkarea=113708120043225000MZJ&amp;number=">济宁市兖州区民政局</a></li>
      <li><a href="/col/col35774/index.html?vc_xxgkarea=113708120043225000MZJ">民政局（重复）</a></li>
      <li><a href="/col/col35774/index.html?vc_xxgkarea=">空</a></li>
      <li><a href="/col/col1/index.html">网站地图</a></li></ul></div>`;
    expect(parseCatalogue(html, 'http://www.weishan.gov.cn/col/col35774/index.html')).toEqual([
      { key: '12370826685935561L', name: '微山县两城镇人民政府', kind: '乡镇街道' },
      { key: '113708120043225000MZJ', name: '济宁市兖州区民政局', kind: '部门' },
    ]);
  });
});

describe('inferAgencyKind', () => {
  it('tells towns, governments and departments apart', () => {
    expect(inferAgencyKind('济宁市兖州区小孟镇人民政府')).toBe('乡镇街道');
    expect(inferAgencyKind('兖州区鼓楼街道办事处')).toBe('乡镇街道');
    expect(inferAgencyKind('济宁市兖州区人民政府')).toBe('本级政府');
    expect(inferAgencyKind('济宁市兖州区人民政府办公室')).toBe('部门');
    expect(inferAgencyKind('济宁市兖州区信访局')).toBe('部门');
  });
});

describe('parseReportMenu', () => {
  it('finds per-year 年报 columns', () => {
    const html = `<ul><li><a href="/col/col70623/index.html">2019年政府信息公开年报</a></li>
      <li><a href="/col/col75243/index.html">2020年 政府信息公开年报</a></li>
      <li><a href="/col/col1/index.html">网站地图</a></li></ul>`;
    expect(parseReportMenu(html, 'http://www.wendeng.gov.cn/col/col70622/index.html')).toEqual([
      { columnId: 70623, url: 'http://www.wendeng.gov.cn/col/col70623/index.html', year: 2019 },
      { columnId: 75243, url: 'http://www.wendeng.gov.cn/col/col75243/index.html', year: 2020 },
    ]);
  });
});

describe('findReportLinks', () => {
  it('takes images and attachments from the report body only, and flip-book entries', () => {
    const html = `<div class="header"><img src="/images/logo.png"></div>
      <div id="zoom"><p><img src="/picture/0/a1.png" /></p><p><img src="data:image/png;base64,xx"></p>
      <a href="/module/download/downfile.jsp?classid=0&filename=abc.pdf">统计表.pdf</a>
      <a href="http://180.76.149.248:88/book/2021dzs/zonghexz/index.html">电子书</a>
      <a href="javascript:void(0)">打印</a></div>`;
    expect(findReportLinks(html, 'http://www.wendeng.gov.cn/art/2022/1/20/art_1_2.html')).toEqual({
      images: ['http://www.wendeng.gov.cn/picture/0/a1.png'],
      attachments: ['http://www.wendeng.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.pdf'],
      flipbooks: ['http://180.76.149.248:88/book/2021dzs/zonghexz/files/basic-html/page1.html'],
    });
  });
});
