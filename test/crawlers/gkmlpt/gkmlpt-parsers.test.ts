import { describe, expect, it } from 'vitest';
import { parseCatalogueShell, reportClassifies } from '../../../crawlers/gkmlpt/catalogue-shell.ts';
import { parseGkmlptHeader } from '../../../crawlers/gkmlpt/content-page.ts';
import { gkmlptAdapter } from '../../../crawlers/gkmlpt/gkmlpt-adapter.ts';
import { hasNextPage, parseListPage } from '../../../crawlers/gkmlpt/list-api.ts';
import { contentUrl, listApiUrl, parseListApiUrl, parsePostUrl } from '../../../crawlers/gkmlpt/urls.ts';
import { parsePortals } from '../../../crawlers/portal-config.ts';

const portal = parsePortals([{ id: 'gd', family: 'gkmlpt', baseUrl: 'http://www.gd.gov.cn' }], 'test')[0]!;

describe('gkmlpt URL shapes', () => {
  it('builds content URLs as the platform does (post 4688997 → /content/4/4688/)', () => {
    expect(contentUrl('http://www.gd.gov.cn', 4688997)).toBe('http://www.gd.gov.cn/gkmlpt/content/4/4688/post_4688997.html');
    expect(parsePostUrl('http://www.gd.gov.cn/gkmlpt/content/4/4688/post_4688997.html')).toBe(4688997);
    expect(parsePostUrl('http://www.lw.gov.cn/zwgkk/bmxxgkndbg/content/post_9432878.html')).toBe(9432878);
    expect(parsePostUrl('http://www.gd.gov.cn/gkmlpt/index')).toBeNull();
  });

  it('round-trips list API URLs', () => {
    const url = listApiUrl('http://www.gd.gov.cn', 2671, '2', 3);
    expect(url).toBe('http://www.gd.gov.cn/gkmlpt/api/all/2671?page=3&sid=2');
    expect(parseListApiUrl(url)).toEqual({ classifyId: 2671, page: 3, siteId: '2' });
  });
});

describe('gkmlpt catalogue shell', () => {
  const shell = `<ul><li><a href="#2645">政策文件</a></li><li><a href="#2671">政府信息公开年报</a></li></ul>
<script>window._CONFIG = {SID: '755', API: '/gkmlpt/api'};</script>
<script>window.CLASSIFY = [{"id":2671,"name":"政府信息公开年报","parent":0},{"id":2673,"name":"2023年度报告","parent":2671},{"id":2645,"name":"政策文件","parent":0},{"id":2700,"name":"部门年报","parent":2645}];</script>`;

  it('reads the site id and keeps the topmost annual-report classifications', () => {
    const parsed = parseCatalogueShell(shell)!;
    expect(parsed.siteId).toBe('755');
    expect(reportClassifies(parsed).map((c) => c.id)).toEqual([2671, 2700]);
  });

  it('returns null for a page without the platform config', () => {
    expect(parseCatalogueShell('<html><body>政府信息公开</body></html>')).toBeNull();
  });

  it('lists the classification through the API, from page 1', () => {
    const page = { url: 'http://www.gd.gov.cn/gkmlpt/index', status: 200, contentType: 'text/html', text: shell };
    const found = gkmlptAdapter.discover({ url: page.url, kind: 'menu', portalId: 'gd', meta: {}, depth: 1 }, page, portal);
    expect(found.tasks.map((t) => [t.kind, t.url])).toEqual([
      ['listing', 'http://www.gd.gov.cn/gkmlpt/api/all/2671?page=1&sid=755'],
      ['listing', 'http://www.gd.gov.cn/gkmlpt/api/all/2700?page=1&sid=755'],
    ]);
  });
});

describe('gkmlpt list API', () => {
  const answer = JSON.stringify({
    total: 5,
    page: 1,
    per_page: 3,
    articles: [
      { id: 9469010, title: '广州市人民政府办公厅2023年政府信息公开工作年度报告', url: 'https://www.gz.gov.cn/zfjgzy/gzsrmzfbgt/zfxxgknb/bm/2023n/content/post_9469010.html' },
      { id: 4688997, title: '广东省人民政府2024年政府信息公开工作年度报告', url: '' },
      { id: 4688000, title: '关于印发某某工作方案的通知' },
    ],
  });

  it('reads posts (a missing URL rebuilt from the id) and knows a next page exists', () => {
    const list = parseListPage(answer, 'http://www.gd.gov.cn/gkmlpt/api/all/2671?page=1&sid=2')!;
    expect(list.posts.map((p) => p.url)).toEqual([
      'https://www.gz.gov.cn/zfjgzy/gzsrmzfbgt/zfxxgknb/bm/2023n/content/post_9469010.html',
      'http://www.gd.gov.cn/gkmlpt/content/4/4688/post_4688997.html',
      'http://www.gd.gov.cn/gkmlpt/content/4/4688/post_4688000.html',
    ]);
    expect(hasNextPage(list)).toBe(true);
    expect(hasNextPage({ ...list, page: 2 })).toBe(false);
  });

  it('follows only posts titled as annual reports, and the next page', () => {
    const url = 'http://www.gd.gov.cn/gkmlpt/api/all/2671?page=1&sid=2';
    const found = gkmlptAdapter.discover({ url, kind: 'listing', portalId: 'gd', meta: {}, depth: 2 }, { url, status: 200, contentType: 'application/json', text: answer }, portal);
    expect(found.tasks.filter((t) => t.kind === 'report')).toHaveLength(2);
    expect(found.tasks.filter((t) => t.kind === 'listing').map((t) => t.url)).toEqual(['http://www.gd.gov.cn/gkmlpt/api/all/2671?page=2&sid=2']);
  });

  it('is not fooled by a challenge page or an error shell', () => {
    expect(parseListPage('<html><script>$_ts=window["$_ts"]</script></html>', 'http://x/gkmlpt/api/all/1')).toBeNull();
    expect(parseListPage('{"code":400}', 'http://x/gkmlpt/api/all/1')).toBeNull();
  });
});

describe('gkmlpt document header', () => {
  it('reads 索引号, 发布机构, 成文日期 and 发布日期 from label/value cells', () => {
    const html = `<div class="introduce"><table class="classify"><tr><td>索引号：</td><td>006939748/2025-00084</td><td>分类：</td><td>年报</td></tr>
<tr><td>发布机构：</td><td>广东省人民政府办公厅</td><td>成文日期：</td><td>2025-03-28</td></tr>
<tr><td>文号：</td><td></td><td>发布日期：</td><td>2025-03-31</td></tr></table></div>`;
    expect(parseGkmlptHeader(html)).toEqual({ indexNumber: '006939748/2025-00084', publisher: '广东省人民政府办公厅', writtenDate: '2025-03-28', publishDate: '2025-03-31' });
  });
});
