/**
 * Demo portals of the CMS families besides Hanweb jcms, served next to the yanzhou/wendeng demo when
 * `startDemoPortals({ otherFamilies: true })` asks for them (`nianbao demo` does). Each family adds its starter and
 * its reports here.
 */
import type { DemoReportSpec } from '../reports/report-spec.ts';
import type { FamilyDemoStarter } from './family-demo-site.ts';
import { PLATFORM_DEMO_REPORTS, startChallengeDemo, startGkmlptDemo, startJpaasDemo } from './platform-demos.ts';
import { TRS_REPORTS } from './trs-reports.ts';
import { startTrsDemo } from './trs-site.ts';

export const FAMILY_DEMOS: readonly FamilyDemoStarter[] = [startTrsDemo, startGkmlptDemo, startJpaasDemo, startChallengeDemo];

export const FAMILY_DEMO_REPORTS: readonly DemoReportSpec[] = [...TRS_REPORTS, ...PLATFORM_DEMO_REPORTS];
