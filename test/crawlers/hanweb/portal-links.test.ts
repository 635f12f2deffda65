import { describe, expect, it } from 'vitest';
import { parseModuleReportLinks, parsePortalLinks } from '../../../crawlers/hanweb/portal-links.ts';

const BASE = 'http://www.yanzhou.gov.cn';

describe('Hanweb home page and xxgk menu links', () => {
  it('sorts 年报 links into columns (with their year), report pages and menus, and finds the disclosure entry', () => {
    const html = `<a href="/col/col35774/index.html">政府信息公开</a><a href="/col/col35775/index.html">政府信息公开指南</a>
      <a href="/col/col61508/index.html">政府信息公开年报</a><a href="/col/col182996/index.html">2025年政府信息公开年报</a>
      <a href="/art/2024/1/15/art_61508_11757.html">兖州区2023年政府信息公开工作年度报告</a><a href="/nbzl.html">年报专栏</a>
      <a href="http://www.jining.gov.cn/col/col1/index.html">济宁市年报</a>`;
    const links = parsePortalLinks(html, `${BASE}/`);
    expect(links.reportLinks).toEqual([
      { url: `${BASE}/col/col61508/index.html`, kind: 'column', columnId: 61508, year: null },
      { url: `${BASE}/col/col182996/index.html`, kind: 'column', columnId: 182996, year: 2025 },
      { url: `${BASE}/art/2024/1/15/art_61508_11757.html`, kind: 'report', columnId: null, year: 2023 },
      { url: `${BASE}/nbzl.html`, kind: 'menu', columnId: null, year: null },
    ]);
    expect(links.disclosurePages).toEqual([`${BASE}/col/col35774/index.html`]);
  });

  it('reads the year tabs of an xxgk module report page', () => {
    const html = '<a href="?area=11370812004322760Y&fbtime=2022">2022</a><a href="/module/xxgk/xxgkAnnualReport.jsp?fbtime=2018&area=11370812004322760Y">2018</a>';
    const page = `${BASE}/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=2023`;
    expect(parseModuleReportLinks(html, page)).toEqual([
      { url: `${BASE}/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=2022`, area: '11370812004322760Y', year: 2022 },
      { url: `${BASE}/module/xxgk/xxgkAnnualReport.jsp?area=11370812004322760Y&fbtime=2018`, area: '11370812004322760Y', year: 2018 },
    ]);
  });
});
