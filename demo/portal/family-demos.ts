/**
 * Demo portals of the CMS families besides Hanweb jcms, served next to the yanzhou/wendeng demo when
 * `startDemoPortals({ otherFamilies: true })` asks for them (`nianbao demo` does). Each family adds its starter and
 * its reports here.
 */
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import type { RunningSite } from './http-site.ts';
import { PLATFORM_DEMO_REPORTS, startChallengeDemo, startGkmlptDemo, startJpaasDemo } from './platform-demos.ts';
import { TRS_REPORTS } from './trs-reports.ts';
import { startTrsDemo } from './trs-site.ts';

export interface FamilyDemoSite {
  /** Key in `DemoPortals.sites`. */
  readonly key: string;
  readonly site: RunningSite;
  readonly portal: PortalConfig;
  /** Serve these reports from now on (each site keeps the ones of its own portal). */
  setReports(reports: readonly DemoReportSpec[]): void;
  /** Path (and query) of a report's page on this site, or undefined when the slug is not one of its reports. */
  reportPath(slug: string): string | undefined;
}

export type FamilyDemoStarter = (reports: readonly DemoReportSpec[], port: number) => Promise<FamilyDemoSite>;

export const FAMILY_DEMOS: readonly FamilyDemoStarter[] = [startTrsDemo, startGkmlptDemo, startJpaasDemo, startChallengeDemo];

export const FAMILY_DEMO_REPORTS: readonly DemoReportSpec[] = [...TRS_REPORTS, ...PLATFORM_DEMO_REPORTS];
