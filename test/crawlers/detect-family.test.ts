import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../crawlers/detect-family.ts';
import { trsHomePage } from '../../demo/portal/trs-pages.ts';
import { homePage } from '../../demo/portal/page-shells.ts';

const JCMS_HOME = homePage({ siteName: '中国·兖州', printedHost: 'www.yanzhou.gov.cn', sponsor: '兖州区政府办公室', webId: 1 }, [
  { href: '/col/col35774/index.html', text: '政府信息公开' },
]);

describe('detecting the CMS family from a home page', () => {
  it('recognises Hanweb jcms by its column paths and scripts', () => {
    expect(detectFamily(JCMS_HOME)).toMatchObject({ family: 'hanweb' });
    expect(detectFamily('<a href="/art/2024/1/15/art_61508_11757.html">兖州区2023年政府信息公开工作年度报告</a>')?.family).toBe('hanweb');
  });

  it('recognises TRS WCM by tYYYYMMDD document links, its editor class, paging script or analytics', () => {
    expect(detectFamily(trsHomePage([{ href: './xwzx/202601/t20260128_2238700.html', title: '新闻', date: '2026-01-28' }]))).toMatchObject({ family: 'trs' });
    expect(detectFamily('<div class="TRS_Editor"><p>正文</p></div>')?.family).toBe('trs');
    expect(detectFamily('<script>createPageHTML(3, 0, "index", "html");</script>')?.family).toBe('trs');
  });

  it('recognises gkmlpt and JPAAS before jcms, whose paths JPAAS shares', () => {
    expect(detectFamily('<a href="/gkmlpt/index">政府信息公开目录</a><a href="/col/col1/index.html">x</a>')?.family).toBe('gkmlpt');
    expect(detectFamily('<script>var queryData = {"pageId":"7788"};</script><a href="/col/col7788/index.html">年报</a>')?.family).toBe('jpaas');
    expect(detectFamily('<a href="/col/col1229358718/art/2024/art_5f3c2a1b9d8e4f70a6b5c4d3e2f1a0b9.html">x</a>')?.family).toBe('jpaas');
  });

  it('says null when no family shows (a plain page, a challenge, an empty body)', () => {
    expect(detectFamily('<html><head><title>欢迎</title></head><body><p>网站维护中</p></body></html>')).toBeNull();
    expect(detectFamily('')).toBeNull();
  });
});
