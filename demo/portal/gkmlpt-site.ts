/**
 * Demo of a Guangdong 政府信息公开目录平台 (gkmlpt) portal, shaped like www.lw.gov.cn (广州市荔湾区): the home page
 * links `/gkmlpt/index`, whose lists are drawn by script from `/gkmlpt/api/all/<classify>?page=N&sid=…` (JSON, three
 * posts a page), and documents at `/gkmlpt/content/<a>/<b>/post_<id>.html` with the platform's metadata header
 * (索引号, 分类, 发布机构, 成文日期, 名称, 发布日期). Other classifications hold documents that are not reports.
 */
import { contentUrl } from '../../crawlers/gkmlpt/urls.ts';
import { escapeHtml } from '../reports/cell-markup.ts';
import { htmlPage, type Route, type SiteResponse } from './http-site.ts';
import { pathRoute, robotsRoute } from './jcms-routes.ts';
import { hexName, platformFileRoutes, reportBody, type ReportFilePaths } from './platform-files.ts';
import type { PlatformReportSpec } from './platform-reports.ts';

const SID = '755';
const PER_PAGE = 3;
const REPORT_CLASSIFY = 2671;
/** Classifications of the catalogue: the 年报 one with a child per year, and two that hold other documents. */
const CLASSIFY = [
  { id: 2640, name: '机构职能', parent: 0 },
  { id: 2645, name: '政策文件', parent: 0 },
  { id: REPORT_CLASSIFY, name: '政府信息公开年报', parent: 0 },
  { id: 2672, name: '2024年度', parent: REPORT_CLASSIFY },
  { id: 2673, name: '2023年度', parent: REPORT_CLASSIFY },
  { id: 2674, name: '2022年度及以前', parent: REPORT_CLASSIFY },
];
const POLICY_POSTS = [
  { id: 9301544, title: '广州市荔湾区人民政府办公室关于印发荔湾区老旧小区改造工作方案的通知', date: '2023-11-02' },
  { id: 9322071, title: '广州市荔湾区教育局关于做好2024年义务教育招生工作的通知', date: '2024-04-18' },
];

/** Post id of each report (ids grow with the publish date, as on the platform). */
export function gkmlptPostId(reports: readonly PlatformReportSpec[], spec: PlatformReportSpec): number {
  const order = [...reports].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).findIndex((r) => r.slug === spec.slug);
  return 7112340 + order * 381517;
}

export function gkmlptReportPath(reports: readonly PlatformReportSpec[], spec: PlatformReportSpec): string {
  return new URL(contentUrl('http://x', gkmlptPostId(reports, spec))).pathname;
}

function filePaths(reports: readonly PlatformReportSpec[], spec: PlatformReportSpec): ReportFilePaths {
  const id = gkmlptPostId(reports, spec);
  return {
    photo: spec.photo ? `/attachment/0/${Math.floor(id / 1000)}/${id}/${hexName(spec, 'photo')}.png` : null,
    attachment: spec.tables === 'pdf-attachment' ? `/attachment/0/${Math.floor(id / 1000)}/${id}/${hexName(spec, 'pdf')}.pdf` : null,
  };
}

export function gkmlptRoutes(reports: readonly PlatformReportSpec[]): Route[] {
  const pages = new Map<string, SiteResponse>([
    ['/', htmlPage(homePage())],
    ['/gkmlpt/index', htmlPage(catalogueShell())],
    ...reports.map((spec): [string, SiteResponse] => [gkmlptReportPath(reports, spec), htmlPage(contentPage(spec, gkmlptPostId(reports, spec), reportBody(spec, filePaths(reports, spec))))]),
  ]);
  return [robotsRoute(), listApi(reports), pathRoute(pages), platformFileRoutes(reports, (spec) => filePaths(reports, spec))];
}

function listApi(reports: readonly PlatformReportSpec[]): Route {
  return (url) => {
    const match = /^\/gkmlpt\/api\/all\/(\d+)$/.exec(url.pathname);
    if (match === null) return null;
    if (url.searchParams.get('sid') !== SID) return json({ code: 400, msg: 'sid required' }, 400);
    const classify = Number(match[1]);
    const posts = postsOf(reports, classify);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const articles = posts.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    return json({ classify: { id: classify, name: CLASSIFY.find((c) => c.id === classify)?.name ?? '' }, total: posts.length, page, per_page: PER_PAGE, articles });
  };
}

interface ApiPost {
  readonly id: number;
  readonly title: string;
  readonly url: string;
  readonly publisher: string;
  readonly identifier: string;
  readonly display_publish_time: string;
}

/** Newest first; the 年报 classification lists its children's documents too (`api/all`). */
function postsOf(reports: readonly PlatformReportSpec[], classify: number): ApiPost[] {
  if (classify === 2645) {
    return POLICY_POSTS.map((p) => ({ id: p.id, title: p.title, url: contentUrl('', p.id), publisher: '广州市荔湾区人民政府办公室', identifier: `006939748/${p.date.slice(0, 4)}-00311`, display_publish_time: p.date }));
  }
  const years = classify === REPORT_CLASSIFY ? null : classify === 2672 ? [2024] : classify === 2673 ? [2023] : classify === 2674 ? [2022, 2021, 2020, 2019] : [];
  return [...reports]
    .filter((r) => years === null || years.includes(r.year))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((r) => {
      const id = gkmlptPostId(reports, r);
      return { id, title: r.title, url: contentUrl('', id), publisher: r.agency, identifier: indexNumber(r), display_publish_time: r.publishedAt.slice(0, 10) };
    });
}

function json(body: unknown, status = 200): SiteResponse {
  return { status, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body), conditional: status === 200 };
}

function indexNumber(spec: PlatformReportSpec): string {
  return `${spec.orgCode}/${spec.publishedAt.slice(0, 4)}-000${String(spec.year % 100).padStart(2, '0')}`;
}

function head(title: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="renderer" content="webkit">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/gkmlpt/static/css/main.css">
</head>`;
}

function homePage(): string {
  return `${head('广州市荔湾区人民政府门户网站')}
<body><div class="header"><a href="/"><img src="/images/logo.png" alt="荔湾区人民政府"></a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xwzx/index.html">新闻中心</a></li>
<li><a href="/gkmlpt/index">政府信息公开</a></li><li><a href="/hdjl/index.html">互动交流</a></li></ul>
<div class="footer">主办：广州市荔湾区人民政府办公室 网站标识码：4401030001 粤ICP备05015398号</div></body></html>`;
}

/** The shell: the list is drawn by script from the API; the tree and the site id are inline. */
function catalogueShell(): string {
  const menu = CLASSIFY.filter((c) => c.parent === 0).map((c) => `<li><a href="#${c.id}">${escapeHtml(c.name)}</a></li>`).join('');
  return `${head('政府信息公开 - 广州市荔湾区人民政府')}
<body><div id="gkmlpt-app">
<div class="sidebar"><ul class="classify-tree">${menu}</ul></div>
<div class="list-box"><ul id="list"></ul><div id="pager"></div></div>
</div>
<script>window._CONFIG = {SID: '${SID}', SITE_NAME: '广州市荔湾区人民政府', API: '/gkmlpt/api'};</script>
<script>window.CLASSIFY = ${JSON.stringify(CLASSIFY)};</script>
<script src="/gkmlpt/static/js/gkmlpt.min.js"></script>
</body></html>`;
}

function contentPage(spec: PlatformReportSpec, postId: number, bodyHtml: string): string {
  const title = escapeHtml(spec.title);
  const date = spec.publishedAt.slice(0, 10);
  return `${head(spec.title)}
<body><div class="content-box">
<div class="introduce"><table class="classify"><tbody>
<tr><td class="first">索引号：</td><td>${indexNumber(spec)}</td><td class="first">分类：</td><td>政府信息公开年报</td></tr>
<tr><td class="first">发布机构：</td><td>${escapeHtml(spec.agency)}</td><td class="first">成文日期：</td><td>${date}</td></tr>
<tr><td class="first">名称：</td><td colspan="3">${title}</td></tr>
<tr><td class="first">文号：</td><td></td><td class="first">发布日期：</td><td>${date}</td></tr>
</tbody></table></div>
<div class="article"><h1 class="title">${title}</h1>
<div class="article-content" data-post="${postId}">
${bodyHtml}
</div></div></div>
<script src="/gkmlpt/static/js/content.min.js"></script>
</body></html>`;
}
