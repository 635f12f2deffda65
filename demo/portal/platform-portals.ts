/**
 * The demo portals of the platforms that are not Hanweb jcms: a gkmlpt portal (广州市荔湾区), a JPAAS portal
 * (烟台市福山区) and a JPAAS portal behind a 瑞数-like JavaScript challenge (烟台市牟平区). Each is configured by
 * `{id, family, baseUrl}` only: everything else is found from its home page.
 */
import { parsePortals, type PortalConfig } from '../../crawlers/portal-config.ts';
import { challengeGate, type ChallengeGate, type ChallengeKind } from './challenge-gate.ts';
import { gkmlptReportPath, gkmlptRoutes } from './gkmlpt-site.ts';
import { serveSite, type Route, type RunningSite, type SiteResponse } from './http-site.ts';
import { jpaasReportPath, jpaasRoutes } from './jpaas-site.ts';
import { CHALLENGE_REPORTS, GKMLPT_REPORTS, JPAAS_REPORTS, type PlatformReportSpec } from './platform-reports.ts';

export interface PlatformPortalOptions {
  /** Preferred ports (0 = any free port, the default). */
  readonly ports?: { readonly gkmlpt?: number; readonly jpaas?: number; readonly challenge?: number };
  /** The challenge in front of the third portal; default `ruishu`. Null: no challenged portal. */
  readonly challenge?: ChallengeKind | null;
}

export interface PlatformPortals {
  readonly portals: PortalConfig[];
  readonly sites: Readonly<Record<string, RunningSite>>;
  readonly gate: ChallengeGate | null;
  /** Reports served per portal id. */
  reportsOf(portalId: string): readonly PlatformReportSpec[];
  /** Replace a portal's reports (a report changed after publication). */
  setReports(portalId: string, reports: readonly PlatformReportSpec[]): void;
  reportUrl(portalId: string, slug: string): string;
  close(): Promise<void>;
}

export const PLATFORM_PORTAL_IDS = { gkmlpt: 'liwan-gkmlpt-demo', jpaas: 'fushan-jpaas-demo', challenge: 'muping-challenge-demo' } as const;

export interface Served {
  readonly id: string;
  readonly family: 'gkmlpt' | 'jpaas';
  readonly site: RunningSite;
  reports: readonly PlatformReportSpec[];
  readonly pathOf: (reports: readonly PlatformReportSpec[], spec: PlatformReportSpec) => string;
  /** Rebuild the site's routes for a new report set. */
  readonly rebuild: (reports: readonly PlatformReportSpec[]) => void;
}

export interface SiteSpec {
  readonly id: string;
  readonly family: Served['family'];
  readonly reports: readonly PlatformReportSpec[];
  readonly build: (reports: readonly PlatformReportSpec[]) => Route[];
  readonly pathOf: Served['pathOf'];
  readonly port: number | undefined;
  readonly wrap?: (route: Route) => Route;
}

/** Serve a site whose routes can be rebuilt (several "days" of the same portal). */
export async function serve(spec: SiteSpec): Promise<Served> {
  let routes = spec.build(spec.reports);
  const route: Route = (url, req) => routes.reduce<SiteResponse | null>((found, r) => found ?? r(url, req), null);
  const site = await serveSite([spec.wrap === undefined ? route : spec.wrap(route)], spec.port ?? 0);
  return {
    id: spec.id,
    family: spec.family,
    site,
    reports: spec.reports,
    pathOf: spec.pathOf,
    rebuild: (reports) => {
      routes = spec.build(reports);
    },
  };
}

export async function startPlatformPortals(options: PlatformPortalOptions = {}): Promise<PlatformPortals> {
  const served: Served[] = [];
  const jpaasPath: Served['pathOf'] = (_reports, spec) => jpaasReportPath(spec);
  served.push(await serve({ id: PLATFORM_PORTAL_IDS.gkmlpt, family: 'gkmlpt', reports: GKMLPT_REPORTS, build: gkmlptRoutes, pathOf: gkmlptReportPath, port: options.ports?.gkmlpt }));
  served.push(await serve({ id: PLATFORM_PORTAL_IDS.jpaas, family: 'jpaas', reports: JPAAS_REPORTS, build: jpaasRoutes, pathOf: jpaasPath, port: options.ports?.jpaas }));
  const kind = options.challenge === undefined ? 'ruishu' : options.challenge;
  const gate = kind === null ? null : challengeGate(kind);
  if (gate !== null) {
    served.push(await serve({ id: PLATFORM_PORTAL_IDS.challenge, family: 'jpaas', reports: CHALLENGE_REPORTS, build: jpaasRoutes, pathOf: jpaasPath, port: options.ports?.challenge, wrap: gate.route }));
  }
  const byId = (id: string): Served => {
    const found = served.find((s) => s.id === id);
    if (found === undefined) throw new Error(`no platform demo portal "${id}"`);
    return found;
  };
  return {
    portals: parsePortals(served.map((s) => ({ id: s.id, family: s.family, baseUrl: s.site.origin })), 'demo platform portals'),
    sites: Object.fromEntries(served.map((s) => [s.id, s.site])),
    gate,
    reportsOf: (id) => byId(id).reports,
    setReports(id, reports) {
      const entry = byId(id);
      entry.reports = reports;
      entry.rebuild(reports);
    },
    reportUrl(id, slug) {
      const entry = byId(id);
      const spec = entry.reports.find((r) => r.slug === slug);
      if (spec === undefined) throw new Error(`no report "${slug}" on ${id}`);
      return entry.site.origin + entry.pathOf(entry.reports, spec);
    },
    close: async () => {
      await Promise.all(served.map((s) => s.site.close()));
    },
  };
}
