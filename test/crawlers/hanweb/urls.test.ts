import { describe, expect, it } from 'vitest';
import {
  annualReportUrl,
  flipbookFirstPage,
  flipbookPageUrl,
  parseAnnualReportUrl,
  parseArticleUrl,
  parseFlipbookUrl,
} from '../../../crawlers/hanweb/urls.ts';

describe('Hanweb URL shapes', () => {
  it('reads area and fbtime in either order (lishui puts fbtime first)', () => {
    expect(parseAnnualReportUrl('http://www.lishui.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2017&area=113325000026455663')).toEqual({ area: '113325000026455663', year: 2017 });
    expect(parseAnnualReportUrl(annualReportUrl('http://www.yanzhou.gov.cn', '113708120043225000MZJ', 2020))).toEqual({ area: '113708120043225000MZJ', year: 2020 });
    expect(parseAnnualReportUrl('http://www.yanzhou.gov.cn/art/2024/1/15/art_61508_11757.html')).toBeNull();
  });

  it('parses article paths without trusting their date as the publish date', () => {
    expect(parseArticleUrl('http://www.jnhn.gov.cn/art/2020/1/26/art_61590_11559.html')).toEqual({ columnId: 61590, articleId: 11559, pathDate: '2020-01-26' });
  });

  it('walks flip-book pages and normalises an entry link to page 1', () => {
    const page3 = 'http://180.76.149.248:88/book/2021dzs/zonghexz/files/basic-html/page3.html';
    expect(parseFlipbookUrl(page3)).toEqual({ year: 2021, book: 'zonghexz', page: 3 });
    expect(flipbookPageUrl(page3, 4)).toBe('http://180.76.149.248:88/book/2021dzs/zonghexz/files/basic-html/page4.html');
    expect(flipbookFirstPage('http://180.76.149.248:88/book/2022dzs/shangwu/index.html')).toBe('http://180.76.149.248:88/book/2022dzs/shangwu/files/basic-html/page1.html');
    expect(flipbookFirstPage('http://www.wendeng.gov.cn/art/2021/1/27/art_75243_2524471.html')).toBeNull();
  });
});
