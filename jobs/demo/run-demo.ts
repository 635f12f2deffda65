/**
 * The main job on the embedded default: serve the bundled demo portal on loopback, crawl it into the archive, crawl
 * it again (conditional requests: nothing unchanged is transferred twice; meanwhile the portal withdrew one report
 * and revised another), then run the watch as of today, so the archive already says who published on time, late,
 * not at all, withdrew or changed a report.
 */
import type { Database } from 'better-sqlite3';
import { startDemoPortals } from '../../demo/portal/demo-portals.ts';
import { FAMILY_DEMO_REPORTS } from '../../demo/portal/family-demos.ts';
import { DEMO_REPORTS } from '../../demo/reports/catalogue.ts';
import { DEMO_HISTORY, laterReports, REVISED_SLUG, WITHDRAWN_SLUG } from '../../demo/reports/history.ts';
import type { FetcherOptions } from '../../crawlers/http/fetcher-options.ts';
import type { CrawlEventSink } from '../crawl/crawl-events.ts';
import { runCrawl, type CrawlSummary } from '../crawl/run-crawl.ts';
import { runWatch, type WatchSummary } from '../watch/run-watch.ts';
import { todayInChina } from '../watch/statuses-today.ts';

/** Fixed loopback ports, so report URLs (and report keys in the archive) are the same on every demo run. */
export const DEMO_PORTS = [47181, 47182, 47183, 47184] as const;

export interface DemoResult {
  readonly first: CrawlSummary;
  readonly second: CrawlSummary;
  /** Page bodies the portal sent during the second crawl, robots.txt aside: the revised report and the withdrawn one's empty page. */
  readonly secondPassBodies: number;
  readonly portalIds: readonly string[];
  /** URLs of the report withdrawn and the report revised between the crawls. */
  readonly withdrawn: string;
  readonly revised: string;
  /** The watch as of today: counts per status, over every expected body and year. */
  readonly watch: WatchSummary;
}

export interface DemoOptions {
  /** Loopback ports of the demo sites (default DEMO_PORTS; 0 = any free port, for tests). */
  readonly ports?: readonly number[];
  /** Fetcher settings (default: short politeness delays, the portal is on this machine). */
  readonly fetcher?: Partial<FetcherOptions>;
  /** Delay of the demo's slow page, ms (default 300). */
  readonly slowMs?: number;
}

export async function runDemo(db: Database, onEvent: CrawlEventSink, demoOptions: DemoOptions = {}): Promise<DemoResult> {
  // The Hanweb portals and the other families' demo portals (TRS …), each with its reports.
  const served = [...DEMO_REPORTS, ...DEMO_HISTORY, ...FAMILY_DEMO_REPORTS];
  const demo = await startDemoPortals({ ports: [...(demoOptions.ports ?? DEMO_PORTS)], reports: served, otherFamilies: true, ...(demoOptions.slowMs === undefined ? {} : { slowMs: demoOptions.slowMs }) });
  try {
    const options = {
      portals: demo.portals,
      fetcher: demoOptions.fetcher ?? { perHostDelayMs: 20, timeoutMs: 10_000, maxRetries: 3, backoffBaseMs: 200 },
      onEvent,
    };
    const first = await runCrawl(db, options);
    const withdrawn = demo.reportUrl(WITHDRAWN_SLUG);
    const revised = demo.reportUrl(REVISED_SLUG);
    demo.setReports(laterReports(served));
    const bodiesBefore = sentBodies(demo.sites);
    const second = await runCrawl(db, options);
    const secondPassBodies = sentBodies(demo.sites) - bodiesBefore;
    const watch = runWatch(db, { portals: demo.portals, asOf: todayInChina() }, null);
    return { first, second, secondPassBodies, portalIds: demo.portals.map((p) => p.id), withdrawn, revised, watch };
  } finally {
    await demo.close();
  }
}

function sentBodies(sites: Awaited<ReturnType<typeof startDemoPortals>>['sites']): number {
  return Object.values(sites).reduce((sum, site) => sum + site.stats.bodies.filter((path) => path !== '/robots.txt').length, 0);
}
