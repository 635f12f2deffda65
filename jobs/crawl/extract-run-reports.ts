/**
 * After a run's fetching: extract every report page the run captured (or confirmed unchanged) into the archive,
 * with the documents each page links (PDF, Word, Excel attachments; OCR started only when a document needs it).
 * Each page is extracted under the guards of quarantined-extraction.ts (time limit, attempts, quarantine) and fails
 * alone: whatever one page does, the others are extracted and the run reaches its final state.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError } from '../../common/errors.ts';
import { parseAnnualReportUrl } from '../../crawlers/hanweb/urls.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { listRunFinalCaptures } from '../../store/captures.ts';
import { recordNoReportPage } from '../../store/watch-evidence.ts';
import { archiveReportFromCapture, saveExtractedReport, type ArchivedReport, type ArchiveTarget } from '../extract/archive-report.ts';
import { ExtractionProcess } from '../extract/extraction-process.ts';
import { contentCaptureId } from '../../store/captured-document.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { lazyOcrEngine } from '../extract/lazy-ocr-engine.ts';
import { DEFAULT_EXTRACTION_TIMEOUT_MS } from '../extract/extraction-deadline.ts';
import { alreadyExtracted } from './already-extracted.ts';
import { extractQuarantined } from './quarantined-extraction.ts';
import type { CrawlEventSink } from './crawl-events.ts';

export interface ExtractionCounts {
  new: number;
  newVersion: number;
  unchanged: number;
  /** Pages that answered but hold no report (the xxgk page of a missing report, an empty shell). */
  noReport: number;
  failed: number;
}

export interface ExtractRunOptions {
  /** Makes the OCR engine for image tables inside documents; default PP-OCR + tesseract.js, started on first need. */
  readonly ocr?: (() => Promise<OcrEngine>) | null;
  /** Time limit per report page with its documents and OCR (default 120 s); over it: E_EXTRACTION_TIMEOUT. */
  readonly timeoutMs?: number;
}

export async function extractRunReports(
  db: Database,
  runId: number,
  portals: readonly PortalConfig[],
  onEvent: CrawlEventSink,
  options: ExtractRunOptions = {},
): Promise<ExtractionCounts> {
  const ocr = options.ocr === undefined ? lazyOcrEngine() : options.ocr === null ? null : lazyOcrEngine(options.ocr);
  const separate = new ExtractionProcess();
  try {
    return await extractAll(db, runId, portals, onEvent, { ocr: ocr?.get ?? null, timeoutMs: options.timeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS, separate });
  } finally {
    separate.close();
    await ocr?.terminate();
  }
}

interface ExtractSettings {
  readonly ocr: (() => Promise<OcrEngine>) | null;
  readonly timeoutMs: number;
  /** Where captures suspected of killing their process are extracted (started on first need). */
  readonly separate: ExtractionProcess;
}

/**
 * Extracts and saves capture `captureId`: in this process, or — `isolated` — in the separate extraction process (an
 * in-memory archive cannot be shared with it, so it stays here).
 */
async function archiveCapture(db: Database, captureId: number, target: ArchiveTarget, url: string, settings: ExtractSettings, signal: AbortSignal, isolated: boolean): Promise<ArchivedReport> {
  if (!isolated || db.memory) return archiveReportFromCapture(db, captureId, target, { ocr: settings.ocr, signal });
  const extracted = await settings.separate.extract({ dbFile: db.name, captureId, ocr: settings.ocr !== null }, url, signal);
  signal.throwIfAborted();
  return saveExtractedReport(db, captureId, target, extracted);
}

async function extractAll(db: Database, runId: number, portals: readonly PortalConfig[], onEvent: CrawlEventSink, settings: ExtractSettings): Promise<ExtractionCounts> {
  const counts: ExtractionCounts = { new: 0, newVersion: 0, unchanged: 0, noReport: 0, failed: 0 };
  const known = new Set(portals.map((p) => p.id));
  for (const capture of listRunFinalCaptures(db, runId, 'report')) {
    if (!known.has(capture.portalId)) continue;
    const contentId = contentCaptureId(db, capture.id);
    if (contentId === null) continue;
    const unchanged = alreadyExtracted(db, contentId, runId, capture.portalId);
    if (unchanged !== null) {
      counts.unchanged += 1;
      onEvent({ type: 'report', url: unchanged.url, outcome: 'unchanged', reportId: unchanged.id, title: unchanged.title });
      continue;
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
  return counts;
}
