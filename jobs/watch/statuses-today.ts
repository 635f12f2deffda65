/**
 * Every expected body's status, for every report year, as of a date — what `nianbao missing` computes, for all years
 * at once, from the archive alone: the portal configurations stored by the last crawl and the expected list stored
 * by the last `nightly --expected`. `nianbao serve` colours its grid with this (today in China), so an archive shows
 * late and missing reports before any nightly run.
 */
import type { Database } from 'better-sqlite3';
import { parsePortals, type PortalConfig } from '../../crawlers/portal-config.ts';
import { listPortals } from '../../store/portals.ts';
import type { WatchStatusRow } from '../../store/watch-statuses.ts';
import { chinaDate } from './dates.ts';
import { computeStatuses } from './run-watch.ts';

/** Portal configurations stored in the archive (portals added without one, e.g. by `extract <url>`, are left out). */
export function storedPortalConfigs(db: Database): PortalConfig[] {
  const configs = listPortals(db).map((p) => p.config).filter((c): c is object => c !== null && typeof c === 'object');
  return parsePortals(configs, 'the portal configurations stored in the archive');
}

/** Statuses of every stored portal's expected bodies, every year, as of `asOf` (`YYYY-MM-DD`). Reads only. */
export function statusesAsOf(db: Database, asOf: string): readonly WatchStatusRow[] {
  return computeStatuses(db, { portals: storedPortalConfigs(db), asOf }).statuses;
}

/** Today's date in China, the day statuses are computed as of. */
export function todayInChina(now: Date = new Date()): string {
  return chinaDate(now);
}
