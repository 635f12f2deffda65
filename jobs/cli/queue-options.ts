/** The options of commands that use the OCR queue (`worker`, `reextract --queue`), read into a QueueConfig. */
import type { QueueConfig } from '../queue/queue-config.ts';
import { intOption, stringOption, type OptionSpec, type ParsedArgs } from './args.ts';

export const QUEUE_OPTIONS: OptionSpec = {
  queue: { type: 'string' },
  'queue-schema': { type: 'string' },
  'job-expiry': { type: 'string', number: { min: 1, max: 86_400 } },
  'job-retries': { type: 'string', number: { min: 0, max: 100 } },
  'maintenance-interval': { type: 'string', number: { min: 1, max: 3_600 } },
};

export const QUEUE_HELP = `  --queue-schema NAME  PostgreSQL schema of the queue (default: nianbao_queue)
  --job-expiry S      a job not done S seconds after a worker took it (the worker died) goes to another worker
                      (default: 900; the producer's setting applies to the jobs it sends)
  --job-retries N     attempts after the first before a job fails for good (default: 3)
  --maintenance-interval S  how often expired jobs are looked for (default: 30)`;

/** The queue config, or null without --queue. */
export function queueConfigFrom(args: ParsedArgs): QueueConfig | null {
  const url = stringOption(args, 'queue');
  if (url === undefined) return null;
  const schema = stringOption(args, 'queue-schema');
  const expireInSeconds = intOption(args, 'job-expiry');
  const retryLimit = intOption(args, 'job-retries');
  const maintenanceIntervalSeconds = intOption(args, 'maintenance-interval');
  return {
    url,
    ...(schema === undefined ? {} : { schema }),
    ...(expireInSeconds === undefined ? {} : { expireInSeconds }),
    ...(retryLimit === undefined ? {} : { retryLimit }),
    ...(maintenanceIntervalSeconds === undefined ? {} : { maintenanceIntervalSeconds }),
  };
}
