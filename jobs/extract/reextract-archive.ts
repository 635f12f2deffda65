/**
 * A backfill: every current report of the archive extracted again from its archived capture (never the network)
 * under the current extractor, through archiveReportFromCapture — a report whose content comes out the same stays
 * as it is ('unchanged'), one that differs gets a new version. Table images may be read by a queue of workers
 * (`imageTables`, jobs/queue) while this process stays the archive's only writer; several reports are then in
 * flight at once (`concurrency`) so that several workers have work. A report that fails is listed with its code and
 * the backfill goes on; a StopError ends it.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError, type ErrorCode } from '../../common/errors.ts';
import { currentReportCaptures, type ReportCapture } from '../../store/report-captures.ts';
import type { SaveOutcome } from '../../store/reports.ts';
import { archiveReportFromCapture } from './archive-report.ts';
import type { DocumentExtractionOptions } from './attached-documents.ts';

export interface ReextractOptions extends DocumentExtractionOptions {
  readonly portalId?: string;
  /** Reports extracted at once. Default 1 (in-process OCR uses the cores already); with a queue, about the workers' count × 2. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onReport?: (done: ReextractedReport) => void;
}

export type ReextractedReport =
  | { readonly capture: ReportCapture; readonly outcome: SaveOutcome; readonly reportId: number }
  | { readonly capture: ReportCapture; readonly outcome: 'failed'; readonly code: ErrorCode | 'E_INTERNAL'; readonly message: string };

export interface ReextractSummary {
  readonly reports: number;
  readonly unchanged: number;
  readonly newVersions: number;
  readonly failed: readonly Extract<ReextractedReport, { outcome: 'failed' }>[];
  /** Stopped by `signal` before every report was done. */
  readonly interrupted: boolean;
}

export async function reextractArchive(db: Database, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const todo = currentReportCaptures(db, options.portalId);
  const done: ReextractedReport[] = [];
  let next = 0;
  let halted = false;
  const lane = async (): Promise<void> => {
    while (next < todo.length && !halted && options.signal?.aborted !== true) {
      const capture = todo[next]!;
      next += 1;
      const one = await reextractOne(db, capture, options).catch((error: unknown) => {
        halted = true; // a StopError: the other lanes take nothing new
        throw error;
      });
      done.push(one);
      options.onReport?.(one);
    }
  };
  // Every lane ends before a StopError is passed on, so nothing writes to the archive after this returns.
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, todo.length)) }, lane));
  const stopped = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (stopped !== undefined) throw stopped.reason;
  return {
    reports: done.length,
    unchanged: done.filter((d) => d.outcome === 'unchanged').length,
    newVersions: done.filter((d) => d.outcome === 'new' || d.outcome === 'new_version').length,
    failed: done.filter((d): d is Extract<ReextractedReport, { outcome: 'failed' }> => d.outcome === 'failed'),
    interrupted: done.length < todo.length,
  };
}

async function reextractOne(db: Database, capture: ReportCapture, options: ReextractOptions): Promise<ReextractedReport> {
  const target = { portalId: capture.portalId, ...(capture.agencyKey === null ? {} : { agencyKey: capture.agencyKey }) };
  try {
    const archived = await archiveReportFromCapture(db, capture.captureId, target, { ocr: options.ocr ?? null, imageTables: options.imageTables ?? null });
    return { capture, outcome: archived.outcome, reportId: archived.reportId };
  } catch (error) {
    if (isNianbaoError(error) && error.action === 'stop') throw error;
    return { capture, outcome: 'failed', code: isNianbaoError(error) ? error.code : 'E_INTERNAL', message: errorMessage(error) };
  }
}
