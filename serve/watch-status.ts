/**
 * The status of one body × year, which colours the grid — the one place the grid learns it. The nightly watch's
 * statuses (store/watch-statuses.ts: on time, late, missing, …) win where the watch has judged a slot; elsewhere the
 * status is derived from the reports archived (archived / not archived). `STATUS_LEGEND` names every colour.
 */
import type { Database } from 'better-sqlite3';
import type { GridReport } from '../store/serve-grid.ts';
import { listWatchStatuses, type WatchStatus as JudgedStatus } from '../store/watch-statuses.ts';

export type SlotStatus = JudgedStatus | 'archived' | 'not-archived';

export const STATUS_LEGEND: readonly { readonly status: SlotStatus; readonly label: string }[] = [
  { status: 'on_time', label: '按时 on time' },
  { status: 'late', label: '逾期 late' },
  { status: 'missing', label: '缺失 missing' },
  { status: 'changed', label: '发布后修改 changed' },
  { status: 'removed', label: '已撤下 removed' },
  { status: 'not_due', label: '未到期 not due' },
  { status: 'unknown', label: '未知 unknown' },
  { status: 'archived', label: '已归档（未经监测） archived' },
  { status: 'not-archived', label: '未归档 not archived' },
];

export interface JudgedSlot {
  readonly status: JudgedStatus;
  readonly bodyName: string;
  readonly bodyKind: string | null;
  readonly reportId: number | null;
  readonly daysLate: number | null;
}

/** The watch's statuses by `portal|bodyKey|year` (empty when the watch has not run). */
export function judgedStatuses(db: Database, portalId?: string): Map<string, JudgedSlot> {
  const rows = listWatchStatuses(db, portalId === undefined ? {} : { portalId });
  return new Map(
    rows.map((r) => [slotKey(r.portalId, r.bodyKey, r.year), { status: r.status, bodyName: r.bodyName, bodyKind: r.bodyKind, reportId: r.reportId, daysLate: r.daysLate }]),
  );
}

export const slotKey = (portalId: string, bodyKey: string, year: number): string => `${portalId}|${bodyKey}|${year}`;

/** The watch's judgement when there is one, else archived / not archived from the reports. */
export function slotStatus(judged: JudgedSlot | undefined, reports: readonly GridReport[]): SlotStatus {
  if (judged !== undefined) return judged.status;
  return reports.length === 0 ? 'not-archived' : 'archived';
}
