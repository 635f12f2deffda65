import { describe, expect, it } from 'vitest';
import type { CrawlTask, FetchedPage } from '../../crawlers/adapter.ts';
import { parsePortals } from '../../crawlers/portal-config.ts';
import { adapterFor } from '../../crawlers/registry.ts';
import { trsHomePage } from '../../demo/portal/trs-pages.ts';

const BASE = 'http://www.tengzhou.gov.cn';
const page = (url: string, text: string): FetchedPage => ({ url, status: 200, contentType: 'text/html', text });

describe('family "auto"', () => {
  const portal = parsePortals([{ id: 'tz', baseUrl: BASE, reportMenuUrls: ['/zwgk/nbzl/'] }], 'test')[0]!;
  const auto = adapterFor(portal);

  it('seeds the home page only', () => {
    expect(auto.seeds(portal, [])).toEqual([{ url: `${BASE}/`, kind: 'home', portalId: 'tz', meta: {}, depth: 0 }]);
  });

  it('hands the home page to the detected family, adds what config names, and stamps the family on every task', () => {
    const home = auto.seeds(portal, [])[0]!;
    const found = auto.discover(home, page(`${BASE}/`, trsHomePage([])), portal);
    const urls = found.tasks.map((t) => t.url);
    expect(urls).toContain(`${BASE}/zwgk/xxgknb/`);
    expect(urls).toContain(`${BASE}/zwgk/nbzl/`);
    expect(urls).not.toContain(`${BASE}/`);
    expect(found.tasks.every((t) => t.meta.family === 'trs')).toBe(true);
  });

  it('hands the bodies known from config and earlier runs to the detected family (xxgk module probes)', () => {
    const jcms = parsePortals([{ id: 'yz', baseUrl: 'http://www.yanzhou.gov.cn', years: [2024] }], 'test')[0]!;
    const known = [{ key: '11370812MB1565722X', name: '济宁市兖州区审计局', kind: '部门' as const }];
    const home = adapterFor(jcms).seeds(jcms, known)[0]!;
    const html = '<script src="/script/hanweb.js"></script><a href="/col/col1/index.html">网站地图</a>';
    const found = adapterFor(jcms).discover(home, page('http://www.yanzhou.gov.cn/', html), jcms);
    expect(found.tasks.map((t) => t.url)).toContain('http://www.yanzhou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370812MB1565722X&fbtime=2024');
    expect(found.tasks.every((t) => t.meta.family === 'hanweb' && t.meta.knownAgencies === undefined)).toBe(true);
  });

  it('goes one page further from a disclosure landing page that shows no bodies and no 年报 links, not two', () => {
    const jcms = parsePortals([{ id: 'yz', family: 'hanweb', baseUrl: 'http://www.yanzhou.gov.cn' }], 'test')[0]!;
    const adapter = adapterFor(jcms);
    const landing = '<a href="/col/col35774/index.html">政府信息公开</a><a href="/col/col9/index.html">政务公开</a>';
    const first: CrawlTask = { url: 'http://www.yanzhou.gov.cn/col/col9/index.html', kind: 'catalogue', portalId: 'yz', meta: {}, depth: 1 };
    expect(adapter.discover(first, page(first.url, landing), jcms).tasks.map((t) => [t.kind, t.url])).toEqual([['catalogue', 'http://www.yanzhou.gov.cn/col/col35774/index.html']]);
    const second: CrawlTask = { ...first, url: 'http://www.yanzhou.gov.cn/col/col35774/index.html', depth: 2 };
    expect(adapter.discover(second, page(second.url, landing), jcms).tasks).toEqual([]);
  });

  it('reads later pages with the family their task carries, and finds nothing on a page without markers', () => {
    const channel: CrawlTask = { url: `${BASE}/zwgk/xxgknb/`, kind: 'column', portalId: 'tz', meta: { family: 'trs' }, depth: 1 };
    const found = auto.discover(channel, page(channel.url, '<a href="./2025nxxgknb/">2025年政府信息公开年报</a>'), portal);
    expect(found.tasks).toMatchObject([{ url: `${BASE}/zwgk/xxgknb/2025nxxgknb/`, kind: 'column', meta: { year: 2025, family: 'trs' } }]);
    const home = auto.seeds(portal, [])[0]!;
    expect(auto.discover(home, page(`${BASE}/`, '<p>网站维护中</p>'), portal).tasks).toEqual([]);
  });
});
