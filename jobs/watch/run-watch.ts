/**
 * The watch: the expected set, every expected body's status for each report year as of a date, and the cross-year
 * checks. `computeStatuses` only reads the archive (used by `nianbao missing`); `runWatch` also stores the statuses
 * (with history) and the cross-year checks (used by `nianbao nightly`).
 */
import type { Database } from 'better-sqlite3';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { listExpectedBodies, type ExpectedBodyEntry } from '../../store/watch-expected.ts';
import { listReportYears, replaceCrossChecks, type CrossCheckRow } from '../../store/watch-reports.ts';
import { saveWatchStatuses, WATCH_STATUSES, type StatusChange, type WatchStatus, type WatchStatusRow } from '../../store/watch-statuses.ts';
import { bodyYearStatus } from './body-status.ts';
import { crossYearChecks } from './cross-year.ts';
import { endOfChinaDay } from './dates.ts';
import { buildExpectedSet, isExpected, type ExpectedBody } from './expected-set.ts';

export interface StatusQuery {
  readonly portals: readonly PortalConfig[];
  /** `YYYY-MM-DD` (China) the statuses hold as of. */
  readonly asOf: string;
  /** Report years; default per portal: its configured years and every year it has reports for. */
  readonly years?: readonly number[];
  /** The user's list; default: the one stored by the last `nightly --expected`. */
  readonly expected?: readonly ExpectedBodyEntry[];
}

export interface StatusResult {
  readonly asOf: string;
  readonly bodies: readonly ExpectedBody[];
  readonly statuses: readonly WatchStatusRow[];
}

export function computeStatuses(db: Database, query: StatusQuery): StatusResult {
  const expected = query.expected ?? listExpectedBodies(db);
  const bodies = buildExpectedSet(db, query.portals, expected);
  const until = endOfChinaDay(query.asOf);
  const statuses: WatchStatusRow[] = [];
  for (const portal of query.portals) {
    const years = query.years ?? [...new Set([...portal.years, ...listReportYears(db, portal.id)])].sort((a, b) => a - b);
    const ctx = { db, portal, asOf: query.asOf, until };
    for (const body of bodies.filter((b) => b.portalId === portal.id)) {
      for (const year of years) if (isExpected(body, year)) statuses.push(bodyYearStatus(ctx, body, year));
    }
  }
  statuses.sort((a, b) => a.portalId.localeCompare(b.portalId) || a.year - b.year || a.bodyName.localeCompare(b.bodyName) || a.bodyKey.localeCompare(b.bodyKey));
  return { asOf: query.asOf, bodies, statuses };
}

export interface WatchSummary {
  readonly asOf: string;
  readonly counts: Readonly<Record<WatchStatus, number>>;
  readonly changes: readonly StatusChange[];
  readonly crossChecks: { readonly total: number; readonly carryFailing: number; readonly similar: number };
  readonly failingCrossChecks: readonly CrossCheckRow[];
}

export function runWatch(db: Database, query: StatusQuery, nightlyRunId: number | null): WatchSummary {
  const result = computeStatuses(db, query);
  const changes = saveWatchStatuses(db, result.statuses, nightlyRunId);
  const cross = crossYearChecks(db, result.bodies);
  replaceCrossChecks(db, cross);
  const failing = cross.filter((c) => !c.ok);
  return {
    asOf: result.asOf,
    counts: countStatuses(result.statuses),
    changes,
    crossChecks: { total: cross.length, carryFailing: failing.filter((c) => c.checkId.startsWith('cross.carry.')).length, similar: failing.filter((c) => c.checkId === 'cross.similar').length },
    failingCrossChecks: failing,
  };
}

export function countStatuses(statuses: readonly WatchStatusRow[]): Record<WatchStatus, number> {
  const counts = Object.fromEntries(WATCH_STATUSES.map((s) => [s, 0])) as Record<WatchStatus, number>;
  for (const s of statuses) counts[s.status] += 1;
  return counts;
}
