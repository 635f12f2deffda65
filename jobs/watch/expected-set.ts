/**
 * The expected set: which bodies must publish which year. Built from what the portals show — bodies in the portal
 * config and the xxgk catalogue (expected every year), bodies known only from their reports (expected from their first
 * report year on) — plus the user's list, which adds bodies (for a range of years) or retires them.
 * An agency known only from a report whose name equals a listed body's name is the same body (an article keyed by
 * name, the xxgk entry keyed by USCC).
 */
import type { Database } from 'better-sqlite3';
import { inferAgencyKind } from '../../crawlers/hanweb/agency-kind.ts';
import type { AgencyKind, PortalConfig } from '../../crawlers/portal-config.ts';
import { listAgencies } from '../../store/agencies.ts';
import type { ExpectedBodyEntry } from '../../store/watch-expected.ts';
import { reportYearsByAgency } from '../../store/watch-reports.ts';

export type BodySource = 'config' | 'catalogue' | 'report' | 'user';

export interface YearRange {
  readonly from: number | null;
  readonly to: number | null;
}

export interface ExpectedBody {
  readonly portalId: string;
  /** Portal-local key (xxgk area, or the printed name for bodies known only from reports). */
  readonly key: string;
  readonly name: string;
  readonly kind: AgencyKind | null;
  readonly sources: readonly BodySource[];
  /** Archive agency rows that are this body. */
  readonly agencyIds: readonly number[];
  /** The xxgk `area` to probe for this body's reports, or null when it is only known by name. */
  readonly probeKey: string | null;
  /** Years the user added it for (empty when not user-added). */
  readonly userRanges: readonly YearRange[];
  /** Years the user retired it for. */
  readonly retired: readonly YearRange[];
  /** Years it has reports for. */
  readonly reportYears: readonly number[];
}

interface MutableBody {
  portalId: string;
  key: string;
  name: string;
  kind: AgencyKind | null;
  kindFromUser: boolean;
  sources: Set<BodySource>;
  agencyIds: Set<number>;
  probeKey: string | null;
  userRanges: YearRange[];
  retired: YearRange[];
  reportYears: Set<number>;
}

export function buildExpectedSet(db: Database, portals: readonly PortalConfig[], userEntries: readonly ExpectedBodyEntry[]): ExpectedBody[] {
  return portals.flatMap((portal) => portalBodies(db, portal, userEntries.filter((e) => e.portalId === portal.id)));
}

function portalBodies(db: Database, portal: PortalConfig, userEntries: readonly ExpectedBodyEntry[]): ExpectedBody[] {
  const byKey = new Map<string, MutableBody>();
  const byName = new Map<string, MutableBody>();
  const years = reportYearsByAgency(db, portal.id);
  const newBody = (key: string, name: string, kind: AgencyKind | null, probeKey: string | null): MutableBody => {
    const body: MutableBody = { portalId: portal.id, key, name, kind, kindFromUser: false, sources: new Set(), agencyIds: new Set(), probeKey, userRanges: [], retired: [], reportYears: new Set() };
    byKey.set(key, body);
    if (name !== '') byName.set(normaliseName(name), body);
    return body;
  };
  const agencies = listAgencies(db, portal.id);
  // Listed bodies first (config, catalogue), then bodies known from reports, which may be the same body by name.
  for (const agency of [...agencies.filter((a) => a.source !== 'report'), ...agencies.filter((a) => a.source === 'report')]) {
    const listed = agency.source !== 'report';
    const body = byKey.get(agency.key) ?? (listed ? undefined : byName.get(normaliseName(agency.name))) ?? newBody(agency.key, agency.name, agency.kind, listed ? agency.key : null);
    body.sources.add(agency.source);
    body.agencyIds.add(agency.id);
    if (body.kind === null) body.kind = agency.kind;
    if (body.name === '' && agency.name !== '') body.name = agency.name;
    for (const y of years.get(agency.id) ?? []) body.reportYears.add(y);
  }
  for (const entry of userEntries) {
    const body = byKey.get(entry.key) ?? byName.get(normaliseName(entry.name ?? entry.key)) ?? newBody(entry.key, entry.name ?? entry.key, entry.kind, entry.key);
    const range = { from: entry.fromYear, to: entry.toYear };
    if (entry.action === 'retire') body.retired.push(range);
    else {
      body.sources.add('user');
      body.userRanges.push(range);
      if (body.probeKey === null && portal.annualReportModule) body.probeKey = entry.key;
    }
    if (entry.kind !== null) {
      body.kind = entry.kind;
      body.kindFromUser = true;
    }
    if (entry.name !== null && (body.name === body.key || body.name === '')) body.name = entry.name;
  }
  return [...byKey.values()].map((b) => ({
    portalId: b.portalId,
    key: b.key,
    name: b.name === '' ? b.key : b.name,
    kind: b.kind ?? inferAgencyKind(b.name),
    sources: [...b.sources].sort(),
    agencyIds: [...b.agencyIds].sort((x, y) => x - y),
    probeKey: portal.annualReportModule ? b.probeKey : null,
    userRanges: b.userRanges,
    retired: b.retired,
    reportYears: [...b.reportYears].sort((x, y) => x - y),
  }));
}

function inRange(range: YearRange, year: number): boolean {
  return (range.from === null || year >= range.from) && (range.to === null || year <= range.to);
}

/**
 * Whether `body` must publish a report for `year`: not retired for it, and either it has one, the user added it for
 * that year (a user's years, when given, decide: the user knows when a body was created), it is listed by the portal
 * (config, catalogue), or it published in an earlier year.
 */
export function isExpected(body: ExpectedBody, year: number): boolean {
  if (body.retired.some((r) => inRange(r, year))) return false;
  if (body.reportYears.includes(year)) return true;
  if (body.userRanges.length > 0) return body.userRanges.some((r) => inRange(r, year));
  if (body.sources.includes('config') || body.sources.includes('catalogue')) return true;
  const first = body.reportYears[0];
  return first !== undefined && year > first;
}

function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}
