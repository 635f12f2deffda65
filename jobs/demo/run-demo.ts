/**
 * The main job on the embedded default: serve the bundled demo portal on loopback, crawl it into the archive,
 * then crawl it again to show that nothing unchanged is transferred twice.
 */
import type { Database } from 'better-sqlite3';
import { startDemoPortals } from '../../demo/portal/demo-portals.ts';
import type { CrawlEventSink } from '../crawl/crawl-events.ts';
import { runCrawl, type CrawlSummary } from '../crawl/run-crawl.ts';

/** Fixed loopback ports, so report URLs (and report keys in the archive) are the same on every demo run. */
export const DEMO_PORTS = [47181, 47182, 47183] as const;

export interface DemoResult {
  readonly first: CrawlSummary;
  readonly second: CrawlSummary;
  /** Page bodies the portal sent during the second crawl, robots.txt aside (0 when every page answered 304). */
  readonly secondPassBodies: number;
  readonly portalIds: readonly string[];
}

export async function runDemo(db: Database, onEvent: CrawlEventSink): Promise<DemoResult> {
  const demo = await startDemoPortals({ ports: [...DEMO_PORTS] });
  try {
    const options = {
      portals: demo.portals,
      // Politeness still applies, with short delays: the portal is on this machine.
      fetcher: { perHostDelayMs: 20, timeoutMs: 10_000, maxRetries: 3, backoffBaseMs: 200 },
      onEvent,
    };
    const first = await runCrawl(db, options);
    const bodiesBefore = sentBodies(demo.sites);
    const second = await runCrawl(db, options);
    return { first, second, secondPassBodies: sentBodies(demo.sites) - bodiesBefore, portalIds: demo.portals.map((p) => p.id) };
  } finally {
    await demo.close();
  }
}

function sentBodies(sites: Awaited<ReturnType<typeof startDemoPortals>>['sites']): number {
  return Object.values(sites).reduce((sum, site) => sum + site.stats.bodies.filter((path) => path !== '/robots.txt').length, 0);
}
