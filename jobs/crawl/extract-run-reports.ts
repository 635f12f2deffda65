/** After a run's fetching: extract every report page the run captured (or confirmed unchanged) into the archive. */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError } from '../../common/errors.ts';
import { parseAnnualReportUrl } from '../../crawlers/hanweb/urls.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { listRunFinalCaptures } from '../../store/captures.ts';
import { archiveReportFromCapture } from '../extract/archive-report.ts';
import { contentCaptureId } from '../extract/read-capture.ts';
import type { CrawlEventSink } from './crawl-events.ts';

export interface ExtractionCounts {
  new: number;
  newVersion: number;
  unchanged: number;
  /** Pages that answered but hold no report (the xxgk page of a missing report, an empty shell). */
  noReport: number;
  failed: number;
}

export function extractRunReports(db: Database, runId: number, portals: readonly PortalConfig[], onEvent: CrawlEventSink): ExtractionCounts {
  const counts: ExtractionCounts = { new: 0, newVersion: 0, unchanged: 0, noReport: 0, failed: 0 };
  const known = new Set(portals.map((p) => p.id));
  for (const capture of listRunFinalCaptures(db, runId, 'report')) {
    if (!known.has(capture.portalId)) continue;
    const contentId = contentCaptureId(db, capture.id);
    if (contentId === null) continue;
    try {
      const archived = archiveReportFromCapture(db, contentId, { portalId: capture.portalId, agencyKey: parseAnnualReportUrl(capture.requestedUrl)?.area });
      const key = archived.outcome === 'new_version' ? 'newVersion' : archived.outcome;
      counts[key] += 1;
      onEvent({ type: 'report', url: archived.url, outcome: archived.outcome, reportId: archived.reportId, title: archived.report.title });
    } catch (error) {
      if (isNianbaoError(error) && error.code === 'E_NOT_A_REPORT') {
        counts.noReport += 1;
        onEvent({ type: 'no-report', url: capture.requestedUrl, code: error.code, message: error.message });
      } else {
        counts.failed += 1;
        onEvent({ type: 'skipped', url: capture.requestedUrl, kind: 'report', code: isNianbaoError(error) ? error.code : 'E_INTERNAL', message: errorMessage(error) });
      }
    }
  }
  return counts;
}
