/**
 * A run's report extraction. With extraction processes (`workers` ≥ 1, the default: one per core) report pages are
 * extracted while the crawl goes on fetching: each page is handed over (`add`) as soon as it and the files it links
 * are fetched (report-feed.ts), extracted in a free process of the pool (jobs/extract/extraction-pool.ts) and saved
 * by the crawl's process, the archive's single writer. `finish` then extracts every report page the run captured (or
 * confirmed unchanged) that was not handed over — pages of an earlier process of a resumed run, pages whose files
 * never settled — and waits for all. With `workers` 0 everything is extracted in the crawl's process in that final
 * pass, after fetching. Each page fails alone (extract-report-capture.ts).
 */
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { StopError } from '../../common/errors.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { listRunFinalCaptures, runFinalCapture, type CaptureRow } from '../../store/captures.ts';
import { DEFAULT_EXTRACTION_TIMEOUT_MS } from '../extract/extraction-deadline.ts';
import { ExtractionPool } from '../extract/extraction-pool.ts';
import { ExtractionProcess } from '../extract/extraction-process.ts';
import { lazyOcrEngine } from '../extract/lazy-ocr-engine.ts';
import { lazyQueueReader, type LazyQueueReader } from '../queue/lazy-queue-reader.ts';
import type { QueueConfig } from '../queue/queue-config.ts';
import type { CrawlEventSink } from './crawl-events.ts';
import { extractReportCapture, type CaptureExtractionSettings, type ExtractionCounts } from './extract-report-capture.ts';

export type { ExtractionCounts } from './extract-report-capture.ts';

/** Pages waiting for extraction before more than one extraction process works (see RunExtraction.limit). */
const BACKLOG_FOR_MORE_PROCESSES = 4;

/** Most extraction processes a run may start (`--extract-workers`). */
export const MAX_EXTRACT_WORKERS = 64;

/** Extraction processes by default: one per core the process may use. */
export function defaultExtractWorkers(): number {
  return Math.min(MAX_EXTRACT_WORKERS, os.availableParallelism());
}

/**
 * The extraction processes a run on `db` starts with these options (0: extraction in the crawl's process); throws
 * StopError E_USAGE for options that cannot hold. Call it before starting a run.
 */
export function extractionWorkers(db: Database, options: ExtractRunOptions = {}): number {
  const workers = options.workers ?? defaultExtractWorkers();
  if (!Number.isInteger(workers) || workers < 0 || workers > MAX_EXTRACT_WORKERS) {
    throw new StopError('E_USAGE', `extraction workers: expected an integer from 0 to ${MAX_EXTRACT_WORKERS}, got ${workers}`);
  }
  if (typeof options.ocr === 'function' && workers > 0 && !db.memory) {
    throw new StopError('E_USAGE', "a custom OCR engine runs in the crawl's process: give it extraction workers 0");
  }
  return db.memory ? 0 : workers;
}

export interface ExtractRunOptions {
  /**
   * Makes the OCR engine for image tables inside documents; default PP-OCR + tesseract.js, started on first need. A
   * custom engine cannot be handed to another process: it needs `workers: 0`. `null`: no OCR.
   */
  readonly ocr?: (() => Promise<OcrEngine>) | null;
  /** Time limit per report page with its documents and OCR (default 120 s); over it: E_EXTRACTION_TIMEOUT. */
  readonly timeoutMs?: number;
  /**
   * Extraction processes working while the crawl fetches, 0–64 (default: one per core). 0: pages are extracted in the
   * crawl's own process after fetching. An in-memory archive is always extracted in the crawl's process.
   */
  readonly workers?: number;
  /**
   * The OCR queue (`--queue`): report pages' table images are read by `nianbao worker` processes instead of here or
   * in the extraction processes; the crawl stays the archive's only writer.
   */
  readonly queue?: QueueConfig | null;
}

export class RunExtraction {
  readonly counts: ExtractionCounts = { new: 0, newVersion: 0, unchanged: 0, noReport: 0, failed: 0 };
  private readonly settings: CaptureExtractionSettings;
  private readonly pool: ExtractionPool | null;
  private readonly separate = new ExtractionProcess();
  private readonly ocr: ReturnType<typeof lazyOcrEngine> | null;
  private readonly queueReader: LazyQueueReader | null;
  private readonly known: ReadonlySet<string>;
  /** Final captures handed over (queued, running or done), by id. */
  private readonly handed = new Set<number>();
  private readonly queue: CaptureRow[] = [];
  private running = 0;
  private readonly idle: (() => void)[] = [];
  private stopped = false;
  /** The first error outside a page's own failure (the archive failed): it ends the extraction. */
  private failure: { readonly error: unknown } | null = null;

  constructor(
    private readonly db: Database,
    private readonly runId: number,
    portals: readonly PortalConfig[],
    onEvent: CrawlEventSink,
    options: ExtractRunOptions = {},
  ) {
    const workers = extractionWorkers(db, options);
    this.ocr = options.ocr === undefined ? lazyOcrEngine() : options.ocr === null ? null : lazyOcrEngine(options.ocr);
    this.pool = workers > 0 ? new ExtractionPool(workers) : null;
    this.known = new Set(portals.map((p) => p.id));
    const queue = options.queue ?? null;
    this.queueReader = queue === null ? null : lazyQueueReader(queue);
    this.settings = {
      runId,
      ocr: this.ocr?.get ?? null,
      timeoutMs: options.timeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS,
      queue: queue === null || this.queueReader === null ? null : { config: queue, read: this.queueReader.read },
      children: this.pool,
      separate: this.separate,
      onEvent,
    };
  }

  /** Whether pages are extracted while fetching goes on (`add`), or only by `finish`. */
  get whileFetching(): boolean {
    return this.pool !== null;
  }

  /** Report pages handed over and not extracted yet (running included). */
  get pending(): number {
    return this.queue.length + this.running;
  }

  /** Report pages extracted so far, whatever the outcome. */
  get extracted(): number {
    const c = this.counts;
    return c.new + c.newVersion + c.unchanged + c.noReport + c.failed;
  }

  /** Hands over the run's final capture of report page `url` (requested URL), if it has one not handed over yet. */
  add(url: string): void {
    if (!this.whileFetching || this.stopped) return;
    this.pool?.warmUp();
    const capture = runFinalCapture(this.db, this.runId, 'report', url);
    if (capture !== null) this.push(capture);
  }

  /** Extracts the run's report pages not handed over yet, waits for every extraction, and releases the processes. */
  async finish(): Promise<ExtractionCounts> {
    try {
      for (const capture of listRunFinalCaptures(this.db, this.runId, 'report')) this.push(capture);
      await this.settled();
      if (this.failure !== null) throw this.failure.error;
      return this.counts;
    } finally {
      await this.close();
    }
  }

  /** Starts nothing more, waits for the extractions under way, and releases the processes (the run failed or stopped). */
  async abandon(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.settled();
    await this.close();
  }

  private push(capture: CaptureRow): void {
    if (this.stopped || this.handed.has(capture.id) || !this.known.has(capture.portalId)) return;
    this.handed.add(capture.id);
    this.queue.push(capture);
    this.pump();
  }

  /**
   * Extractions to run at once: one, and every process of the pool once pages queue up. A process costs about a
   * second of CPU to start, so a small crawl, whose pages come one by one, keeps to one.
   */
  private limit(): number {
    const size = this.pool?.size ?? 1;
    return this.queue.length >= BACKLOG_FOR_MORE_PROCESSES ? size : Math.max(1, Math.min(size, this.running));
  }

  private pump(): void {
    while (this.running < this.limit() && this.queue.length > 0 && !this.stopped) {
      const capture = this.queue.shift() as CaptureRow;
      this.running += 1;
      void extractReportCapture(this.db, capture, this.settings, this.counts)
        .catch((error: unknown) => {
          // A page's own failure is counted inside; what comes out is the archive failing: stop, and let finish throw it.
          this.failure ??= { error };
          this.stopped = true;
        })
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.running === 0 && (this.queue.length === 0 || this.stopped)) for (const resolve of this.idle.splice(0)) resolve();
        });
    }
  }

  private settled(): Promise<void> {
    if (this.running === 0 && (this.queue.length === 0 || this.stopped)) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async close(): Promise<void> {
    this.pool?.close();
    this.separate.close();
    await this.ocr?.terminate();
    await this.queueReader?.close();
  }
}

/** Extracts every report page run `runId` captured (or confirmed unchanged), after its fetching. */
export async function extractRunReports(
  db: Database,
  runId: number,
  portals: readonly PortalConfig[],
  onEvent: CrawlEventSink,
  options: ExtractRunOptions = {},
): Promise<ExtractionCounts> {
  return new RunExtraction(db, runId, portals, onEvent, options).finish();
}
