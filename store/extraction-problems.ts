/** Files that could not be read as part of a report, recorded against their captures (migration 004). */
import type { Database } from 'better-sqlite3';
import type { ErrorCode } from '../common/errors.ts';
import { nowIso, stmt } from './statements.ts';

export interface NewExtractionProblem {
  /** Capture of the file that could not be read. */
  readonly captureId: number;
  /** Capture of the report page that links it, when there is one. */
  readonly reportCaptureId: number | null;
  readonly code: ErrorCode;
  readonly message: string;
  readonly extractorVersion: string;
}

/** As read back: the code is whatever was recorded (an archive may hold codes of an older version). */
export interface ExtractionProblemRow extends Omit<NewExtractionProblem, 'code'> {
  readonly code: string;
  readonly id: number;
  readonly recordedAt: string;
}

/** Record a problem once per capture, code and extractor version (re-extraction does not duplicate it). */
export function recordExtractionProblem(db: Database, problem: NewExtractionProblem): void {
  stmt(
    db,
    `INSERT OR IGNORE INTO extraction_problems (capture_id, report_capture_id, code, message, extractor_version, recorded_at)
     VALUES (@captureId, @reportCaptureId, @code, @message, @extractorVersion, @recordedAt)`,
  ).run({ ...problem, recordedAt: nowIso() });
}

/** Problems recorded for a file's capture, or for the files of a report page's capture. */
export function listExtractionProblems(db: Database, filter: { captureId?: number; reportCaptureId?: number } = {}): ExtractionProblemRow[] {
  const rows = stmt(
    db,
    `SELECT id, capture_id, report_capture_id, code, message, extractor_version, recorded_at FROM extraction_problems
      WHERE (@captureId IS NULL OR capture_id = @captureId) AND (@reportCaptureId IS NULL OR report_capture_id = @reportCaptureId)
      ORDER BY id`,
  ).all({ captureId: filter.captureId ?? null, reportCaptureId: filter.reportCaptureId ?? null }) as {
    id: number;
    capture_id: number;
    report_capture_id: number | null;
    code: string;
    message: string;
    extractor_version: string;
    recorded_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    captureId: r.capture_id,
    reportCaptureId: r.report_capture_id,
    code: r.code,
    message: r.message,
    extractorVersion: r.extractor_version,
    recordedAt: r.recorded_at,
  }));
}
