/**
 * An ImageTablesReader on the OCR queue that connects on first use — most report pages need no OCR, so a crawl with
 * `--queue` opens PostgreSQL only when a page's tables are images — and is closed by whoever made it.
 */
import type { ImageTablesReader } from '../../extract/documents/types.ts';
import { openQueue, type OpenQueue } from './open-queue.ts';
import type { QueueConfig } from './queue-config.ts';
import { queueImageTablesReader, type QueueReaderCounts } from './queue-reader.ts';

export interface LazyQueueReader {
  readonly read: ImageTablesReader;
  readonly counts: QueueReaderCounts;
  close(): Promise<void>;
}

export function lazyQueueReader(config: QueueConfig, onError: (error: Error) => void = () => undefined): LazyQueueReader {
  let opened: Promise<OpenQueue> | null = null;
  const counts: QueueReaderCounts = { sent: 0, reused: 0 };
  return {
    counts,
    read: async (images, options) => {
      opened ??= openQueue(config, onError);
      return queueImageTablesReader(await opened, counts)(images, options);
    },
    close: async () => {
      const started = opened;
      opened = null;
      await (await started?.catch(() => null))?.close();
    },
  };
}
