/**
 * Page chrome of a TRS WCM statically published county portal (as 滕州 / 枣庄 publish): the home page, the 政务公开
 * page, channel list pages whose paging an inline `createPageHTML(…)` call writes, and document pages with the
 * metadata block, `div.TRS_Editor` body and relative `P0…`/`W0…` files.
 */

export const TRS_SITE = { name: '滕州市人民政府', printedHost: 'www.tengzhou.gov.cn', sponsor: '滕州市人民政府办公室', siteCode: '3704810001' } as const;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function head(title: string, metas: Readonly<Record<string, string>> = {}): string {
  const extra = Object.entries(metas).map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`).join('\n');
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${escapeHtml(title)}</title>
<meta name="SiteName" content="${TRS_SITE.name}">
<meta name="SiteDomain" content="${TRS_SITE.printedHost}">
<meta name="SiteIDCode" content="${TRS_SITE.siteCode}">
${extra}
<link rel="stylesheet" href="/images/common.css">
<script src="/images/jquery-1.11.3.min.js"></script>
</head>`;
}

function header(): string {
  return `<div class="header"><div class="w1200"><a href="/"><img src="/images/logo.png" alt="${TRS_SITE.name}"></a></div></div>
<div class="nav"><ul class="w1200">
<li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></div>`;
}

function footer(): string {
  return `<div class="footer"><div class="w1200">
<p>主办：${TRS_SITE.sponsor}&nbsp;&nbsp;网站标识码：${TRS_SITE.siteCode}&nbsp;&nbsp;鲁ICP备05013546号</p>
<p>网址：${TRS_SITE.printedHost}</p>
</div></div>
<script type="text/javascript" src="//ta.trs.cn/c/js/ta.js?mpid=2061"></script>`;
}

export interface Crumb {
  readonly href: string;
  readonly text: string;
}

function position(crumbs: readonly Crumb[]): string {
  return `<div class="position w1200">当前位置：${crumbs.map((c) => `<a href="${c.href}">${escapeHtml(c.text)}</a>`).join(' &gt; ')}</div>`;
}

/** The home page: navigation, a news list (TRS document links), the 政务公开 and 年报 entries. */
export function trsHomePage(news: readonly { href: string; title: string; date: string }[]): string {
  const items = news.map((n) => `<li><a href="${n.href}" target="_blank" title="${escapeHtml(n.title)}">${escapeHtml(n.title)}</a><span>${n.date}</span></li>`).join('\n');
  return `${head(TRS_SITE.name)}
<body>
${header()}
<div class="main w1200">
  <div class="news"><div class="title"><a href="/xwzx/">今日滕州</a></div><ul>
${items}
  </ul></div>
  <div class="zwgk-entry">
    <a href="/zwgk/"><img src="/images/zwgk.png" alt="政务公开"></a>
    <ul><li><a href="/zwgk/xxgkzn/">政府信息公开指南</a></li><li><a href="/zwgk/xxgknb/">政府信息公开年报</a></li></ul>
  </div>
</div>
${footer()}
</body>
</html>`;
}

/** 政务公开: the disclosure page, linking the guide, the rules, the statutory content and the 年报 channel. */
export function trsDisclosurePage(): string {
  return `${head(`政务公开_${TRS_SITE.name}`)}
<body>
${header()}
${position([{ href: '/', text: '首页' }, { href: '/zwgk/', text: '政务公开' }])}
<div class="main w1200"><ul class="zwgk-menu">
<li><a href="./xxgkzn/">政府信息公开指南</a></li>
<li><a href="./xxgkzd/">政府信息公开制度</a></li>
<li><a href="./fdzdgknr/">法定主动公开内容</a></li>
<li><a href="./xxgknb/">政府信息公开年报</a></li>
</ul></div>
${footer()}
</body>
</html>`;
}

export interface ListEntry {
  readonly href: string;
  readonly title: string;
  readonly date: string;
}

/**
 * A channel's list page: sub-channel links (if any), the documents of this page, and the paging the TRS template
 * writes with `createPageHTML(pageCount, currentIndex, "index", "html")`.
 */
export function trsListPage(channel: { name: string; crumbs: readonly Crumb[] }, subChannels: readonly Crumb[], entries: readonly ListEntry[], page: { count: number; current: number }): string {
  const subs = subChannels.length === 0 ? '' : `<ul class="sub-channels">\n${subChannels.map((c) => `<li><a href="${c.href}">${escapeHtml(c.text)}</a></li>`).join('\n')}\n</ul>`;
  const items = entries.map((e) => `<li><a href="${e.href}" target="_blank" title="${escapeHtml(e.title)}">${escapeHtml(e.title)}</a><span>${e.date}</span></li>`).join('\n');
  return `${head(`${channel.name}_${TRS_SITE.name}`, { ColumnName: channel.name })}
<body>
${header()}
${position(channel.crumbs)}
<div class="main w1200">
  <div class="list-title">${escapeHtml(channel.name)}</div>
  ${subs}
  <ul class="list">
${items}
  </ul>
  <div class="page"><script type="text/javascript">
    var currentPage = ${page.current};//所在页从0开始
    var countPage = ${page.count}//共多少页
    createPageHTML(${page.count}, ${page.current}, "index", "html");
  </script></div>
</div>
${footer()}
</body>
</html>`;
}

export interface TrsDocMeta {
  readonly title: string;
  readonly publishedAt: string;
  readonly agency: string;
  readonly indexNumber: string;
  readonly channelName: string;
  readonly crumbs: readonly Crumb[];
}

/**
 * A document page `./YYYYMM/tYYYYMMDD_<id>.html`: metadata block, title, 发布时间, `div.TRS_Editor` body, and the
 * template's attachment block after the body (relative `./P0…` uploads).
 */
export function trsDocPage(meta: TrsDocMeta, bodyHtml: string, attachments: readonly { href: string; name: string }[] = []): string {
  const files = attachments.length === 0 ? '' : `
    <div class="fj">附件：${attachments.map((a) => `<p><a href="${a.href}" OLDSRC="${a.href.replace(/^\.\//, '')}">${escapeHtml(a.name)}</a></p>`).join('')}</div>`;
  const minutes = meta.publishedAt.slice(0, 16);
  return `${head(`${meta.title}_${TRS_SITE.name}`, { ColumnName: meta.channelName, ArticleTitle: meta.title, PubDate: minutes, ContentSource: meta.agency })}
<body>
${header()}
${position(meta.crumbs)}
<div class="main w1200">
  <table class="xxgk-meta" width="100%">
    <tr><th>索引号：</th><td>${escapeHtml(meta.indexNumber)}</td><th>发布机构：</th><td>${escapeHtml(meta.agency)}</td></tr>
    <tr><th>主题分类：</th><td>政务公开</td><th>成文日期：</th><td>${meta.publishedAt.slice(0, 10)}</td></tr>
  </table>
  <div class="article">
    <h1>${escapeHtml(meta.title)}</h1>
    <div class="info">发布时间：${minutes}&nbsp;&nbsp;来源：${escapeHtml(meta.agency)}&nbsp;&nbsp;<a href="javascript:window.print()">打印</a></div>
    <div class="TRS_Editor"><div class="Custom_UnionStyle">
${bodyHtml}
    </div></div>${files}
  </div>
</div>
${footer()}
</body>
</html>`;
}
