/**
 * Demo tengzhou.gov.cn, a TRS WCM portal: `/zwgk/xxgknb/` → year channels (`2025nxxgknb/`, `2023xxgknb/`) → body
 * channels (`bmxxgknb/` 部门, `zjxxgknb/` 镇街, `zfxxgknb/` 本级政府) → list pages `index.html`, `index_1.html` … →
 * documents `./YYYYMM/tYYYYMMDD_<id>.html` with `./P0….pdf` attachments and `./W0….png` images beside them.
 */
import { createHash } from 'node:crypto';
import { parsePortals } from '../../crawlers/portal-config.ts';
import { attachmentName as attachmentLabel, renderReportBody } from '../reports/render-report-body.ts';
import { encodeGreyPng } from '../reports/render-table-png.ts';
import { renderTablesPdf } from '../reports/render-pdf.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { htmlPage, serveSite, type Route, type SiteResponse } from './http-site.ts';
import { TRS_SITE, trsDisclosurePage, trsDocPage, trsHomePage, trsListPage, type Crumb, type ListEntry } from './trs-pages.ts';
import { TRS_YEAR_CHANNELS, type TrsReportSpec } from './trs-reports.ts';
import type { FamilyDemoSite } from './family-demo-site.ts';

/** Entries per list page (the real site shows 15; fewer here so a channel pages over `index_1.html`). */
const PER_PAGE = 3;
const NB = 'zwgk/xxgknb';
const BODY_CHANNELS: Readonly<Record<string, string>> = {
  bmxxgknb: '部门信息公开年报',
  zjxxgknb: '镇街信息公开年报',
  zfxxgknb: '市政府信息公开年报',
  bmjzjxxgknb_2023: '部门及镇街信息公开年报',
};

export function isTrsSpec(spec: DemoReportSpec): spec is TrsReportSpec {
  return spec.portal === 'trs' && 'channel' in spec;
}

function docFolder(spec: TrsReportSpec): string {
  return `/${spec.channel}/${spec.tDate.slice(0, 6)}/`;
}

export function trsDocPath(spec: TrsReportSpec): string {
  return `${docFolder(spec)}t${spec.tDate}_${spec.docId}.html`;
}

function attachmentName(spec: TrsReportSpec): string | null {
  return spec.tables === 'pdf-attachment' ? `P0${spec.tDate}${String(spec.docId).padStart(12, '0')}.pdf` : null;
}

function photoName(spec: TrsReportSpec): string | null {
  return spec.photo ? `W0${spec.tDate}${String(spec.docId + 1).padStart(12, '0')}.png` : null;
}

function channelName(dir: string): string {
  const last = dir.split('/').pop() ?? '';
  const year = TRS_YEAR_CHANNELS.find((y) => y.dir === dir)?.year;
  return year !== undefined ? `${year}年政府信息公开年报` : (BODY_CHANNELS[last] ?? '政府信息公开年报');
}

function crumbs(dir: string): Crumb[] {
  const parts = dir.split('/');
  const out: Crumb[] = [{ href: '/', text: '首页' }, { href: '/zwgk/', text: '政务公开' }];
  for (let i = 2; i <= parts.length; i += 1) {
    const sub = parts.slice(0, i).join('/');
    out.push({ href: `/${sub}/`, text: channelName(sub) });
  }
  return out;
}

/** The report body as pasted into the TRS editor (详见附件 where the tables are attached), a `./W0…` photo where the spec has one. */
function docBody(spec: TrsReportSpec): string {
  const body = renderReportBody(spec, { imageUrls: [] });
  const photo = photoName(spec);
  if (photo === null) return body;
  const img = `<p style="text-align: center;"><img src="./${photo}" OLDSRC="${photo}" alt="" width="480" /></p>`;
  const at = body.indexOf('</p>', body.indexOf('一、总体情况'));
  return at < 0 ? body + img : body.slice(0, at + 4) + img + body.slice(at + 4);
}

function docPage(spec: TrsReportSpec): SiteResponse {
  const dir = spec.channel;
  const meta = {
    title: spec.title,
    publishedAt: spec.publishedAt,
    agency: spec.agency,
    indexNumber: `${TRS_SITE.siteCode}/${spec.publishedAt.slice(0, 4)}-${String(spec.docId % 100000).padStart(5, '0')}`,
    channelName: channelName(dir),
    crumbs: crumbs(dir),
  };
  const attachment = attachmentName(spec);
  // The template lists the document's uploads after the editor body, as relative `./P0…` links.
  const files = attachment === null ? [] : [{ href: `./${attachment}`, name: attachmentLabel(spec) }];
  return htmlPage(trsDocPage(meta, docBody(spec), files));
}

/** List pages of one channel: sub-channel links on the first page, documents newest first, PER_PAGE per page. */
function listPages(dir: string, subDirs: readonly string[], docs: readonly TrsReportSpec[]): Map<string, SiteResponse> {
  const entries: ListEntry[] = [...docs]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((spec) => ({ href: `.${trsDocPath(spec).slice(dir.length + 1)}`, title: spec.title, date: spec.publishedAt.slice(0, 10) }));
  const count = Math.max(1, Math.ceil(entries.length / PER_PAGE));
  const subs = subDirs.map((sub) => ({ href: `./${sub.slice(dir.length + 1)}/`, text: channelName(sub) }));
  const pages = new Map<string, SiteResponse>();
  for (let n = 0; n < count; n += 1) {
    const html = trsListPage({ name: channelName(dir), crumbs: crumbs(dir) }, n === 0 ? subs : [], entries.slice(n * PER_PAGE, (n + 1) * PER_PAGE), { count, current: n });
    const page = htmlPage(html);
    pages.set(`/${dir}/${n === 0 ? 'index' : `index_${n}`}.html`, page);
    if (n === 0) pages.set(`/${dir}/`, page);
  }
  return pages;
}

function png(spec: TrsReportSpec): Buffer {
  const seed = createHash('md5').update(spec.slug).digest();
  const [width, height] = [160, 120];
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = ((i % width) * ((seed[0]! % 7) + 1) + Math.floor(i / width) * ((seed[1]! % 5) + 1)) % 256;
  return encodeGreyPng(width, height, pixels);
}

/** Every path of the site for this set of reports. */
export function trsPages(all: readonly DemoReportSpec[]): Map<string, SiteResponse> {
  const reports = all.filter(isTrsSpec);
  const pages = new Map<string, SiteResponse>();
  const news = [{ href: './xwzx/jrtz/202601/t20260128_2238700.html', title: '滕州市召开2026年政务公开工作会议', date: '2026-01-28' }];
  pages.set('/', htmlPage(trsHomePage(news)));
  pages.set('/index.html', htmlPage(trsHomePage(news)));
  pages.set('/zwgk/', htmlPage(trsDisclosurePage()));
  pages.set('/zwgk/index.html', htmlPage(trsDisclosurePage()));
  const years = TRS_YEAR_CHANNELS.filter((y) => reports.some((r) => r.channel.startsWith(`${y.dir}/`)));
  for (const [path, page] of listPages(NB, years.map((y) => y.dir), [])) pages.set(path, page);
  for (const { dir } of years) {
    const bodyDirs = [...new Set(reports.filter((r) => r.channel.startsWith(`${dir}/`)).map((r) => r.channel))].sort();
    for (const [path, page] of listPages(dir, bodyDirs, [])) pages.set(path, page);
    for (const bodyDir of bodyDirs) {
      for (const [path, page] of listPages(bodyDir, [], reports.filter((r) => r.channel === bodyDir))) pages.set(path, page);
    }
  }
  for (const spec of reports) {
    pages.set(trsDocPath(spec), docPage(spec));
    const attachment = attachmentName(spec);
    if (attachment !== null) pages.set(docFolder(spec) + attachment, { status: 200, headers: { 'content-type': 'application/pdf' }, body: renderTablesPdf(spec) });
    const photo = photoName(spec);
    if (photo !== null) pages.set(docFolder(spec) + photo, { status: 200, headers: { 'content-type': 'image/png' }, body: png(spec) });
  }
  return pages;
}

const TRS_ROBOTS = `User-agent: *\nDisallow: /search/\n`;

/** Start the TRS demo portal; `setReports` rebuilds its pages (a report changed after publication). */
export async function startTrsDemo(initial: readonly DemoReportSpec[], port = 0): Promise<FamilyDemoSite> {
  let pages = trsPages(initial);
  const route: Route = (url) => (url.pathname === '/robots.txt' ? { status: 200, headers: { 'content-type': 'text/plain' }, body: TRS_ROBOTS } : (pages.get(url.pathname) ?? null));
  const site = await serveSite([route], port);
  // Configured by its address only: the family is detected from the home page, the rest is discovered.
  const [portal] = parsePortals([{ id: 'tengzhou-demo', baseUrl: site.origin }], 'demo/portal/trs-site.ts');
  let current = initial.filter(isTrsSpec);
  return {
    key: 'tengzhou',
    site,
    portal: portal!,
    setReports(reports) {
      pages = trsPages(reports);
      current = reports.filter(isTrsSpec);
    },
    reportPath(slug) {
      const spec = current.find((r) => r.slug === slug);
      return spec === undefined ? undefined : trsDocPath(spec);
    },
  };
}
