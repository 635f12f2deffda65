/** A temp archive holding the demo portal crawled twice (13 reports; the second crawl answers with 304s). */
import type { Database } from 'better-sqlite3';
import { startDemoPortals } from '../../../demo/portal/demo-portals.ts';
import { runCrawl } from '../../../jobs/crawl/run-crawl.ts';
import { FAST_FETCHER, tempArchive } from '../../helpers/temp-archive.ts';

export interface CrawledArchive {
  readonly file: string;
  readonly dir: string;
  readonly db: Database;
}

export async function crawledDemoArchive(): Promise<CrawledArchive> {
  const demo = await startDemoPortals({ slowMs: 10, flakyFailures: 0 });
  const { db, file, dir } = tempArchive('nianbao-research-');
  try {
    await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
    await runCrawl(db, { portals: demo.portals, fetcher: FAST_FETCHER });
  } finally {
    await demo.close();
  }
  return { file, dir, db };
}
