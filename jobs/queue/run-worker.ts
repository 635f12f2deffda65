/**
 * `nianbao worker`: takes image-table jobs from the queue, one at a time, on any machine that reaches PostgreSQL.
 * For each: a result already recorded for its input and extractor version is reused (no OCR); otherwise the bytes
 * are read from PostgreSQL (image-blobs.ts), the same extractImageTables runs with the default engines (PP-OCR and
 * the tesseract.js verifier, jobs/extract/lazy-ocr-engine.ts) and the result is recorded once, with this worker's
 * name. A worker killed mid-job loses nothing: pg-boss hands the job to another worker once it expires.
 */
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { SkipError } from '../../common/errors.ts';
import { extractImageTables } from '../../extract/ocr/extract-image-tables.ts';
import type { OcrEngine } from '../../extract/ocr/engine.ts';
import { lazyOcrEngine } from '../extract/lazy-ocr-engine.ts';
import { readImageBlobs } from './image-blobs.ts';
import { parseImageTablesJob, QUEUE_EXTRACTOR_VERSION } from './image-tables-job.ts';
import { openQueue, type OpenQueue } from './open-queue.ts';
import { IMAGE_TABLES_QUEUE, type QueueConfig } from './queue-config.ts';
import { findTableResult, saveTableResult } from './table-results.ts';

export interface WorkerOptions {
  readonly queue: QueueConfig;
  /** Recorded with each result and in each cell's provenance. Default `<hostname>:<pid>`. */
  readonly name?: string;
  /** Stop after this many jobs (tests, benchmarks); default: until `signal`. */
  readonly maxJobs?: number;
  /** Aborted by SIGINT/SIGTERM: the job in hand is finished, then the worker stops. */
  readonly signal?: AbortSignal;
  /** How often an idle worker asks for a job, seconds (≥ 0.5). Default 1. */
  readonly pollingIntervalSeconds?: number;
  readonly engine?: () => Promise<OcrEngine>;
  readonly onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { readonly type: 'ready'; readonly name: string }
  | { readonly type: 'job'; readonly jobId: string; readonly images: number; readonly outcome: 'recorded' | 'already-recorded' | 'reused'; readonly ms: number; readonly cpuMs: number }
  | { readonly type: 'job-failed'; readonly jobId: string; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

export interface WorkerSummary {
  readonly name: string;
  /** Jobs whose result this worker recorded (it ran the OCR). */
  readonly recorded: number;
  /** Jobs it ran the OCR for but another worker had recorded the result first (changes nothing). */
  readonly alreadyRecorded: number;
  /** Jobs whose result was there when it took them (no OCR). */
  readonly reused: number;
  readonly failed: number;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const emit = options.onEvent ?? (() => undefined);
  const queue = await openQueue(options.queue, (error) => emit({ type: 'error', message: error.message }));
  const engine = lazyOcrEngine(options.engine);
  const counts = { recorded: 0, alreadyRecorded: 0, reused: 0, failed: 0 };
  let done = (): void => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const handled = (): number => counts.recorded + counts.alreadyRecorded + counts.reused + counts.failed;
  try {
    if (options.signal?.aborted !== true) {
      options.signal?.addEventListener('abort', () => done(), { once: true });
      await queue.boss.work<unknown>(IMAGE_TABLES_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async ([job]) => {
        if (job === undefined) return;
        try {
          const outcome = await workOne(queue, job, name, engine.get);
          counts[outcome.outcome === 'recorded' ? 'recorded' : outcome.outcome === 'reused' ? 'reused' : 'alreadyRecorded'] += 1;
          emit({ type: 'job', jobId: job.id, ...outcome });
        } catch (error) {
          counts.failed += 1;
          emit({ type: 'job-failed', jobId: job.id, message: error instanceof Error ? error.message : String(error) });
          throw error; // pg-boss fails the job; it is retried (retryLimit) on any worker
        } finally {
          if (options.maxJobs !== undefined && handled() >= options.maxJobs) {
            void queue.boss.offWork(IMAGE_TABLES_QUEUE);
            done();
          }
        }
      });
      emit({ type: 'ready', name });
      await finished;
    }
  } finally {
    await queue.close();
    await engine.terminate();
  }
  return { name, ...counts };
}

async function workOne(
  queue: OpenQueue,
  job: PgBoss.Job<unknown>,
  name: string,
  engine: () => Promise<OcrEngine>,
): Promise<{ images: number; outcome: 'recorded' | 'already-recorded' | 'reused'; ms: number; cpuMs: number }> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const { pool, settings } = queue;
  const data = parseImageTablesJob(job.data);
  if (data.extractorVersion !== QUEUE_EXTRACTOR_VERSION) {
    throw new SkipError('E_QUEUE_INVALID', `job ${job.id} wants extractor ${data.extractorVersion}; this worker runs ${QUEUE_EXTRACTOR_VERSION}`);
  }
  const measure = (): { ms: number; cpuMs: number } => {
    const used = process.cpuUsage(cpu);
    return { ms: Date.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
  if ((await findTableResult(pool, settings.schema, data.inputDigest, data.extractorVersion)) !== null) {
    return { images: data.images.length, outcome: 'reused', ...measure() };
  }
  const bytes = await readImageBlobs(pool, settings.schema, data.images.map((i) => i.sha256));
  const images = data.images.map((i) => ({ sourceId: i.sourceId, bytes: bytes.get(i.sha256)! }));
  const result = await extractImageTables(images, await engine(), { template: data.template });
  const used = measure();
  const recorded = await saveTableResult(pool, settings.schema, { inputDigest: data.inputDigest, extractorVersion: data.extractorVersion, result, worker: name, jobId: job.id, cpuMs: used.cpuMs });
  return { images: data.images.length, outcome: recorded ? 'recorded' : 'already-recorded', ...used };
}
