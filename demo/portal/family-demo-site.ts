/** What a demo portal of another CMS family (family-demos.ts) hands back when started. */
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import type { DemoReportSpec } from '../reports/report-spec.ts';
import type { RunningSite } from './http-site.ts';

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
