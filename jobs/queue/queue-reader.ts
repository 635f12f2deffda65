/**
 * The producer's side: an ImageTablesReader (extract/documents/types.ts) that hands a report's table images to the
 * queue's workers instead of reading them here. A result already recorded for the same input and extractor version
 * is reused (no OCR); otherwise the bytes are stored by digest, one job is sent, and the reader waits until a
 * worker records the result. The archive (SQLite) stays with the caller: workers never write it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SkipError, StopError } from '../../common/errors.ts';
import type { ImageTablesReader } from '../../extract/documents/types.ts';
import type { ImageTablesResult } from '../../extract/ocr/types.ts';
import { putImageBlobs } from './image-blobs.ts';
import { imageTablesJob, type ImageTablesJob } from './image-tables-job.ts';
import type { OpenQueue } from './open-queue.ts';
import { IMAGE_TABLES_QUEUE } from './queue-config.ts';
import { findTableResult, type StoredTableResult } from './table-results.ts';

export interface QueueReaderCounts {
  /** Jobs sent to workers. */
  sent: number;
  /** Results found already recorded (no OCR). */
  reused: number;
}

/** The result as the extraction uses it: the worker's name goes with it into each cell's provenance. */
function asRead(stored: StoredTableResult): ImageTablesResult {
  return { ...stored.result, worker: stored.worker };
}

/**
 * `signal` (SIGINT/SIGTERM) ends a wait with StopError E_INTERRUPTED: the jobs stay queued, workers go on recording
 * their results, and the next run reuses them.
 */
export function queueImageTablesReader(queue: OpenQueue, counts: QueueReaderCounts = { sent: 0, reused: 0 }, signal?: AbortSignal): ImageTablesReader {
  const { pool, boss, settings } = queue;
  return async (images, { template }) => {
    const { job, blobs } = imageTablesJob(images, template);
    const known = await findTableResult(pool, settings.schema, job.inputDigest, job.extractorVersion);
    if (known !== null) {
      counts.reused += 1;
      return asRead(known);
    }
    await putImageBlobs(pool, settings.schema, blobs);
    const id = await boss.send(IMAGE_TABLES_QUEUE, job, { expireInSeconds: settings.expireInSeconds, retryLimit: settings.retryLimit, retryDelay: 0 });
    if (id === null) throw new SkipError('E_QUEUE_JOB_FAILED', `the queue refused the job for ${job.images.map((i) => i.sourceId).join(', ')}`);
    counts.sent += 1;
    return asRead(await awaitResult(queue, job, id, signal));
  };
}

/**
 * Polls for the job's result. A job that failed on every attempt (or vanished without a result) is a SkipError
 * E_QUEUE_JOB_FAILED with the worker's last error: this report's images could not be read, the next ones may.
 */
async function awaitResult(queue: OpenQueue, job: ImageTablesJob, id: string, signal: AbortSignal | undefined): Promise<StoredTableResult> {
  const { pool, boss, settings } = queue;
  for (let poll = 0; ; poll += 1) {
    if (signal?.aborted === true) {
      throw new StopError('E_INTERRUPTED', `interrupted while waiting for queue job ${id}; it stays queued and its result will be reused by the next run`);
    }
    const stored = await findTableResult(pool, settings.schema, job.inputDigest, job.extractorVersion);
    if (stored !== null) return stored;
    if (poll % 8 === 7) {
      const state = await boss.getJobById(IMAGE_TABLES_QUEUE, id, { includeArchive: true });
      const ended = state === null || state.state === 'failed' || state.state === 'cancelled' || state.state === 'completed';
      // A completed job whose result is not there yet cannot happen (the worker records it before completing), but
      // read once more before calling it lost.
      if (ended) {
        const late = await findTableResult(pool, settings.schema, job.inputDigest, job.extractorVersion);
        if (late !== null) return late;
        const why = state === null ? 'the job is gone' : `${state.state} after ${state.retryCount} retries: ${JSON.stringify(state.output ?? null)}`;
        throw new SkipError('E_QUEUE_JOB_FAILED', `queue job ${id} for ${job.images.map((i) => i.sourceId).join(', ')}: ${why}`);
      }
    }
    await sleep(settings.resultPollMs);
  }
}
