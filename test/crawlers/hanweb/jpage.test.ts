import { describe, expect, it } from 'vitest';
import { dataproxyUrl, nextBatchUrl, parseDataproxy, parseJpageParams } from '../../../crawlers/hanweb/jpage.ts';

const COLUMN_PAGE = `<div id="31591"><script type="text/xml"><datastore></datastore></script></div>
<script type="text/javascript">
  var param_31591 = {col:1,appid:1,webid:1,path:'/',columnid:61508,sourceContentType:1,unitid:'31591',webname:'中国·兖州',permissiontype:0};
</script>`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<datastore><nextgroup><![CDATA[]]></nextgroup><recordset>
<record><![CDATA[<li><a title="济宁市兖州区人民政府2023年政府信息公开工作年度报告" href="/art/2024/1/15/art_61508_11757.html" target="_blank">济宁市兖州区人民政府2023年…</a><span>2024-01-15</span></li>]]></record>
<record><![CDATA[<li><a href="http://www.yanzhou.gov.cn/art/2023/1/20/art_61508_10001.html" title="2022年年报">2022年年报</a><span>2023-01-20</span></li>]]></record>
</recordset><totalrecord>50</totalrecord></datastore>`;

describe('parseJpageParams', () => {
  it('reads the column parameters from the inline script', () => {
    const params = parseJpageParams(COLUMN_PAGE);
    expect(params).toMatchObject({ columnId: 61508, unitId: '31591', webId: '1', webName: '中国·兖州', path: '/' });
  });

  it('returns null for a page without jpage', () => {
    expect(parseJpageParams('<html><body>no list</body></html>')).toBeNull();
  });
});

describe('dataproxy paging', () => {
  it('builds the dataproxy URL with the record range and the column fields', () => {
    const url = new URL(dataproxyUrl('http://www.yanzhou.gov.cn', parseJpageParams(COLUMN_PAGE)!, 1));
    expect(url.pathname).toBe('/module/web/jpage/dataproxy.jsp');
    expect(url.searchParams.get('startrecord')).toBe('1');
    expect(url.searchParams.get('endrecord')).toBe('45');
    expect(url.searchParams.get('columnid')).toBe('61508');
    expect(url.searchParams.get('unitid')).toBe('31591');
  });

  it('parses records whatever the attribute order, with absolute URLs and dates', () => {
    const page = parseDataproxy(XML, 'http://www.yanzhou.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45');
    expect(page.total).toBe(50);
    expect(page.articles).toEqual([
      { url: 'http://www.yanzhou.gov.cn/art/2024/1/15/art_61508_11757.html', title: '济宁市兖州区人民政府2023年政府信息公开工作年度报告', date: '2024-01-15' },
      { url: 'http://www.yanzhou.gov.cn/art/2023/1/20/art_61508_10001.html', title: '2022年年报', date: '2023-01-20' },
    ]);
  });

  it('asks for the next batch until the total is reached', () => {
    const first = 'http://h.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&columnid=1';
    const second = nextBatchUrl(first, 50);
    expect(second).not.toBeNull();
    expect(new URL(second!).searchParams.get('startrecord')).toBe('46');
    expect(new URL(second!).searchParams.get('endrecord')).toBe('90');
    expect(nextBatchUrl(second!, 50)).toBeNull();
    expect(nextBatchUrl(first, 45)).toBeNull();
  });
});
