/**
 * One report page of a run extracted into the archive, with the documents it links (PDF, Word, Excel attachments;
 * OCR started only when a document needs it), under the guards of quarantined-extraction.ts (time limit, attempts,
 * quarantine). It fails alone: whatever the page does, the caller goes on with the others. Where it is extracted:
 * in an extraction process (`settings.children`, the run's pool), or in this process — and then, for a page a crawl
 * died on, in the separate process (`isolated`). The archive is written only here, by the crawl's process.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError } from '../../common/errors.ts';
import { parseAnnualReportUrl } from '../../crawlers/hanweb/urls.ts';
import type { ImageTablesReader } from '../../extract/documents/types.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import type { CaptureRow } from '../../store/captures.ts';
import { contentCaptureId } from '../../store/captured-document.ts';
import { recordNoReportPage } from '../../store/watch-evidence.ts';
import { archiveReportFromCapture, saveExtractedReport, type ArchivedReport, type ArchiveTarget, type ExtractedCapture } from '../extract/archive-report.ts';
import type { ExtractionRequest } from '../extract/extraction-messages.ts';
import type { QueueConfig } from '../queue/queue-config.ts';
import { alreadyExtracted } from './already-extracted.ts';
import type { CrawlEventSink } from './crawl-events.ts';
import { extractQuarantined } from './quarantined-extraction.ts';

export interface ExtractionCounts {
  new: number;
  newVersion: number;
  unchanged: number;
  /** Pages that answered but hold no report (the xxgk page of a missing report, an empty shell). */
  noReport: number;
  failed: number;
}

/** Extraction in another process: an ExtractionProcess or an ExtractionPool. */
export interface ChildExtractor {
  extract(request: Omit<ExtractionRequest, 'id'>, url: string, signal: AbortSignal): Promise<ExtractedCapture>;
}

export interface CaptureExtractionSettings {
  readonly runId: number;
  readonly ocr: (() => Promise<OcrEngine>) | null;
  readonly timeoutMs: number;
  /** The OCR queue table images go to (`--queue`), or null: read here (or in the extraction process) with `ocr`. */
  readonly queue: { readonly config: QueueConfig; readonly read: ImageTablesReader } | null;
  /** The run's extraction processes, or null: extract in this process. */
  readonly children: ChildExtractor | null;
  /** Where a capture suspected of killing its process is extracted when `children` is null (started on first need). */
  readonly separate: ChildExtractor;
  readonly onEvent: CrawlEventSink;
}

/** Extracts `capture` (the run's final capture of a report page) and counts its outcome in `counts`. */
export async function extractReportCapture(db: Database, capture: CaptureRow, settings: CaptureExtractionSettings, counts: ExtractionCounts): Promise<void> {
  const { runId, onEvent } = settings;
  const contentId = contentCaptureId(db, capture.id);
  if (contentId === null) return;
  const unchanged = alreadyExtracted(db, contentId, runId, capture.portalId);
  if (unchanged !== null) {
    counts.unchanged += 1;
    onEvent({ type: 'report', url: unchanged.url, outcome: 'unchanged', reportId: unchanged.id, title: unchanged.title });
    return;
  }
  try {
    const target = { portalId: capture.portalId, agencyKey: parseAnnualReportUrl(capture.requestedUrl)?.area };
    const guarded = { captureId: contentId, runId, url: capture.requestedUrl };
    const archived = await extractQuarantined(db, guarded, settings.timeoutMs, (signal, isolated) => archiveCapture(db, contentId, target, capture.requestedUrl, settings, signal, isolated));
    const key = archived.outcome === 'new_version' ? 'newVersion' : archived.outcome;
    counts[key] += 1;
    onEvent({ type: 'report', url: archived.url, outcome: archived.outcome, reportId: archived.reportId, title: archived.report.title });
    for (const problem of archived.documentProblems) {
      onEvent({ type: 'skipped', portalId: capture.portalId, url: problem.url, kind: 'attachment', code: problem.code, message: `capture ${problem.captureId}: ${problem.message}` });
    }
  } catch (error) {
    if (isNianbaoError(error) && error.code === 'E_NOT_A_REPORT') {
      counts.noReport += 1;
      // Evidence of absence for the watch: this URL answered, and held no report.
      recordNoReportPage(db, { captureId: capture.id, contentCaptureId: contentId, runId, portalId: capture.portalId, requestedUrl: capture.requestedUrl, reasonCode: error.code });
      onEvent({ type: 'no-report', url: capture.requestedUrl, code: error.code, message: error.message });
    } else {
      counts.failed += 1;
      onEvent({ type: 'skipped', portalId: capture.portalId, url: capture.requestedUrl, kind: 'report', code: isNianbaoError(error) ? error.code : 'E_INTERNAL', message: errorMessage(error) });
    }
  }
}

/**
 * Extracts and saves capture `captureId`: in an extraction process when the run has them, else in this process — or,
 * `isolated`, in the separate one. An in-memory archive cannot be shared with another process: it stays here.
 */
async function archiveCapture(
  db: Database,
  captureId: number,
  target: ArchiveTarget,
  url: string,
  settings: CaptureExtractionSettings,
  signal: AbortSignal,
  isolated: boolean,
): Promise<ArchivedReport> {
  const child = db.memory ? null : (settings.children ?? (isolated ? settings.separate : null));
  if (child === null) return archiveReportFromCapture(db, captureId, target, { ocr: settings.ocr, imageTables: settings.queue?.read ?? null, signal });
  const extracted = await child.extract({ dbFile: db.name, captureId, ocr: settings.ocr !== null, queue: settings.queue?.config ?? null }, url, signal);
  signal.throwIfAborted();
  return saveExtractedReport(db, captureId, target, extracted);
}
