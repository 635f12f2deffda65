import { describe, expect, it } from 'vitest';
import { domLines } from '../../../extract/html/dom-lines.ts';
import { findPublishDate, findTitle, matchTitle, yearFromStatisticsPeriod, yearFromUrl } from '../../../extract/html/metadata.ts';
import { parse } from '../helpers.ts';

const lines = (html: string) => domLines(parse(html));

describe('title and agency', () => {
  it.each([
    ['济宁市兖州区信访局2023年政府信息公开工作年度报告', '济宁市兖州区信访局', 2023],
    ['枣庄市信访局 2019 年政府信息公开工作 年度报告', '枣庄市信访局', 2019],
    ['威海市文登区科技局2019年度信息公开报告', '威海市文登区科技局', 2019],
    ['威海市文登区发改局2020年度政府信息公开工作报告', '威海市文登区发改局', 2020],
    ['舒兰市人民政府2016年政务信息公开年度报告', '舒兰市人民政府', 2016],
    ['无锡市锡山区人民政府2024年政府信息公开年度报告本报告由…', '无锡市锡山区人民政府', 2024],
  ])('matches %s', (text, agency, year) => {
    expect(matchTitle(text)).toMatchObject({ agency, year });
  });

  it.each([
    ['济宁市兖州区卫生健康局2024年政务公开工作年度报告', '济宁市兖州区卫生健康局', 2024, true],
    ['兖州区小孟镇政府信息公开工作2023年度报告', '兖州区小孟镇', 2023, true],
    ['某某局2023年政府信息公开年报（全文）', '某某局', 2023, true],
    ['某某局2023年度政府信息公开工作年度报告。', '某某局', 2023, true],
    ['某某局2023年政府信息公开工作年度报告的解读', '某某局', 2023, false],
    ['某某局2023年政府信息公开工作年度报告_中国·兖州', '某某局', 2023, true],
    ['某某局2023年政府信息公开工作年度报告-政策解读', '某某局', 2023, false],
    ['关于报送2023年政府信息公开工作年度报告的通知', '报送', 2023, false],
    ['无锡市锡山区人民政府2024年政府信息公开年度报告本报告由…', '无锡市锡山区人民政府', 2024, false],
  ])('tells a report title (%s) from a line about reports', (text, agency, year, whole) => {
    expect(matchTitle(text)).toMatchObject({ agency, year, whole });
  });

  it('joins a title split over two lines, in either place', () => {
    const a = lines('<p><b>济宁市兖州区信访局2023年政府信息公开</b></p><p><b>工作年度报告</b></p>');
    expect(findTitle(a)).toEqual({ title: '济宁市兖州区信访局2023年政府信息公开工作年度报告', agency: '济宁市兖州区信访局', year: 2023, whole: true });
    const b = lines('<div>威海市文登区信访局<br>2022年政府信息公开工作年度报告</div>');
    expect(findTitle(b)?.agency).toBe('威海市文登区信访局');
  });

  it('ignores links (lists of other reports) and breadcrumbs, uses <title> last', () => {
    const l = lines('<ul><li><a href="/x">某某局2022年政府信息公开工作年度报告</a></li></ul><div>首页 > 某某局2021年政府信息公开工作年度报告</div><p>正文</p>');
    expect(findTitle(l)).toBeNull();
    expect(findTitle(l, ['某某局2023年政府信息公开工作年度报告'])?.year).toBe(2023);
  });
});

describe('publish date and year', () => {
  it('reads the xxgk page time (发布时间, with or without the clock)', () => {
    expect(findPublishDate(lines('<div>发布时间:2024-01-15 09:30:00</div>'))).toEqual({ iso: '2024-01-15', raw: '发布时间:2024-01-15 09:30:00' });
    expect(findPublishDate(lines('<div>发布时间：2025-1-8</div>'))?.iso).toBe('2025-01-08');
  });

  it('reads the jcms article block (发布日期 in its own cell) and prefers 发布时间', () => {
    const block = '<table><tr><td>成文日期</td><td>2020-01-20</td></tr><tr><td>发布日期</td><td>2020-01-22</td></tr></table>';
    expect(findPublishDate(lines(block))?.iso).toBe('2020-01-22');
    expect(findPublishDate(lines(`${block}<div>发布时间:2020-01-23 10:00:00</div>`))?.iso).toBe('2020-01-23');
  });

  it('finds the year in the statistics period and in fbtime', () => {
    expect(yearFromStatisticsPeriod('本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。')).toBe(2023);
    expect(yearFromStatisticsPeriod('报告中所列数据的统计期限为 2019 年 1 月 1 日至 12 月 31 日。')).toBe(2019);
    expect(yearFromUrl('http://www.lishui.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2017&area=113325000026455663')).toBe(2017);
    expect(yearFromUrl('not a url')).toBeNull();
  });
});
