/**
 * `nianbao schedule`: run the nightly job in-process on a cron expression (5 fields, or 6 with seconds; croner's
 * syntax), for machines without cron or systemd timers. The clock and the sleep are injected so tests run a week of
 * nights in milliseconds. A night that fails (another run holds the lock, a portal list error) is reported and the
 * schedule goes on; out-of-disk stops it.
 */
import { Cron } from 'croner';
import { StopError } from '../../common/errors.ts';

export interface ScheduleOptions {
  readonly cron: string;
  /** IANA zone the expression is read in (default: the machine's). */
  readonly timezone?: string;
  /** Stop after this many runs (default: never). */
  readonly runs?: number;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Stop waiting (Ctrl-C): the loop ends before the next run. */
  readonly signal?: AbortSignal;
  /** One night. Its errors are passed to `onError`; returning 'stop' ends the schedule. */
  runOnce(at: Date): Promise<void>;
  onWait?(next: Date): void;
  onError?(error: unknown): 'continue' | 'stop';
}

/** Longest single sleep: timers cannot wait more than ~24 days, and a long wait re-reads the clock. */
const MAX_SLEEP_MS = 3_600_000;

export function parseCron(expression: string, timezone?: string): Cron {
  try {
    return new Cron(expression, { paused: true, ...(timezone === undefined ? {} : { timezone }) });
  } catch (cause) {
    throw new StopError('E_USAGE', `invalid cron expression "${expression}"${timezone ? ` in zone ${timezone}` : ''}: ${(cause as Error).message}. Example: --cron "0 2 * * *" (02:00 every day)`, { cause });
  }
}

/** Runs until `runs` nights have run, the signal aborts, or the expression has no next time. Returns the number of runs. */
export async function runSchedule(options: ScheduleOptions): Promise<number> {
  const cron = parseCron(options.cron, options.timezone);
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let runs = 0;
  while (options.runs === undefined || runs < options.runs) {
    const next = cron.nextRun(now());
    if (next === null) break;
    options.onWait?.(next);
    while (!options.signal?.aborted && now().getTime() < next.getTime()) await sleep(Math.min(MAX_SLEEP_MS, next.getTime() - now().getTime()));
    if (options.signal?.aborted) break;
    runs += 1;
    try {
      await options.runOnce(next);
    } catch (error) {
      if ((options.onError?.(error) ?? 'continue') === 'stop') break;
    }
  }
  return runs;
}
