/**
 * Page chrome of the Hanweb (大汉) jcms portals, as the real sites wrap report content:
 * the xxgk module's annual-report page, jcms article pages with the xxgk metadata block, column shells whose
 * lists load through dataproxy.jsp, the xxgk catalogue, and the shell served when an agency has no report.
 */

export interface SiteIdentity {
  /** Portal display name, e.g. 中国·兖州. */
  readonly siteName: string;
  /** Host as printed in footers, e.g. www.yanzhou.gov.cn. */
  readonly printedHost: string;
  /** Office that runs the site. */
  readonly sponsor: string;
  readonly webId: number;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function head(title: string, charset: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>${escapeHtml(title)}</title>
<meta name="SiteName" content="" />
<link href="/images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/script/jquery.min.js"></script>
<script type="text/javascript" src="/script/hanweb.js"></script>
</head>`;
}

function topBar(site: SiteIdentity): string {
  return `<div class="top-bar"><div class="w1200"><span>欢迎访问${escapeHtml(site.siteName)}！</span>
<a href="/">首页</a> | <a href="/col/col35774/index.html">政府信息公开</a> | <a href="/module/search/index.jsp">站内搜索</a></div></div>
<div class="header"><div class="w1200"><a href="/"><img src="/images/logo.png" alt="${escapeHtml(site.siteName)}" /></a></div></div>`;
}

function footer(site: SiteIdentity): string {
  return `<div class="footer"><div class="w1200">
<p>主办：${escapeHtml(site.sponsor)}&nbsp;&nbsp;网站标识码：3708120001&nbsp;&nbsp;鲁ICP备05002386号</p>
<p>网址：${escapeHtml(site.printedHost)}&nbsp;&nbsp;<a href="/col/col1/index.html">网站地图</a></p>
<p><img src="/images/jiucuo.png" alt="政府网站找错" /> <img src="/images/dzjg.png" alt="党政机关" /></p>
</div></div>
<script>var _hmt = _hmt || [];</script>`;
}

/** `/module/xxgk/xxgkAnnualReport.jsp?area=…&fbtime=…` with a report. */
export function annualReportPage(
  site: SiteIdentity,
  report: { title: string; publishedAt: string; bodyHtml: string },
  charset = 'utf-8',
): string {
  return `${head(report.title, charset)}
<body>
${topBar(site)}
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col35774/index.html">政府信息公开</a> &gt; 政府信息公开年报</div>
  <div class="nb_box">
    <div class="nb_title"><h1>${escapeHtml(report.title)}</h1></div>
    <div class="nb_time">发布时间:${escapeHtml(report.publishedAt)}</div>
    <div class="nb_tts"><a href="javascript:void(0);" onclick="ttsPlay()">点击收听年报语音朗读</a></div>
    <div class="nb_con" id="zoom">
${report.bodyHtml}
    </div>
  </div>
</div>
${footer(site)}
</body>
</html>`;
}

/** What the xxgk module answers for an (area, fbtime) without a report: the shell, HTTP 200, empty content. */
export function missingAnnualReportPage(site: SiteIdentity, charset = 'utf-8'): string {
  return `${head('政府信息公开年报', charset)}
<body>
${topBar(site)}
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col35774/index.html">政府信息公开</a> &gt; 政府信息公开年报</div>
  <div class="nb_box">
    <div class="nb_title"><h1></h1></div>
    <div class="nb_time">发布时间:</div>
    <div class="nb_con" id="zoom">
    </div>
  </div>
</div>
${footer(site)}
</body>
</html>`;
}

export interface ArticleMeta {
  readonly title: string;
  readonly publishedAt: string;
  /** 索引号, e.g. 11370812004322760Y/2024-00012; absent on pages without the xxgk block. */
  readonly indexNumber?: string;
  readonly publisher: string;
  readonly columnName: string;
}

/** jcms article `/art/YYYY/M/D/art_<col>_<id>.html`, with the xxgk metadata block when an 索引号 is given. */
export function articlePage(site: SiteIdentity, meta: ArticleMeta, bodyHtml: string, charset = 'utf-8'): string {
  const date = meta.publishedAt.slice(0, 10);
  const xxgkBlock = meta.indexNumber === undefined ? '' : `
  <table class="xxgk_table" width="100%" border="0" cellspacing="0" cellpadding="0">
    <tr><td class="td_lable">索引号</td><td>${escapeHtml(meta.indexNumber)}</td><td class="td_lable">发布机构</td><td>${escapeHtml(meta.publisher)}</td></tr>
    <tr><td class="td_lable">组配分类</td><td>信息公开年报</td><td class="td_lable">成文日期</td><td>${date}</td></tr>
    <tr><td class="td_lable">名称</td><td colspan="3">${escapeHtml(meta.title)}</td></tr>
  </table>`;
  return `${head(meta.title, charset)}
<body>
${topBar(site)}
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <span>${escapeHtml(meta.columnName)}</span></div>
  ${xxgkBlock}
  <div class="article">
    <div class="article-title"><h1>${escapeHtml(meta.title)}</h1></div>
    <div class="article-info">发布日期：${escapeHtml(meta.publishedAt)}&nbsp;&nbsp;来源：${escapeHtml(meta.publisher)}&nbsp;&nbsp;浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp"></script>
      &nbsp;&nbsp;字号：[ <a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a> ]</div>
    <div class="article-con" id="zoom">
${bodyHtml}
    </div>
    <div class="article-tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
  </div>
</div>
${footer(site)}
</body>
</html>`;
}

/** `/col/col<N>/index.html`: the list is not in the HTML; jpage loads it from dataproxy.jsp with these params. */
export function columnPage(site: SiteIdentity, column: { id: number; name: string; unitId: number }): string {
  return `${head(column.name, 'utf-8')}
<body>
${topBar(site)}
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <span>${escapeHtml(column.name)}</span></div>
  <div class="list-title">${escapeHtml(column.name)}</div>
  <div id="${column.unitId}"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=${site.webId}&path=/&columnid=${column.id}&unitid=${column.unitId}&webname=${encodeURIComponent(site.siteName)}&permissiontype=0"></a>]]></nextgroup><recordset></recordset></datastore></script></div>
  <script type="text/javascript">
    var param_${column.unitId} = {col:1,appid:1,webid:${site.webId},path:'/',columnid:${column.id},sourceContentType:1,unitid:'${column.unitId}',webname:'${site.siteName}',permissiontype:0};
    $(document).ready(function(){ new jpage({unitid:'${column.unitId}', perpage:15, param:param_${column.unitId}}); });
  </script>
</div>
${footer(site)}
</body>
</html>`;
}

export interface ListRecord {
  readonly href: string;
  readonly title: string;
  readonly date: string;
}

/** dataproxy.jsp answer: XML with `<totalrecord>` and CDATA `<record>`s. */
export function dataproxyXml(total: number, records: readonly ListRecord[]): string {
  const items = records
    .map((r) => `<record><![CDATA[<li><a href="${r.href}" title="${escapeHtml(r.title)}" target="_blank">${escapeHtml(r.title)}</a><span>${r.date}</span></li>]]></record>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<datastore>
<nextgroup><![CDATA[]]></nextgroup>
<recordset>
${items}
</recordset>
<totalrecord>${total}</totalrecord>
<totalpage>${Math.ceil(total / 15)}</totalpage>
</datastore>`;
}

/** xxgk catalogue page listing agencies by `vc_xxgkarea`. */
export function cataloguePage(site: SiteIdentity, columnId: number, agencies: readonly { key: string; name: string; group: string }[]): string {
  const groups = [...new Set(agencies.map((a) => a.group))];
  const lists = groups
    .map((group) => {
      const links = agencies
        .filter((a) => a.group === group)
        .map((a) => `<li><a href="/col/col${columnId}/index.html?vc_xxgkarea=${encodeURIComponent(a.key)}&number=" target="_blank">${escapeHtml(a.name)}</a></li>`)
        .join('\n');
      return `<div class="bm_box"><div class="bm_title">${escapeHtml(group)}</div><ul>\n${links}\n</ul></div>`;
    })
    .join('\n');
  return `${head('政府信息公开', 'utf-8')}
<body>
${topBar(site)}
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; 政府信息公开</div>
  <div class="xxgk_nav"><a href="/col/col35774/index.html">政府信息公开指南</a> <a href="/col/col35774/index.html">政府信息公开制度</a> <a href="/col/col35774/index.html">法定主动公开内容</a></div>
  ${lists}
</div>
${footer(site)}
</body>
</html>`;
}

/** Site home with links to the disclosure catalogue and report columns. */
export function homePage(site: SiteIdentity, links: readonly { href: string; text: string }[]): string {
  const items = links.map((l) => `<li><a href="${l.href}">${escapeHtml(l.text)}</a></li>`).join('\n');
  return `${head(site.siteName, 'utf-8')}
<body>
${topBar(site)}
<div class="main w1200"><ul class="nav">
${items}
</ul></div>
${footer(site)}
</body>
</html>`;
}

/** A flip-book page (PDF converted to an HTML5 book): one page of text with the PDF's hard line breaks. */
export function flipbookPage(pageNumber: number, text: string): string {
  const lines = text.split('\n').map((line) => `<p class="text">${escapeHtml(line)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Page ${pageNumber}</title>
<link rel="stylesheet" href="../../files/basic-html/style.css"></head>
<body><div class="page" id="page${pageNumber}">
${lines}
</div>
<div class="nav"><a href="page${pageNumber + 1}.html">下一页</a></div>
</body></html>`;
}
