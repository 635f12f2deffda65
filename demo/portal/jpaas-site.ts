/**
 * Demo of a Hanweb JPAAS portal, shaped like an 烟台 district site (烟台市福山区): the home page links the
 * 政府信息公开 menu column, which links the 政府信息公开年报 column; column pages carry no list, only the inline
 * `queryData` their script sends to `/api-gateway/jpaas-publish-server/front/page/build/unit` (JSON with the list HTML,
 * three entries a page); articles at `/col/col<N>/art/<YYYY>/art_<32 hex>.html` with the xxgk block and `div#zoom`.
 */
import { UNIT_PATH } from '../../crawlers/jpaas/urls.ts';
import { escapeHtml } from '../reports/cell-markup.ts';
import { htmlPage, type Route, type SiteResponse } from './http-site.ts';
import { pathRoute } from './jcms-routes.ts';
import { hexName, platformFileRoutes, reportBody, type ReportFilePaths } from './platform-files.ts';
import type { PlatformReportSpec } from './platform-reports.ts';

const WEB_ID = '5d7c4a2e8b1f4f0a9c3e6b7d8a9f0e12';
const TPL_SET_ID = 'b3c2e1f0a9d84c7b8e6f5a4d3c2b1a09';
const MENU_COLUMN = 3451;
const REPORT_COLUMN = 3460;
const NEWS_COLUMN = 3402;
const PAGE_SIZE = 3;
/** The site keeps crawlers out of its script folder (the pages still load jQuery from it). */
export const JPAAS_ROBOTS_TXT = `User-agent: *
Disallow: /static/js/
Disallow: /module/search/
`;
const robots: Route = (url) => (url.pathname === '/robots.txt' ? { status: 200, headers: { 'content-type': 'text/plain' }, body: JPAAS_ROBOTS_TXT } : null);

export function jpaasReportPath(spec: PlatformReportSpec): string {
  return `/col/col${REPORT_COLUMN}/art/${spec.publishedAt.slice(0, 4)}/art_${hexName(spec, 'article')}.html`;
}

function filePaths(spec: PlatformReportSpec): ReportFilePaths {
  return {
    photo: spec.photo ? `/picture/0/${hexName(spec, 'photo')}.png` : null,
    attachment: spec.tables === 'pdf-attachment' ? `/attach/0/${hexName(spec, 'pdf')}.pdf` : null,
  };
}

export function jpaasRoutes(reports: readonly PlatformReportSpec[]): Route[] {
  const pages = new Map<string, SiteResponse>([
    ['/', htmlPage(homePage())],
    [`/col/col${MENU_COLUMN}/index.html`, htmlPage(menuPage())],
    [`/col/col${REPORT_COLUMN}/index.html`, htmlPage(columnPage(REPORT_COLUMN, '政府信息公开年报'))],
    [`/col/col${NEWS_COLUMN}/index.html`, htmlPage(columnPage(NEWS_COLUMN, '福山要闻'))],
    ...reports.map((spec): [string, SiteResponse] => [jpaasReportPath(spec), htmlPage(articlePage(spec, reportBody(spec, filePaths(spec))))]),
  ]);
  return [robots, unitApi(reports), pathRoute(pages), platformFileRoutes(reports, filePaths)];
}

function unitApi(reports: readonly PlatformReportSpec[]): Route {
  return (url) => {
    if (url.pathname !== UNIT_PATH) return null;
    const q = url.searchParams;
    if (q.get('webId') !== WEB_ID || q.get('tplSetId') !== TPL_SET_ID || q.get('parseType') !== 'bulidstatic') return json({ success: false, code: '400', message: '参数错误' });
    let paging: { pageNo?: number; pageSize?: number } = {};
    try {
      paging = JSON.parse(q.get('paramJson') ?? '{}') as typeof paging;
    } catch {
      return json({ success: false, code: '400', message: 'paramJson 格式错误' });
    }
    const pageNo = Math.max(1, Number(paging.pageNo) || 1);
    const pageSize = Math.max(1, Number(paging.pageSize) || PAGE_SIZE);
    const entries = q.get('pageId') === String(REPORT_COLUMN) ? reportEntries(reports) : q.get('pageId') === String(NEWS_COLUMN) ? NEWS : [];
    const page = entries.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    const items = page.map((e) => `<li><a href="${e.href}" title="${escapeHtml(e.title)}" target="_blank">${escapeHtml(e.title)}</a><span>${e.date}</span></li>`).join('');
    const pages = Math.max(1, Math.ceil(entries.length / pageSize));
    const html = `<ul class="list">${items}</ul><div class="page">共${entries.length}条 第${pageNo}/${pages}页</div>`;
    return json({ success: true, code: '200', message: 'ok', data: { html } });
  };
}

interface Entry {
  readonly href: string;
  readonly title: string;
  readonly date: string;
}

const NEWS: readonly Entry[] = [{ href: `/col/col${NEWS_COLUMN}/art/2025/art_0f1e2d3c4b5a69788796a5b4c3d2e1f0.html`, title: '福山区召开2025年重点项目推进会', date: '2025-02-18' }];

function reportEntries(reports: readonly PlatformReportSpec[]): Entry[] {
  return [...reports]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((r) => ({ href: jpaasReportPath(r), title: r.title, date: r.publishedAt.slice(0, 10) }));
}

function json(body: unknown): SiteResponse {
  return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body) };
}

function head(title: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="SiteName" content="烟台市福山区人民政府"><meta name="ColumnType" content="">
<script src="/static/js/jquery.min.js"></script><script src="/static/jpaas/jpaas.min.js"></script>
</head>`;
}

function homePage(): string {
  return `${head('烟台市福山区人民政府')}
<body><div class="header"><img src="/static/images/logo.png" alt="烟台市福山区人民政府"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/col${NEWS_COLUMN}/index.html">福山要闻</a></li>
<li><a href="/col/col${MENU_COLUMN}/index.html">政府信息公开</a></li></ul>
<div class="footer">主办：烟台市福山区人民政府办公室 网站标识码：3706110004</div></body></html>`;
}

function menuPage(): string {
  return `${head('政府信息公开')}
<body><div class="xxgk-menu"><ul>
<li><a href="/col/col3452/index.html">政府信息公开指南</a></li><li><a href="/col/col3453/index.html">政府信息公开制度</a></li>
<li><a href="/col/col3455/index.html">法定主动公开内容</a></li><li><a href="/col/col${REPORT_COLUMN}/index.html">政府信息公开年报</a></li>
</ul></div></body></html>`;
}

function columnPage(columnId: number, name: string): string {
  const queryData = { webId: WEB_ID, tplSetId: TPL_SET_ID, pageType: 'column', tagId: '当前栏目list', editType: 'null', pageId: String(columnId), paramJson: JSON.stringify({ pageNo: 1, pageSize: PAGE_SIZE }) };
  return `${head(name)}
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <span>${escapeHtml(name)}</span></div>
<div class="list-box" id="list-box"></div>
<script>
var queryData = ${JSON.stringify(queryData)};
$.ajax({ url: '${UNIT_PATH}', data: Object.assign({ parseType: 'bulidstatic' }, queryData), success: function (res) { $('#list-box').html(res.data.html); } });
</script></body></html>`;
}

function articlePage(spec: PlatformReportSpec, bodyHtml: string): string {
  const title = escapeHtml(spec.title);
  return `${head(spec.title)}
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col${REPORT_COLUMN}/index.html">政府信息公开年报</a></div>
<table class="xxgk_table"><tr><td>索引号</td><td>${spec.orgCode}/${spec.publishedAt.slice(0, 4)}-00${String(spec.year % 100)}</td><td>发布机构</td><td>${escapeHtml(spec.agency)}</td></tr>
<tr><td>组配分类</td><td>信息公开年报</td><td>成文日期</td><td>${spec.publishedAt.slice(0, 10)}</td></tr></table>
<div class="article"><h1>${title}</h1>
<div class="info">发布日期：${spec.publishedAt}　来源：${escapeHtml(spec.agency)}</div>
<div id="zoom" class="article-con">
${bodyHtml}
</div></div></body></html>`;
}
