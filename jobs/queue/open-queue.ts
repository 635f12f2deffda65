/**
 * A connection to the OCR queue: a pg pool for the queue's tables and a started pg-boss (its schema installed or
 * migrated, the image-tables queue created with the configured expiry and retries; both idempotent). PostgreSQL
 * that cannot be reached is a StopError E_QUEUE_UNREACHABLE naming the URL (password hidden).
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import { errorMessage, StopError } from '../../common/errors.ts';
import { IMAGE_TABLES_QUEUE, queueSettings, redactedUrl, type QueueConfig, type QueueSettings } from './queue-config.ts';
import { ensureQueueTables } from './queue-tables.ts';

export interface OpenQueue {
  readonly boss: PgBoss;
  readonly pool: pg.Pool;
  readonly settings: QueueSettings;
  /** Stops pg-boss (waiting for the jobs this process works on, up to `graceMs`) and closes the pool. */
  close(graceMs?: number): Promise<void>;
}

function unreachable(url: string, cause: unknown): StopError {
  return new StopError(
    'E_QUEUE_UNREACHABLE',
    `the queue's PostgreSQL at ${redactedUrl(url)} cannot be reached (${errorMessage(cause)}): start PostgreSQL (./setup.sh installs and starts the local one) or fix --queue`,
    { cause, input: redactedUrl(url) },
  );
}

export async function openQueue(config: QueueConfig, onError: (error: Error) => void = () => undefined): Promise<OpenQueue> {
  const settings = queueSettings(config);
  const pool = new pg.Pool({ connectionString: settings.url, max: 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', onError);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unreachable(settings.url, error);
  }
  const boss = new PgBoss({
    connectionString: settings.url,
    schema: settings.schema,
    max: 4,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  boss.on('error', onError);
  try {
    await ensureQueueTables(pool, settings.schema);
    await boss.start();
    await boss.createQueue(IMAGE_TABLES_QUEUE, {
      name: IMAGE_TABLES_QUEUE,
      expireInSeconds: settings.expireInSeconds,
      retryLimit: settings.retryLimit,
      retryDelay: 0,
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw unreachable(settings.url, error);
  }
  return {
    boss,
    pool,
    settings,
    async close(graceMs = 30_000) {
      await boss.stop({ graceful: true, wait: true, timeout: graceMs });
      await pool.end();
    },
  };
}
