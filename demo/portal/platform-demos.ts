/**
 * The gkmlpt, JPAAS and challenge-protected portals as `nianbao demo` serves them (demo/portal/family-demos.ts):
 * each a starter taking the demo's reports (it keeps its own) and a port, configured by `{id, family, baseUrl}` only.
 * The portal behind the challenge serves a few of its reports here, to keep the demo quick.
 */
import { parsePortals } from '../../crawlers/portal-config.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import { challengeGate } from './challenge-gate.ts';
import type { FamilyDemoSite } from './family-demo-site.ts';
import { gkmlptReportPath, gkmlptRoutes } from './gkmlpt-site.ts';
import { jpaasReportPath, jpaasRoutes } from './jpaas-site.ts';
import { PLATFORM_PORTAL_IDS, serve, type SiteSpec } from './platform-portals.ts';
import { CHALLENGE_REPORTS, GKMLPT_REPORTS, JPAAS_REPORTS, type PlatformReportSpec } from './platform-reports.ts';

/** The challenged portal's reports in the demo: two bodies, three years. */
const DEMO_CHALLENGE_REPORTS = CHALLENGE_REPORTS.filter((r) => /^muping-(zhengfu|ninghai)-202[234]$/.test(r.slug));

export const PLATFORM_DEMO_REPORTS: readonly DemoReportSpec[] = [...GKMLPT_REPORTS, ...JPAAS_REPORTS, ...DEMO_CHALLENGE_REPORTS];

function starter(key: keyof typeof PLATFORM_PORTAL_IDS, family: 'gkmlpt' | 'jpaas', own: readonly PlatformReportSpec[], site: Omit<SiteSpec, 'id' | 'family' | 'reports' | 'port'>) {
  const slugs = new Set(own.map((r) => r.slug));
  const mine = (reports: readonly DemoReportSpec[]): PlatformReportSpec[] => reports.filter((r): r is PlatformReportSpec => slugs.has(r.slug) && 'orgCode' in r);
  return async (reports: readonly DemoReportSpec[], port: number): Promise<FamilyDemoSite> => {
    const id = PLATFORM_PORTAL_IDS[key];
    const served = await serve({ id, family, reports: mine(reports), port, ...site });
    const [portal] = parsePortals([{ id, family, baseUrl: served.site.origin }], 'demo/portal/platform-demos.ts');
    return {
      key,
      site: served.site,
      portal: portal!,
      setReports(next) {
        served.reports = mine(next);
        served.rebuild(served.reports);
      },
      reportPath(slug) {
        const spec = served.reports.find((r) => r.slug === slug);
        return spec === undefined ? undefined : served.pathOf(served.reports, spec);
      },
    };
  };
}

const jpaasPath = (_reports: readonly PlatformReportSpec[], spec: PlatformReportSpec): string => jpaasReportPath(spec);

export const startGkmlptDemo = starter('gkmlpt', 'gkmlpt', GKMLPT_REPORTS, { build: gkmlptRoutes, pathOf: gkmlptReportPath });
export const startJpaasDemo = starter('jpaas', 'jpaas', JPAAS_REPORTS, { build: jpaasRoutes, pathOf: jpaasPath });
export const startChallengeDemo = starter('challenge', 'jpaas', DEMO_CHALLENGE_REPORTS, { build: jpaasRoutes, pathOf: jpaasPath, wrap: challengeGate('ruishu').route });
