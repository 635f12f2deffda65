/**
 * Saving an extracted report as a version of its document (identified by `report_key`, the canonical source URL).
 * Everything happens in one transaction: a crash or an error leaves the archive as it was.
 */
import type { Database } from 'better-sqlite3';
import type { ExtractedReport } from '../extract/types.ts';
import { contentDigest, mergeCells } from './report-content.ts';
import { writeReportSummary } from './report-summaries.ts';
import { stmt } from './statements.ts';

export type SaveOutcome = 'new' | 'new_version' | 'unchanged';

export interface ReportFileInput {
  /** The capture holding the file's bytes, or null when not (yet) fetched. */
  readonly captureId: number | null;
  readonly url: string;
  readonly kind: 'attachment' | 'image';
  readonly label: string;
}

export interface SaveReportInput {
  readonly portalId: string;
  readonly agencyId: number | null;
  /** Stable identity of the document: its canonical source URL. */
  readonly reportKey: string;
  readonly url: string;
  readonly sourceCaptureId: number | null;
  readonly report: ExtractedReport;
  readonly files: readonly ReportFileInput[];
  /** When this content was seen (the capture's fetch time), ISO. */
  readonly seenAt: string;
  /** Cells read from another capture than `sourceCaptureId` (an attached PDF, a flip-book page): key → capture id. */
  readonly cellCaptureIds?: ReadonlyMap<string, number>;
}

export interface SaveResult {
  readonly reportId: number;
  readonly outcome: SaveOutcome;
}

/**
 * - same content as the current version → 'unchanged': nothing written except newly captured files (and the
 *   agency when it was unknown);
 * - content never seen for this key → a new row (version = highest + 1) becomes current, the previous current
 *   row and its cells are kept: 'new' for the first version (or the first from a complete capture: rows an older
 *   extractor read from a cut-off capture do not count), else 'new_version';
 * - content equal to an older, non-current version (the page was reverted) → that row becomes current again:
 *   'new_version' (no duplicate row; its version number is kept).
 */
export function saveReport(db: Database, input: SaveReportInput): SaveResult {
  const digest = contentDigest(input.report);
  const save = db.transaction((): SaveResult => {
    const same = stmt(db, 'SELECT id, is_current FROM reports WHERE report_key = ? AND content_sha256 = ?').get(input.reportKey, digest) as
      | { id: number; is_current: 0 | 1 }
      | undefined;
    if (same !== undefined) {
      attachFiles(db, same.id, input.files);
      stmt(db, 'UPDATE reports SET agency_id = ? WHERE id = ? AND agency_id IS NULL AND ? IS NOT NULL').run(input.agencyId, same.id, input.agencyId);
      if (same.is_current === 1) return { reportId: same.id, outcome: 'unchanged' };
      stmt(db, 'UPDATE reports SET is_current = 0 WHERE report_key = ? AND is_current = 1').run(input.reportKey);
      stmt(db, 'UPDATE reports SET is_current = 1 WHERE id = ?').run(same.id);
      return { reportId: same.id, outcome: 'new_version' };
    }
    const latest = stmt(db, 'SELECT max(version) AS v FROM reports WHERE report_key = ?').get(input.reportKey) as { v: number | null };
    // Versions read (by an older extractor) from a cut-off or failed capture are kept, but a version is only new
    // against a complete one.
    const complete = stmt(
      db,
      `SELECT count(*) AS n FROM reports r WHERE r.report_key = ?
         AND NOT EXISTS (SELECT 1 FROM captures c WHERE c.id = r.source_capture_id AND c.error_code IS NOT NULL)`,
    ).get(input.reportKey) as { n: number };
    stmt(db, 'UPDATE reports SET is_current = 0 WHERE report_key = ? AND is_current = 1').run(input.reportKey);
    const reportId = insertReport(db, input, digest, (latest.v ?? 0) + 1);
    insertCells(db, reportId, input);
    insertChecks(db, reportId, input.report);
    writeReportSummary(db, reportId);
    attachFiles(db, reportId, input.files);
    return { reportId, outcome: complete.n === 0 ? 'new' : 'new_version' };
  });
  return save.immediate();
}

function insertReport(db: Database, input: SaveReportInput, digest: string, version: number): number {
  const r = input.report;
  const row = stmt(
    db,
    `INSERT INTO reports (portal_id, agency_id, report_key, version, is_current, year, title, agency_name, published_at,
       published_at_raw, first_seen_at, source_capture_id, url, template, full_text, sections, content_sha256,
       extractor_version, missing_tables, warnings)
     VALUES (@portalId, @agencyId, @reportKey, @version, 1, @year, @title, @agencyName, @publishedAt, @publishedAtRaw,
       @seenAt, @sourceCaptureId, @url, @template, @fullText, @sections, @digest, @extractorVersion, @missingTables, @warnings)
     RETURNING id`,
  ).get({
    portalId: input.portalId,
    agencyId: input.agencyId,
    reportKey: input.reportKey,
    version,
    year: r.year,
    title: r.title,
    agencyName: r.agency,
    publishedAt: r.publishedAt,
    publishedAtRaw: r.publishedAtRaw,
    seenAt: input.seenAt,
    sourceCaptureId: input.sourceCaptureId,
    url: input.url,
    template: r.template,
    fullText: r.text,
    sections: JSON.stringify(r.sections),
    digest,
    extractorVersion: r.extractorVersion,
    missingTables: JSON.stringify(r.missingTables),
    warnings: JSON.stringify(r.warnings),
  }) as { id: number };
  return row.id;
}

function insertCells(db: Database, reportId: number, input: SaveReportInput): void {
  const insert = stmt(
    db,
    `INSERT INTO cells (report_id, key, value, raw, method, location, confidence, extractor_version, source_capture_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const cell of mergeCells(input.report)) {
    const d = cell.detail;
    insert.run(
      reportId,
      cell.key,
      cell.value,
      d?.raw ?? null,
      d?.method ?? null,
      d?.location ?? null,
      d?.confidence ?? null,
      input.report.extractorVersion,
      input.cellCaptureIds?.get(cell.key) ?? input.sourceCaptureId,
    );
  }
}

function insertChecks(db: Database, reportId: number, report: ExtractedReport): void {
  const insert = stmt(
    db,
    `INSERT INTO check_results (report_id, check_id, ok, left_value, right_value, nulls_as_zero) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (report_id, check_id) DO UPDATE SET ok = excluded.ok, left_value = excluded.left_value,
       right_value = excluded.right_value, nulls_as_zero = excluded.nulls_as_zero`,
  );
  for (const check of report.checks) {
    insert.run(reportId, check.id, check.ok ? 1 : 0, check.left, check.right, JSON.stringify(check.nullsAsZero));
  }
}

/** Adds files not yet linked to the report; for known ones, records a newer capture of the file. */
function attachFiles(db: Database, reportId: number, files: readonly ReportFileInput[]): void {
  const upsert = stmt(
    db,
    `INSERT INTO report_files (report_id, url, kind, label, capture_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (report_id, url) DO UPDATE SET capture_id = excluded.capture_id
     WHERE excluded.capture_id IS NOT NULL AND (capture_id IS NULL OR excluded.capture_id > capture_id)`,
  );
  for (const file of files) upsert.run(reportId, file.url, file.kind, file.label, file.captureId);
}
