/**
 * The bundled demo portal: three loopback servers reproducing the URL structures and page shapes of
 * yanzhou.gov.cn (xxgk module + 年报 column), wendeng.gov.cn (per-year 年报 columns) and wendeng's flip-book host.
 * It serves the reports of demo/reports and the awkward cases a crawler meets: a 503 that recovers, a moved page,
 * a slow page, an oversized download (opt-in), GBK pages, malformed HTML, agencies without a report.
 */
import { parsePortals, type PortalConfig } from '../../crawlers/portal-config.ts';
import { DEMO_REPORTS } from '../reports/catalogue.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { serveSite, type Route, type RunningSite, type SiteResponse } from './http-site.ts';
import { yanzhouReportPaths, yanzhouRoutes } from './yanzhou-site.ts';
import { wendengReportPaths, wendengRoutes } from './wendeng-site.ts';
import { flipbookRoutes } from './flipbook-site.ts';
import type { FamilyDemoSite } from './family-demo-site.ts';
import { FAMILY_DEMO_REPORTS, FAMILY_DEMOS } from './family-demos.ts';

export interface DemoPortalOptions {
  /** Delay of the slow page (the xxgk catalogue), ms. Default 300. */
  readonly slowMs?: number;
  /** How many 503s the flaky report answers before it recovers. Default 2. */
  readonly flakyFailures?: number;
  /** Also serve a download that never answers (a hanging server), for timeout tests. Default false. */
  readonly withHangingDownload?: boolean;
  /** Also link a 64 MiB download (over the default body cap): a page the crawl cannot archive, so the run ends
   * partial. Default false, so that a healthy demo crawl ends ok. */
  readonly withOversizedDownload?: boolean;
  /** Preferred ports for yanzhou, wendeng, the flip-book host, then the other families' sites in FAMILY_DEMOS order
   * (0 = any free port, the default). The demo command uses fixed ports so that report URLs, and so the archive's
   * report keys, stay the same across runs. */
  readonly ports?: readonly number[];
  /** Reports to serve (tests may change content between crawls). Default: the bundled set. */
  readonly reports?: readonly DemoReportSpec[];
  /** Also serve the demo portals of the other CMS families (demo/portal/family-demos.ts). Default false. */
  readonly otherFamilies?: boolean;
}

export interface DemoPortals {
  readonly portals: PortalConfig[];
  readonly sites: { readonly yanzhou: RunningSite; readonly wendeng: RunningSite; readonly flipbook: RunningSite } & Readonly<Record<string, RunningSite>>;
  /** Replace the served reports (e.g. a report changed after publication); pages are rebuilt on the next request. */
  setReports(reports: readonly DemoReportSpec[]): void;
  /** Absolute URL of a report's page (the xxgk page or the article), by slug. */
  reportUrl(slug: string): string;
  close(): Promise<void>;
}

/** Routes that are rebuilt when the report set changes, so one server can serve several "days". */
function switchable(build: (reports: readonly DemoReportSpec[]) => Route[], initial: readonly DemoReportSpec[]): { route: Route; set(reports: readonly DemoReportSpec[]): void } {
  let routes = build(initial);
  return {
    route: (url, req) => routes.reduce<SiteResponse | null>((found, r) => found ?? r(url, req), null),
    set: (reports) => {
      routes = build(reports);
    },
  };
}

export async function startDemoPortals(options: DemoPortalOptions = {}): Promise<DemoPortals> {
  const initial = options.reports ?? (options.otherFamilies ? [...DEMO_REPORTS, ...FAMILY_DEMO_REPORTS] : DEMO_REPORTS);
  const flipbook = switchable((reports) => flipbookRoutes(reports), initial);
  const [yanzhouPort = 0, wendengPort = 0, flipbookPort = 0, ...familyPorts] = options.ports ?? [];
  const flipbookSite = await serveSite([flipbook.route], flipbookPort);
  const siteOptions = {
    slowMs: options.slowMs ?? 300,
    flakyFailures: options.flakyFailures ?? 2,
    withHangingDownload: options.withHangingDownload ?? false,
    withOversizedDownload: options.withOversizedDownload ?? false,
    flipbookOrigin: flipbookSite.origin,
  };
  const yanzhou = switchable((reports) => yanzhouRoutes(reports, siteOptions), initial);
  const wendeng = switchable((reports) => wendengRoutes(reports, siteOptions), initial);
  const yanzhouSite = await serveSite([yanzhou.route], yanzhouPort);
  const wendengSite = await serveSite([wendeng.route], wendengPort);
  const families: FamilyDemoSite[] = [];
  for (const [i, start] of (options.otherFamilies ? FAMILY_DEMOS : []).entries()) families.push(await start(initial, familyPorts[i] ?? 0));
  let current = initial;
  const portals = [...demoPortalConfigs(yanzhouSite.origin, wendengSite.origin, initial), ...families.map((f) => f.portal)];
  return {
    portals,
    sites: { ...Object.fromEntries(families.map((f) => [f.key, f.site])), yanzhou: yanzhouSite, wendeng: wendengSite, flipbook: flipbookSite },
    setReports(reports) {
      current = reports;
      for (const s of [yanzhou, wendeng, flipbook]) s.set(reports);
      for (const f of families) f.setReports(reports);
    },
    reportUrl(slug) {
      const yanzhouPath = yanzhouReportPaths(current).get(slug);
      if (yanzhouPath !== undefined) return yanzhouSite.origin + yanzhouPath;
      const wendengPath = wendengReportPaths(current).get(slug);
      if (wendengPath !== undefined) return wendengSite.origin + wendengPath;
      for (const f of families) {
        const path = f.reportPath(slug);
        if (path !== undefined) return f.site.origin + path;
      }
      throw new Error(`no demo report "${slug}"`);
    },
    async close() {
      await Promise.all([yanzhouSite.close(), wendengSite.close(), flipbookSite.close(), ...families.map((f) => f.site.close())]);
    },
  };
}

/** Portal configs pointing at the running demo servers (what data/portals.json holds for the real sites). */
function demoPortalConfigs(yanzhouOrigin: string, wendengOrigin: string, reports: readonly DemoReportSpec[]): PortalConfig[] {
  const yanzhouYears = [...new Set(reports.filter((r) => r.portal === 'yanzhou').map((r) => r.year))].sort();
  return [
    {
      id: 'yanzhou-demo',
      family: 'hanweb',
      name: '中国·兖州 (demo)',
      baseUrl: yanzhouOrigin,
      years: yanzhouYears,
      agencies: [],
      annualReportModule: true,
      catalogueUrls: ['/col/col35774/index.html'],
      reportColumns: [61508],
      reportMenuUrls: [],
      linkedHosts: [],
    },
    // Configured by its address only, as a new user would: family, name, the 年报 menu and its per-year columns
    // are found from the home page.
    ...parsePortals([{ id: 'wendeng-demo', baseUrl: wendengOrigin }], 'demo/portal/demo-portals.ts'),
  ];
}
