/**
 * Where the OCR queue lives and how it treats a job (issue 13 item 3): a PostgreSQL URL, the schema that holds
 * pg-boss's tables and the queue's own (image bytes, results), and the expiry after which a job whose worker died
 * is handed to another worker. Validated here, at the edge.
 */
import { StopError } from '../../common/errors.ts';

export interface QueueConfig {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string;
  /** PostgreSQL schema of pg-boss and of the queue's tables. Default `nianbao_queue`. */
  readonly schema?: string;
  /** A job not completed this many seconds after a worker took it (the worker died or hangs) goes to another worker. Default 900. */
  readonly expireInSeconds?: number;
  /** Attempts after the first before a job fails for good. Default 3. */
  readonly retryLimit?: number;
  /** How often expired jobs are looked for (pg-boss maintenance; one process does it per interval). Default 30 s. */
  readonly maintenanceIntervalSeconds?: number;
  /** How often a producer looks for the result of a job it sent. Default 250 ms. */
  readonly resultPollMs?: number;
}

export type QueueSettings = Required<QueueConfig>;

/** The pg-boss queue of image-table jobs. */
export const IMAGE_TABLES_QUEUE = 'image-tables';

export const DEFAULT_QUEUE_SETTINGS: Omit<QueueSettings, 'url'> = {
  schema: 'nianbao_queue',
  expireInSeconds: 900,
  retryLimit: 3,
  maintenanceIntervalSeconds: 30,
  resultPollMs: 250,
};

export function queueSettings(config: QueueConfig): QueueSettings {
  const settings: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS, ...config };
  if (!/^postgres(ql)?:\/\//.test(settings.url)) {
    throw new StopError('E_USAGE', `--queue expects a PostgreSQL URL (postgres://user:password@host:port/database), got "${settings.url}"`);
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(settings.schema)) {
    throw new StopError('E_CONFIG_INVALID', `queue schema expects lower-case letters, digits and _, got "${settings.schema}"`);
  }
  if (settings.expireInSeconds < 1 || settings.maintenanceIntervalSeconds < 1 || settings.retryLimit < 0 || settings.resultPollMs < 10) {
    throw new StopError('E_CONFIG_INVALID', 'queue: expireInSeconds and maintenanceIntervalSeconds ≥ 1, retryLimit ≥ 0, resultPollMs ≥ 10');
  }
  return settings;
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
