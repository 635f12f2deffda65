import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { DEMO_REPORTS, demoReport } from '../../demo/reports/catalogue.ts';
import { renderReportBody } from '../../demo/reports/render-report-body.ts';
import type { DemoReportSpec } from '../../demo/reports/report-spec.ts';
import { cellText, findTables, readCells, t3DataRows } from './read-tables.ts';

const ASSETS = {
  imageUrls: ['/picture/0/a1.png', '/picture/0/a2.png', '/picture/0/a3.png'],
  attachmentUrl: '/module/download/downfile.jsp?classid=0&filename=0f1e2d3c4b5a69788796a5b4c3d2e1f0.pdf',
};
const body = (spec: DemoReportSpec): string => renderReportBody(spec, ASSETS);
const htmlReports = DEMO_REPORTS.filter((r) => r.tables === 'html');

describe('renderReportBody: HTML tables', () => {
  it.each(htmlReports.map((r) => [r.slug, r] as const))('%s: prints exactly the spec cells', (_slug, r) => {
    expect(readCells(body(r), r.template as '2021' | '2019')).toEqual(r.cells);
  });

  it.each(htmlReports.map((r) => [r.slug, r] as const))('%s: has the official rowspans and row count', (_slug, r) => {
    const $ = cheerio.load(body(r));
    const { t3, t4 } = findTables($);
    const subtotal = r.quirks.includes('subtotal-rows') ? 1 : 0;
    const rows = r.template === '2021' ? 25 : 23;
    expect(t3DataRows($, t3)).toHaveLength(rows + subtotal);
    const spans = (label: string): string | undefined =>
      t3.find('td,th').toArray().map((c) => $(c)).find((c) => cellText($, c).replace(/[()]/g, (p) => (p === '(' ? '（' : '）')) === label)?.attr('rowspan');
    expect(spans('三、本年度办理结果')).toBe(String((r.template === '2021' ? 22 : 20) + subtotal));
    expect(spans('（三）不予公开')).toBe(String(8 + subtotal));
    expect(spans('（四）无法提供')).toBe('3');
    expect(spans('（五）不予处理')).toBe('5');
    expect(spans('（六）其他处理')).toBe(r.template === '2021' ? '3' : undefined);
    expect(t3.find('[colspan="7"]').length).toBe(1);
    expect(t4.find('tr')).toHaveLength(4);
    expect(t4.find('tr').last().find('td')).toHaveLength(15);
    expect(t4.find('[colspan="10"]').length).toBe(1);
  });

  it('uses Word markup unless the report is a bare table', () => {
    const word = body(demoReport('yanzhou-xinfang-2023'));
    expect(word).toContain('<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0');
    expect(word).toContain("<p class=MsoNormal align=center style='text-align:center;line-height:14.0pt'><span style='font-size:10.5pt;font-family:宋体'>");
    expect(word).toMatch(/rowspan=22 /);
    const bare = body(demoReport('yanzhou-ziran-2021'));
    expect(bare).toContain('<table border="1"');
    expect(bare).not.toContain('MsoNormal');
    expect(bare).toMatch(/<th rowspan="3" colspan="3">（本列数据的勾稽关系/);
  });

  it('applies each quirk where the spec lists it', () => {
    expect(body(demoReport('yanzhou-xinfang-2023'))).toContain('本年<br>制发件数');
    expect(body(demoReport('wendeng-zhujian-2019'))).toContain('本年新<br>制作数量');
    expect(body(demoReport('yanzhou-jiaoti-2022'))).toContain('商业<br>企业');
    expect(body(demoReport('yanzhou-minzheng-2020'))).toContain('自 然 人');
    expect(body(demoReport('yanzhou-minzheng-2020'))).toContain('商 业 企 业');
    expect(body(demoReport('yanzhou-minzheng-2020'))).toContain('(一)予以公开');
    expect(body(demoReport('yanzhou-minzheng-2020'))).toMatch(/&nbsp;<span[^>]*>0<\/span>&nbsp;/);
    const caizheng = body(demoReport('yanzhou-caizheng-2019'));
    expect(caizheng).toContain('251000元');
    expect(caizheng).toContain('规章(设区的市、自治州人民政府应提供相关数据)');
    expect(caizheng).toContain('上一年项目数量(指2018年事项数)');
    expect(caizheng).toMatch(/>-[1-5]</);
    expect(body(demoReport('wendeng-caizheng-2025'))).toContain('0.35万元');
    const gov = body(demoReport('yanzhou-zhengfu-2023'));
    expect(gov).toMatch(/<span lang=EN-US[^>]*>8<\/span><span lang=EN-US[^>]*>6<\/span>/);
    expect(gov).toContain('小计');
    expect(body(demoReport('wendeng-fagai-2020'))).toMatch(/<\/span><span[^>]*>/);
  });

  it('malformed markup recovers to the same grid as clean markup', () => {
    const spec = demoReport('yanzhou-shijian-2022');
    const html = body(spec);
    expect(html).toMatch(/<\/td><\/td>/);
    expect(html).toMatch(/\n <tr style='mso-yfti-irow:3/);
    const clean = body({ ...spec, quirks: spec.quirks.filter((q) => q !== 'malformed') });
    const shape = (h: string): number[] => {
      const $ = cheerio.load(h);
      return $('table tr').toArray().map((r) => $(r).children('td,th').length);
    };
    expect(shape(html)).toEqual(shape(clean));
    expect(readCells(html, '2021')).toEqual(spec.cells);
  });
});

describe('renderReportBody: prose and other table forms', () => {
  it('cites the format document of the template', () => {
    expect(body(demoReport('yanzhou-xinfang-2023'))).toContain('国办公开办函〔');
    const text = (r: DemoReportSpec): string => cheerio.load(body(r)).text();
    expect(text(demoReport('yanzhou-xinfang-2023'))).toContain('国办公开办函〔2021〕30号');
    expect(text(demoReport('yanzhou-minzheng-2020'))).toContain('国办公开办函〔2019〕60号');
    expect(text(demoReport('yanzhou-xinfang-2023'))).toContain('主动公开政府信息35条');
    expect(text(demoReport('yanzhou-zhengfu-2023'))).toContain('共收到政府信息公开申请86件');
  });

  it('has the six sections in order', () => {
    for (const r of DEMO_REPORTS) {
      const text = cheerio.load(body(r)).text();
      const at = ['一、', '二、', '三、', '四、', '五、', '六、'].map((h) => text.indexOf(h));
      expect(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!)), r.slug).toBe(true);
    }
  });

  it('image reports show one <img> per table after the section headings', () => {
    const $ = cheerio.load(body(demoReport('yanzhou-xiaomeng-2023')));
    expect($('table')).toHaveLength(0);
    expect($('img').toArray().map((i) => $(i).attr('src'))).toEqual(ASSETS.imageUrls);
    expect(() => renderReportBody(demoReport('yanzhou-xiaomeng-2023'), { imageUrls: [] })).toThrow(/Expected an image URL/);
  });

  it('pdf-attachment reports say 详见附件 and link the PDF', () => {
    const $ = cheerio.load(body(demoReport('yanzhou-weijian-2024')));
    expect($('table')).toHaveLength(0);
    expect($.text()).toContain('详见附件');
    const link = $('a');
    expect(link.attr('href')).toBe(ASSETS.attachmentUrl);
    expect(link.text()).toBe('济宁市兖州区卫生健康局2024年年报统计表.pdf');
  });

  it('the older report is prose only', () => {
    const $ = cheerio.load(body(demoReport('yanzhou-renshe-2018')));
    expect($('table, img, a')).toHaveLength(0);
    expect($.text()).toContain('一、概述');
    expect($.text()).not.toContain('国办公开办函');
  });
});
