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
    expect(urls).toContain(`${BASE}/zwgk/xxgknb/index.html`);
    expect(urls).toContain(`${BASE}/zwgk/nbzl/index.html`);
    expect(urls).not.toContain(`${BASE}/`);
    expect(found.tasks.every((t) => t.meta.family === 'trs')).toBe(true);
  });

  it('reads later pages with the family their task carries, and finds nothing on a page without markers', () => {
    const channel: CrawlTask = { url: `${BASE}/zwgk/xxgknb/index.html`, kind: 'column', portalId: 'tz', meta: { family: 'trs' }, depth: 1 };
    const found = auto.discover(channel, page(channel.url, '<a href="./2025nxxgknb/">2025年政府信息公开年报</a>'), portal);
    expect(found.tasks).toMatchObject([{ url: `${BASE}/zwgk/xxgknb/2025nxxgknb/index.html`, kind: 'column', meta: { year: 2025, family: 'trs' } }]);
    const home = auto.seeds(portal, [])[0]!;
    expect(auto.discover(home, page(`${BASE}/`, '<p>网站维护中</p>'), portal).tasks).toEqual([]);
  });
});
