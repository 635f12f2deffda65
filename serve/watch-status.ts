/**
 * The status of one body × year, which colours the grid — the one place the grid learns it. Statuses are the watch's
 * (on time, late, missing, …): computed as of today by the status source the server is given (the same computation
 * as `nianbao missing`, injected by the command so that serve/ does not reach into jobs/), else the ones the last
 * nightly run stored (store/watch-statuses.ts). Slots the watch has not judged are archived / not archived from the
 * reports. `STATUS_LEGEND` names every colour.
 */
import type { Database } from 'better-sqlite3';
import type { GridReport } from '../store/serve-grid.ts';
import { dataVersion } from '../store/serve-open.ts';
import { listWatchStatuses, type WatchStatus as JudgedStatus, type WatchStatusRow } from '../store/watch-statuses.ts';

export type SlotStatus = JudgedStatus | 'archived' | 'not-archived';

/** Short Chinese label (the legend reads in one line) and an English hint for the tooltip. */
export const STATUS_LEGEND: readonly { readonly status: SlotStatus; readonly label: string; readonly hint: string }[] = [
  { status: 'on_time', label: '按时', hint: 'on time: published by the deadline' },
  { status: 'late', label: '逾期', hint: 'late: published after the deadline' },
  { status: 'missing', label: '缺失', hint: 'missing: deadline passed, the portal was checked and shows no report' },
  { status: 'removed', label: '已撤下', hint: 'removed: archived, and the portal no longer serves it' },
  { status: 'changed', label: '发布后修改', hint: 'changed: a new version appeared after publication' },
  { status: 'not_due', label: '未到期', hint: 'not due: the deadline has not passed' },
  { status: 'unknown', label: '未知', hint: 'unknown: no report, and no evidence of absence (portal down or not checked)' },
  { status: 'archived', label: '已归档', hint: 'archived, not judged by the watch (no portal configuration)' },
  { status: 'not-archived', label: '未归档', hint: 'not archived, not judged by the watch' },
];

/** Where statuses as of a date come from (jobs/watch/statuses-today.ts in `nianbao serve`). */
export interface StatusSource {
  /** The date statuses hold as of: today in China. */
  asOf(): string;
  /** Every expected body's status for every report year as of `asOf`; reads the archive only. */
  statuses(db: Database, asOf: string): readonly WatchStatusRow[];
}

/** The statuses the grid shows and the date they hold as of (null: stored by the last nightly run, or none). */
export interface Judgement {
  readonly asOf: string | null;
  readonly rows: readonly WatchStatusRow[];
}

/**
 * Statuses as of today from the source, computed once per archive version and day (the grid is asked for
 * unfiltered and by each kind; one computation serves all), and while a crawl commits to the archive at most once
 * per `minIntervalMs` (the computation costs ~0.6 ms per body-year: seconds on a large archive, and statuses are
 * day-granular anyway). The stored ones without a source or when it fails.
 */
export class StatusJudge {
  private kept: { version: number; asOf: string; at: number; judgement: Judgement } | null = null;

  constructor(
    private readonly source: StatusSource | undefined,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly minIntervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  judgement(db: Database): Judgement {
    if (this.source === undefined) return { asOf: null, rows: listWatchStatuses(db) };
    const asOf = this.source.asOf();
    const version = dataVersion(db);
    const kept = this.kept;
    if (kept !== null && kept.asOf === asOf && (kept.version === version || this.now() - kept.at < this.minIntervalMs)) return kept.judgement;
    let judgement: Judgement;
    try {
      judgement = { asOf, rows: this.source.statuses(db, asOf) };
    } catch (error) {
      // A stored portal configuration this version cannot read: the grid still shows what the last nightly stored.
      this.onError(error);
      judgement = { asOf: null, rows: listWatchStatuses(db) };
    }
    this.kept = { version, asOf, at: this.now(), judgement };
    return judgement;
  }

  /** A key that changes when the day does, so cached answers are not kept past midnight. */
  day(): string {
    return this.source?.asOf() ?? '';
  }
}

export interface JudgedSlot {
  readonly status: JudgedStatus;
  readonly bodyName: string;
  readonly bodyKind: string | null;
  readonly reportId: number | null;
  readonly daysLate: number | null;
  /** Capture ids of the pages checked (what `nianbao missing` prints as evidence). */
  readonly evidence: readonly number[];
}

/** The watch's statuses by `portal|bodyKey|year` (empty when nothing judged the archive). */
export function judgedStatuses(judgement: Judgement, portalId?: string): Map<string, JudgedSlot> {
  const rows = portalId === undefined ? judgement.rows : judgement.rows.filter((r) => r.portalId === portalId);
  return new Map(
    rows.map((r) => [slotKey(r.portalId, r.bodyKey, r.year), { status: r.status, bodyName: r.bodyName, bodyKind: r.bodyKind, reportId: r.reportId, daysLate: r.daysLate, evidence: r.evidence }]),
  );
}

export const slotKey = (portalId: string, bodyKey: string, year: number): string => `${portalId}|${bodyKey}|${year}`;

/** The watch's judgement when there is one, else archived / not archived from the reports. */
export function slotStatus(judged: JudgedSlot | undefined, reports: readonly GridReport[]): SlotStatus {
  if (judged !== undefined) return judged.status;
  return reports.length === 0 ? 'not-archived' : 'archived';
}
