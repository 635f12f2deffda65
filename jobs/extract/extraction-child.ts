/**
 * The child side of extraction-process.ts: extracts archived captures one at a time for the parent that started it
 * (a crawl), reading the archive read-only, and answers over IPC. It serves until its parent disconnects — which is
 * also what happens when the parent dies — then releases its OCR engine and archives so the process can end.
 */
import type { Database } from 'better-sqlite3';
import { errorMessage, isNianbaoError } from '../../common/errors.ts';
import { openArchive } from '../../store/open-archive.ts';
import { extractArchivedCapture } from './archive-report.ts';
import type { ExtractionFailure, ExtractionReply, ExtractionRequest } from './extraction-messages.ts';
import { lazyQueueReader, type LazyQueueReader } from '../queue/lazy-queue-reader.ts';
import type { QueueConfig } from '../queue/queue-config.ts';
import { lazyOcrEngine } from './lazy-ocr-engine.ts';

function failureOf(error: unknown): ExtractionFailure {
  if (isNianbaoError(error)) return { code: error.code, action: error.action, message: error.message, input: error.input };
  return { code: 'E_EXTRACTION_CRASHED', action: 'skip', message: `extraction crashed: ${errorMessage(error)}`, input: undefined };
}

/** Resolves when the parent has gone; `send` is the IPC channel (process.send in a child). */
export async function serveExtractionRequests(channel: NodeJS.Process): Promise<void> {
  const ocr = lazyOcrEngine();
  const archives = new Map<string, Database>();
  const archive = (file: string): Database => {
    let db = archives.get(file);
    if (db === undefined) archives.set(file, (db = openArchive(file, 'query')));
    return db;
  };
  const queues = new Map<string, LazyQueueReader>();
  const queueReader = (config: QueueConfig): LazyQueueReader => {
    const key = `${config.url} ${config.schema ?? ''}`;
    let reader = queues.get(key);
    if (reader === undefined) queues.set(key, (reader = lazyQueueReader(config)));
    return reader;
  };
  let queue = Promise.resolve();
  const handle = async (request: ExtractionRequest): Promise<void> => {
    let reply: ExtractionReply;
    try {
      const imageTables = request.queue === null ? null : queueReader(request.queue).read;
      const extracted = await extractArchivedCapture(archive(request.dbFile), request.captureId, { ocr: request.ocr ? ocr.get : null, imageTables });
      reply = { id: request.id, ok: true, extracted };
    } catch (error) {
      reply = { id: request.id, ok: false, failure: failureOf(error) };
    }
    if (channel.connected) channel.send?.(reply);
  };
  channel.on('message', (request: ExtractionRequest) => {
    queue = queue.then(() => handle(request));
  });
  await new Promise<void>((resolve) => channel.once('disconnect', () => resolve()));
  await queue;
  await ocr.terminate();
  for (const reader of queues.values()) await reader.close();
  for (const db of archives.values()) db.close();
}
