/**
 * The captures the archive's current reports were extracted from, with what archiving them again needs (portal,
 * agency key): the input of a backfill that re-extracts the archive under the current extractor
 * (jobs/extract/reextract-archive.ts). Older versions are history and are not re-extracted.
 */
import type { Database } from 'better-sqlite3';
import { stmt } from './statements.ts';

export interface ReportCapture {
  readonly reportId: number;
  readonly captureId: number;
  readonly portalId: string;
  readonly url: string;
  /** The report's agency's portal-local key (xxgk area, or the name it was archived under), or null. */
  readonly agencyKey: string | null;
  readonly extractorVersion: string;
}

export function currentReportCaptures(db: Database, portalId?: string): ReportCapture[] {
  return stmt(
    db,
    `SELECT r.id AS reportId, r.source_capture_id AS captureId, r.portal_id AS portalId, r.url AS url, a.key AS agencyKey,
            r.extractor_version AS extractorVersion
       FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id
      WHERE r.is_current = 1 AND r.source_capture_id IS NOT NULL AND (? IS NULL OR r.portal_id = ?)
      ORDER BY r.id`,
  ).all(portalId ?? null, portalId ?? null) as ReportCapture[];
}
