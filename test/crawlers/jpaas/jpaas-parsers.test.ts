import { describe, expect, it } from 'vitest';
import { jpaasAdapter } from '../../../crawlers/jpaas/jpaas-adapter.ts';
import { parseQueryData } from '../../../crawlers/jpaas/query-data.ts';
import { hasNextUnitPage, parseUnitAnswer } from '../../../crawlers/jpaas/unit-answer.ts';
import { parseArticleUrl, parseUnitUrl, unitUrl } from '../../../crawlers/jpaas/urls.ts';
import { parsePortals } from '../../../crawlers/portal-config.ts';

const portal = parsePortals([{ id: 'yt', family: 'jpaas', baseUrl: 'http://www.ytfs.gov.cn' }], 'test')[0]!;

describe('JPAAS queryData', () => {
  it('reads a JSON-style queryData with the page size in paramJson', () => {
    const html = `<script>var queryData = {"webId":"5d7c","tplSetId":"b3c2","pageType":"column","tagId":"当前栏目list","editType":"null","pageId":"3460","paramJson":"{\\"pageNo\\":1,\\"pageSize\\":3}"};</script>`;
    expect(parseQueryData(html, 3460)).toEqual({ webId: '5d7c', tplSetId: 'b3c2', pageType: 'column', tagId: '当前栏目list', editType: 'null', pageId: '3460', pageSize: 3 });
  });

  it('reads bare keys and quotes, and takes the column id when pageId is missing', () => {
    const html = `<script>queryData = {webId:'a1', tplSetId:'t9', pageType:'column', tagId:'信息列表'};</script>`;
    expect(parseQueryData(html, 42)).toMatchObject({ webId: 'a1', tplSetId: 't9', tagId: '信息列表', pageId: '42', pageSize: 15, editType: 'null' });
    expect(parseQueryData('<html>no script</html>', 42)).toBeNull();
  });
});

describe('JPAAS build/unit', () => {
  const query = { webId: 'w', tplSetId: 't', pageType: 'column', tagId: '当前栏目list', editType: 'null', pageId: '3460', pageSize: 3 };

  it('round-trips the unit URL with paramJson', () => {
    const url = unitUrl('http://www.ytfs.gov.cn', query, 2);
    expect(url).toContain('/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic&');
    expect(parseUnitUrl(url)).toEqual({ query, pageNo: 2 });
  });

  it('reads the list HTML and the printed total; pages on while the total says so', () => {
    const answer = parseUnitAnswer(JSON.stringify({ success: true, data: { html: '<ul><li><a href="/col/col3460/art/2025/art_0a1b2c3d4e5f60718293a4b5c6d7e8f9.html" title="X局2024年政府信息公开工作年度报告">…</a></li></ul><div>共7条</div>' } }), 'http://www.ytfs.gov.cn/api-gateway/x')!;
    expect(answer.links).toEqual([{ url: 'http://www.ytfs.gov.cn/col/col3460/art/2025/art_0a1b2c3d4e5f60718293a4b5c6d7e8f9.html', title: 'X局2024年政府信息公开工作年度报告' }]);
    expect(answer.total).toBe(7);
    expect(hasNextUnitPage(answer, 2, 3)).toBe(true);
    expect(hasNextUnitPage(answer, 3, 3)).toBe(false);
    expect(parseUnitAnswer('not json', 'http://x/')).toBeNull();
  });

  it('parses article URLs: column, publication year and hex id', () => {
    expect(parseArticleUrl('http://www.ytfs.gov.cn/col/col3460/art/2025/art_0a1b2c3d4e5f60718293a4b5c6d7e8f9.html')).toEqual({ columnId: 3460, year: 2025, articleId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' });
  });
});

describe('JPAAS discovery', () => {
  it('goes from the home page to the disclosure menu, and from the menu to the 年报 column only', () => {
    const home = { url: 'http://www.ytfs.gov.cn/', status: 200, contentType: 'text/html', text: '<a href="/col/col3402/index.html">福山要闻</a><a href="/col/col3451/index.html">政府信息公开</a><a href="http://other.gov.cn/col/col1/index.html">政府信息公开</a>' };
    const fromHome = jpaasAdapter.discover({ url: home.url, kind: 'home', portalId: 'yt', meta: {}, depth: 0 }, home, portal);
    expect(fromHome.tasks.map((t) => [t.kind, t.url])).toEqual([['menu', 'http://www.ytfs.gov.cn/col/col3451/index.html']]);
    const menu = { ...home, url: 'http://www.ytfs.gov.cn/col/col3451/index.html', text: '<a href="/col/col3452/index.html">政府信息公开指南</a><a href="/col/col3460/index.html">政府信息公开年报</a>' };
    const fromMenu = jpaasAdapter.discover({ url: menu.url, kind: 'menu', portalId: 'yt', meta: {}, depth: 1 }, menu, portal);
    expect(fromMenu.tasks.map((t) => [t.kind, t.url])).toEqual([['column', 'http://www.ytfs.gov.cn/col/col3460/index.html']]);
  });
});
