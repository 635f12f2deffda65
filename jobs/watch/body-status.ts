/**
 * The status of one expected body for one report year, as of a date, from the archive only:
 *   not_due   the deadline has not passed and no report was found;
 *   on_time   published on or before the deadline;
 *   late      published after the deadline (days_late says by how many days);
 *   missing   the deadline has passed and the pages that would show the report were checked after it and do not:
 *             the xxgk report URL answered its empty shell (or 404/410), and the portal's 年报 listings were all read;
 *   removed   a report was archived, and the portal no longer serves it (its URL answers the empty shell or 404/410,
 *             or a complete listing no longer links it);
 *   changed   a new version appeared after publication (detail: the cells that changed);
 *   unknown   the deadline has passed, no report was found, and there is no evidence of absence (the portal was down,
 *             slow, refused us, or was never checked after the deadline). Never reported as missing.
 */
import type { Database } from 'better-sqlite3';
import { annualReportUrl, parseAnnualReportUrl } from '../../crawlers/hanweb/urls.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { completeListingEvidence, lastServedAt, latestConclusiveCapture, runFetchedUrl } from '../../store/watch-evidence.ts';
import { reportCellValues, reportVersionsOf, type WatchReportVersion } from '../../store/watch-reports.ts';
import type { WatchStatusRow } from '../../store/watch-statuses.ts';
import { diffCells } from './cell-diff.ts';
import { addDays, startOfChinaDay } from './dates.ts';
import { deadlineFor } from './deadlines.ts';
import type { ExpectedBody } from './expected-set.ts';
import { judgeTimeliness } from './publish-time.ts';

export interface StatusContext {
  readonly db: Database;
  readonly portal: PortalConfig;
  /** `YYYY-MM-DD` the status holds as of. */
  readonly asOf: string;
  /** Last instant (UTC ISO) of `asOf` in China: nothing newer is looked at. */
  readonly until: string;
}

interface Document {
  readonly reportKey: string;
  /** Versions first seen by `until`, oldest first. */
  readonly versions: readonly WatchReportVersion[];
  readonly current: WatchReportVersion;
  readonly firstSeenAt: string;
}

export function bodyYearStatus(ctx: StatusContext, body: ExpectedBody, year: number): WatchStatusRow {
  const deadline = deadlineFor(body.kind, year, ctx.portal.deadlines);
  const base = {
    portalId: body.portalId,
    bodyKey: body.key,
    year,
    bodyName: body.name,
    bodyKind: body.kind,
    bodySources: body.sources,
    asOf: ctx.asOf,
    deadline: deadline.date,
    deadlineRule: deadline.rule,
  };
  const documents = documentsOf(ctx, body, year);
  if (documents.length > 0) return { ...base, ...foundStatus(ctx, documents, deadline.date) };
  const none = { reportId: null, publishedAt: null, publishedSource: null, firstSeenAt: null, daysLate: null };
  if (ctx.asOf <= deadline.date) return { ...base, ...none, status: 'not_due', evidence: [], detail: null };
  return { ...base, ...none, ...absence(ctx, body, year, deadline.date) };
}

function documentsOf(ctx: StatusContext, body: ExpectedBody, year: number): Document[] {
  const byKey = new Map<string, WatchReportVersion[]>();
  for (const v of reportVersionsOf(ctx.db, ctx.portal.id, year, body.agencyIds, ctx.until)) byKey.set(v.reportKey, [...(byKey.get(v.reportKey) ?? []), v]);
  return [...byKey.entries()].map(([reportKey, versions]) => {
    const current = versions.find((v) => v.isCurrent) ?? versions[versions.length - 1]!;
    const firstSeenAt = versions.reduce((min, v) => (v.firstSeenAt < min ? v.firstSeenAt : min), versions[0]!.firstSeenAt);
    return { reportKey, versions, current, firstSeenAt };
  });
}

type Outcome = Pick<WatchStatusRow, 'status' | 'reportId' | 'publishedAt' | 'publishedSource' | 'firstSeenAt' | 'daysLate' | 'evidence' | 'detail'>;

function foundStatus(ctx: StatusContext, documents: readonly Document[], deadline: string): Outcome {
  const withdrawn = new Map(documents.map((d) => [d.reportKey, withdrawal(ctx, d)]));
  const live = documents.filter((d) => withdrawn.get(d.reportKey) === null);
  const judged = (live.length > 0 ? live : documents)
    .map((doc) => ({ doc, timeliness: judgeTimeliness(ctx.db, doc.current, doc.firstSeenAt, deadline) }))
    .sort((a, b) => a.timeliness.publish.publishedAt.localeCompare(b.timeliness.publish.publishedAt));
  const primary = judged[0]!;
  const common = {
    reportId: primary.doc.current.id,
    publishedAt: primary.timeliness.publish.publishedAt,
    publishedSource: primary.timeliness.publish.source,
    firstSeenAt: primary.doc.firstSeenAt,
    daysLate: primary.timeliness.daysLate,
  };
  const timeliness = primary.timeliness.late ? 'late' : 'on_time';
  if (live.length === 0) {
    const evidence = [...new Set(documents.flatMap((d) => withdrawn.get(d.reportKey)?.evidence ?? []))].sort((a, b) => a - b);
    return { ...common, status: 'removed', evidence, detail: { timeliness, withdrawn: documents.map((d) => ({ url: d.reportKey, ...withdrawn.get(d.reportKey) })) } };
  }
  const changed = live.find((d) => d.versions.length > 1);
  if (changed !== undefined) {
    const previous = [...changed.versions].filter((v) => v.id !== changed.current.id).sort((a, b) => b.firstSeenAt.localeCompare(a.firstSeenAt) || b.id - a.id)[0]!;
    const cells = diffCells(reportCellValues(ctx.db, previous.id), reportCellValues(ctx.db, changed.current.id));
    const evidence = [previous.sourceCaptureId, changed.current.sourceCaptureId].filter((id): id is number => id !== null);
    return {
      ...common,
      status: 'changed',
      evidence,
      detail: {
        timeliness,
        url: changed.reportKey,
        fromReportId: previous.id,
        toReportId: changed.current.id,
        fromVersion: previous.version,
        toVersion: changed.current.version,
        changedAt: changed.current.firstSeenAt,
        versions: changed.versions.length,
        cells,
      },
    };
  }
  const evidence = primary.doc.current.sourceCaptureId === null ? [] : [primary.doc.current.sourceCaptureId];
  return { ...common, status: timeliness, evidence, detail: null };
}

interface Withdrawal {
  readonly evidence: readonly number[];
  readonly lastServedAt: string | null;
  readonly how: 'gone' | 'unlisted';
}

/** Evidence that the portal no longer serves this document, or null when it still does (or nothing says otherwise). */
function withdrawal(ctx: StatusContext, doc: Document): Withdrawal | null {
  const url = doc.reportKey;
  const served = lastServedAt(ctx.db, url, ctx.until);
  const latest = latestConclusiveCapture(ctx.db, url, ctx.until);
  if (latest !== null && latest.absent) return { evidence: [latest.captureId], lastServedAt: served, how: 'gone' };
  if (parseAnnualReportUrl(url) !== null) return null; // xxgk pages are probed directly: only their own answer counts
  const listing = completeListingEvidence(ctx.db, ctx.portal.id, ctx.until);
  if (listing === null || served === null || listing.checkedAt <= served || runFetchedUrl(ctx.db, listing.runId, url)) return null;
  return { evidence: listing.captureIds, lastServedAt: served, how: 'unlisted' };
}

/** No report: missing when every page that would show it was checked after the deadline, else unknown. */
function absence(ctx: StatusContext, body: ExpectedBody, year: number, deadline: string): Pick<Outcome, 'status' | 'evidence' | 'detail'> {
  const notBefore = startOfChinaDay(addDays(deadline, 1));
  const evidence: number[] = [];
  const lacking: string[] = [];
  const channels: string[] = [];
  if (body.probeKey !== null) {
    channels.push('xxgk');
    const url = annualReportUrl(ctx.portal.baseUrl, body.probeKey, year);
    const latest = latestConclusiveCapture(ctx.db, url, ctx.until);
    if (latest !== null && latest.absent && latest.fetchedAt >= notBefore) evidence.push(latest.captureId);
    else lacking.push(latest === null ? `xxgk page never answered: ${url}` : latest.absent ? `xxgk page last checked before the deadline: ${url}` : `xxgk page answered with content that is not an archived report: ${url}`);
  }
  // 年报 listings count where config names them or the crawl found them from the portal's address (TRS channels …).
  const listing = completeListingEvidence(ctx.db, ctx.portal.id, ctx.until);
  if (ctx.portal.reportColumns.length > 0 || ctx.portal.reportMenuUrls.length > 0 || listing !== null) {
    channels.push('listing');
    if (listing !== null && listing.checkedAt >= notBefore) evidence.push(...listing.captureIds);
    else lacking.push(listing === null ? '年报 listings never read completely' : '年报 listings last read completely before the deadline');
  }
  if (channels.length === 0) return { status: 'unknown', evidence: [], detail: { reason: 'no page of this portal can show this body\'s report (no xxgk key, no 年报 listing)' } };
  if (lacking.length > 0) return { status: 'unknown', evidence: evidence.sort((a, b) => a - b), detail: { reason: 'no evidence of absence', lacking } };
  return { status: 'missing', evidence: evidence.sort((a, b) => a - b), detail: { checked: channels } };
}
