import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../../jobs/crawl/portal-findings.ts';

describe("a portal's name from its home page", () => {
  it('takes the first part of the <title>, without the site suffix', () => {
    expect(pageTitle('<title>中国·兖州</title>')).toBe('中国·兖州');
    expect(pageTitle('<title>\n  滕州市人民政府 - 首页 </title>')).toBe('滕州市人民政府');
    expect(pageTitle('<title>济宁市人民政府|首页</title>')).toBe('济宁市人民政府');
  });

  it('says null when the page has no title to use', () => {
    expect(pageTitle('<html><body>无标题</body></html>')).toBeNull();
    expect(pageTitle('<title>  </title>')).toBeNull();
  });
});
