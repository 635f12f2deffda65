import { describe, expect, it } from 'vitest';
import { parseChannelPage } from '../../../crawlers/trs/channel-page.ts';
import { parsePaging } from '../../../crawlers/trs/paging.ts';
import { parsePortalLinks } from '../../../crawlers/trs/portal-links.ts';
import { findTrsReportLinks } from '../../../crawlers/trs/trs-report-links.ts';
import { channelDir, channelPageUrl, channelYear, isSubChannel, listPageUrl, parseDocUrl } from '../../../crawlers/trs/urls.ts';

const BASE = 'http://www.tengzhou.gov.cn';

describe('TRS URL shapes', () => {
  it('parses document paths; the t date is kept apart from any publish date', () => {
    expect(parseDocUrl(`${BASE}/zwgk/xxgknb/2025nxxgknb/bmzjxxgknb/202601/t20260126_2238462.html`)).toEqual({ folder: '202601', tDate: '2026-01-26', docId: '2238462' });
    expect(parseDocUrl('http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/2018/202010/t20201019_496818.shtml')?.tDate).toBe('2020-10-19');
    expect(parseDocUrl(`${BASE}/zwgk/xxgknb/index.html`)).toBeNull();
  });

  it('maps list pages to their channel folder and back', () => {
    expect(channelDir(`${BASE}/zwgk/xxgknb/2025nxxgknb/index_1.html`)).toBe(`${BASE}/zwgk/xxgknb/2025nxxgknb/`);
    expect(channelDir(`${BASE}/zwgk/xxgknb`)).toBe(`${BASE}/zwgk/xxgknb/`);
    expect(listPageUrl(`${BASE}/zwgk/xxgknb/`, 0)).toBe(`${BASE}/zwgk/xxgknb/index.html`);
    expect(listPageUrl(`${BASE}/zwgk/xxgknb/`, 2, 'index', 'shtml')).toBe(`${BASE}/zwgk/xxgknb/index_2.shtml`);
    expect(isSubChannel(`${BASE}/zwgk/xxgknb/2025nxxgknb/`, `${BASE}/zwgk/xxgknb/`)).toBe(true);
    expect(isSubChannel(`${BASE}/zwgk/`, `${BASE}/zwgk/xxgknb/`)).toBe(false);
    expect(isSubChannel(`${BASE}/zwgk/xxgknb/index_1.html`, `${BASE}/zwgk/xxgknb/`)).toBe(false);
    // A channel is fetched as linked: its named list page, else its folder (the server's default document).
    expect(channelPageUrl(`${BASE}/ywdt/zwzl/ndbg/index.shtml?x=1`)).toBe(`${BASE}/ywdt/zwzl/ndbg/index.shtml`);
    expect(channelPageUrl(`${BASE}/zwgk/xxgknb`)).toBe(`${BASE}/zwgk/xxgknb/`);
  });

  it('reads a channel year from its link text or its folder (2025nxxgknb, 2023xxgknb)', () => {
    expect(channelYear('2025年政府信息公开年报', `${BASE}/zwgk/xxgknb/a/`)).toBe(2025);
    expect(channelYear('', `${BASE}/zwgk/xxgknb/2023xxgknb/`)).toBe(2023);
    expect(channelYear('部门', `${BASE}/zwgk/xxgknb/2025nxxgknb/bmxxgknb/`)).toBeNull();
  });
});

describe('TRS pages', () => {
  it('reads createPageHTML paging, with or without the extra arguments some templates pass', () => {
    expect(parsePaging('<script>createPageHTML(4, 0, "index", "html");</script>')).toEqual({ pageCount: 4, current: 0, name: 'index', ext: 'html' });
    expect(parsePaging("createPageHTML('6','2','index','shtml','jsgl',114)")).toEqual({ pageCount: 6, current: 2, name: 'index', ext: 'shtml' });
    expect(parsePaging('<p>no paging</p>')).toBeNull();
  });

  it('lists documents and sub-channels of a channel page, not its parents or other sites', () => {
    const html = `<a href="../">上级</a><a href="/zwgk/">政务公开</a>
      <ul><li><a href="./bmxxgknb/">部门信息公开年报</a></li></ul>
      <ul><li><a href="./202601/t20260126_2238462.html" title="滕州市财政局2025年政府信息公开工作年度报告">滕州市财政局2025年…</a><span>2026-01-20</span></li>
      <li><a href="http://other.gov.cn/x/202601/t20260101_1.html">别处</a></li></ul>`;
    const page = parseChannelPage(html, `${BASE}/zwgk/xxgknb/2025nxxgknb/index.html`);
    expect(page.documents).toEqual([{ url: `${BASE}/zwgk/xxgknb/2025nxxgknb/202601/t20260126_2238462.html`, title: '滕州市财政局2025年政府信息公开工作年度报告', date: '2026-01-20' }]);
    expect(page.subChannels).toEqual([{ url: `${BASE}/zwgk/xxgknb/2025nxxgknb/bmxxgknb/`, name: '部门信息公开年报', year: null }]);
  });

  it('finds the 年报 channel and the disclosure entry on a home page, not the disclosure items', () => {
    const html = '<a href="/zwgk/">政务公开</a><a href="/zwgk/xxgkzn/">政府信息公开指南</a><a href="/zwgk/xxgknb/">政府信息公开年报</a><a href="http://x.gov.cn/nb/">年报</a>';
    const links = parsePortalLinks(html, `${BASE}/`);
    expect(links.reportChannels.map((l) => l.url)).toEqual([`${BASE}/zwgk/xxgknb/`]);
    expect(links.disclosurePages.map((l) => l.url)).toEqual([`${BASE}/zwgk/`]);
  });

  it('takes images from the TRS_Editor body and P0 attachments from the body and the attachment block', () => {
    const html = `<img src="/images/logo.png"><div class="TRS_Editor"><p><img src="./W020260123000002238534.png" OLDSRC="W020260123000002238534.png"></p>
      <p><a href="./P020260122000002238501.pdf">附件</a></p></div>
      <div class="fj">附件：<a href="./P020260122000002238502.docx">统计表.docx</a></div><a href="/zwgk/">政务公开</a>`;
    const page = `${BASE}/zwgk/xxgknb/2025nxxgknb/bmxxgknb/202601/t20260122_2238501.html`;
    const links = findTrsReportLinks(html, page);
    const dir = `${BASE}/zwgk/xxgknb/2025nxxgknb/bmxxgknb/202601/`;
    expect(links.images).toEqual([`${dir}W020260123000002238534.png`]);
    expect(links.attachments).toEqual([`${dir}P020260122000002238501.pdf`, `${dir}P020260122000002238502.docx`]);
  });
});
