/**
 * A generated province for the scale benchmark: `portals` Hanweb jcms county portals, each with `bodies` bodies
 * configured and one report year; about 85 % of bodies published their report (the others answer the xxgk module's
 * empty shell, as real portals do). Pages are cheap to serve: report bodies are rendered once per template variant
 * (plain `<table border=1>` tables, ~13 KB a page) and only the body's name is put in per request, so the benchmark
 * measures the crawler, not the server.
 */
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { DEMO_REPORTS } from '../../demo/reports/catalogue.ts';
import { seededRandom } from '../../demo/reports/generate-values.ts';
import { renderReportBody } from '../../demo/reports/render-report-body.ts';
import type { DemoReportSpec } from '../../demo/reports/report-spec.ts';
import { htmlPage, type Route } from '../../demo/portal/http-site.ts';
import { robotsRoute } from '../../demo/portal/jcms-routes.ts';
import { annualReportPage, cataloguePage, homePage, missingAnnualReportPage, type SiteIdentity } from '../../demo/portal/page-shells.ts';

export const REPORT_YEAR = 2024;
const PUBLISHED_AT = '2025-01-20 09:30';
const MODULE_PATH = '/module/xxgk/xxgkAnnualReport.jsp';
/** The xxgk catalogue every jcms page's top bar links (its bodies are the configured ones). */
const CATALOGUE_COLUMN = 35774;
/** Stand-ins replaced by the body's own name and short name in a pre-rendered report body. */
const NAME_TOKEN = '〔机关全称〕';
const SHORT_TOKEN = '〔机关简称〕';
const DEPARTMENTS = ['发展和改革局', '教育和体育局', '科学技术局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '生态环境分局', '住房和城乡建设局', '交通运输局', '水务局', '农业农村局', '商务局', '文化和旅游局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '信访局', '行政审批服务局', '综合行政执法局', '城市管理局', '档案馆', '投资促进局', '大数据中心'];

export interface ProvinceBody {
  readonly key: string;
  readonly name: string;
  readonly kind: '部门' | '乡镇街道';
  /** Whether the body published its report (else its module page is the empty shell). */
  readonly published: boolean;
  /** Which pre-rendered report body it uses. */
  readonly variant: number;
}

export interface ProvincePortal {
  readonly index: number;
  readonly id: string;
  readonly county: string;
  readonly bodies: readonly ProvinceBody[];
}

export interface ProvincePlan {
  readonly portals: readonly ProvincePortal[];
  readonly reports: number;
}

/** Deterministic: the same sizes give the same province (so night 2 sees night 1's pages unchanged). */
export function provincePlan(portalCount: number, bodyCount: number, seed = 13): ProvincePlan {
  const rand = seededRandom(seed);
  const variants = reportVariants().length;
  const portals = Array.from({ length: portalCount }, (_, p): ProvincePortal => {
    const county = `第${p + 1}县`;
    const bodies = Array.from({ length: bodyCount }, (_, b): ProvinceBody => {
      const town = b >= DEPARTMENTS.length;
      const name = town ? `${county}第${b - DEPARTMENTS.length + 1}镇人民政府` : `${county}${DEPARTMENTS[b]}`;
      const key = `11370800${String(p).padStart(4, '0')}${String(b).padStart(4, '0')}X${town ? 'Z' : 'B'}`;
      return { key, name, kind: town ? '乡镇街道' : '部门', published: rand() < 0.85, variant: Math.floor(rand() * variants) };
    });
    return { index: p, id: `county-${String(p + 1).padStart(3, '0')}`, county, bodies };
  });
  return { portals, reports: portals.reduce((sum, p) => sum + p.bodies.filter((b) => b.published).length, 0) };
}

/** Portal configs for the running sites: bodies configured, one year, no catalogue or columns to discover. */
export function provincePortalConfigs(plan: ProvincePlan, origins: readonly string[]): PortalConfig[] {
  return plan.portals.map((portal) => ({
    id: portal.id,
    family: 'hanweb',
    name: `${portal.county}人民政府`,
    baseUrl: origins[portal.index] ?? missingOrigin(portal.id),
    years: [REPORT_YEAR],
    agencies: portal.bodies.map((b) => ({ key: b.key, name: b.name, kind: b.kind })),
    annualReportModule: true,
    catalogueUrls: [],
    reportColumns: [],
    reportMenuUrls: [],
    linkedHosts: [],
  }));
}

function missingOrigin(id: string): never {
  throw new Error(`no running site for portal ${id}`);
}

/** Routes of one county portal: robots.txt, a home page, the xxgk catalogue, and the module's report page per body. */
export function provinceRoutes(portal: ProvincePortal): Route[] {
  const site: SiteIdentity = { siteName: `${portal.county}人民政府`, printedHost: `www.county${portal.index + 1}.gov.cn`, sponsor: `${portal.county}人民政府办公室`, webId: portal.index + 1 };
  const bodies = new Map(portal.bodies.map((b) => [b.key, b]));
  const home = htmlPage(homePage(site, []));
  const missing = htmlPage(missingAnnualReportPage(site));
  const catalogue = htmlPage(cataloguePage(site, CATALOGUE_COLUMN, portal.bodies.map((b) => ({ key: b.key, name: b.name, group: b.kind === '乡镇街道' ? '镇街' : '县政府部门' }))));
  const fixed = new Map([['/', home], [`/col/col${CATALOGUE_COLUMN}/index.html`, catalogue]]);
  const variants = reportVariants();
  const report: Route = (url) => {
    if (url.pathname !== MODULE_PATH) return null;
    const body = bodies.get(url.searchParams.get('area') ?? '');
    if (body === undefined || !body.published || Number(url.searchParams.get('fbtime')) !== REPORT_YEAR) return missing;
    const bodyHtml = (variants[body.variant] ?? '').replaceAll(NAME_TOKEN, body.name).replaceAll(SHORT_TOKEN, shortName(body.name, portal.county));
    return htmlPage(annualReportPage(site, { title: `${body.name}${REPORT_YEAR}年政府信息公开工作年度报告`, publishedAt: PUBLISHED_AT, bodyHtml }));
  };
  return [robotsRoute(), report, (url) => fixed.get(url.pathname) ?? null];
}

function shortName(name: string, county: string): string {
  return name.startsWith(county) ? `县${name.slice(county.length)}`.replace('人民政府', '') : name;
}

let rendered: readonly string[] | null = null;

/** The report bodies every generated report is one of: the demo's 2021 HTML-table reports, printed as bare tables. */
export function reportVariants(): readonly string[] {
  rendered ??= variantSpecs().map((spec) => renderReportBody(spec, { imageUrls: [] }));
  return rendered;
}

function variantSpecs(): DemoReportSpec[] {
  const bases = DEMO_REPORTS.filter((r) => r.template === '2021' && r.tables === 'html' && r.charset === 'utf-8' && r.delivery === 'page' && r.failingChecks.length === 0);
  if (bases.length === 0) throw new Error('the demo catalogue has no 2021 HTML-table report to base the province on');
  return bases.map((r) => ({ ...r, agency: NAME_TOKEN, year: REPORT_YEAR, quirks: ['bare-table'], profile: { ...r.profile, shortName: SHORT_TOKEN } }));
}
