/**
 * Per-host scheduling of a run's frontier (issue 13): each host is its own queue — its pending items stay in the
 * archive and are claimed one at a time — with at most one task in flight per host, up to `maxInFlight` hosts at once,
 * and the next task always taken from a host whose gap (politeness delay, robots.txt Crawl-delay, Retry-After) has
 * passed. Hosts are visited in turn from a cursor, so none waits behind the others. Memory holds the tasks in flight
 * and a window of host names, never the frontier's URLs: a frontier of 10⁵ pending items costs what 10 does.
 */
import type { Database } from 'better-sqlite3';
import { claimNextOfHost, pendingHosts, type FrontierItem } from '../../store/frontier.ts';

export interface HostSchedulerOptions {
  /** Hosts with a task in flight at once (the global limit on open connections). */
  readonly maxInFlight: number;
  /** When (ms since the epoch) a host may next start a request. */
  readonly readyAt: (host: string) => number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** True once the run is being stopped: no more tasks start. */
  readonly stopped: () => boolean;
}

type Pick = { readonly kind: 'ready'; readonly host: string } | { readonly kind: 'wait'; readonly ms: number } | { readonly kind: 'none' };

/**
 * Runs `work` for every pending item of the run (and every item enqueued meanwhile) until none is pending, the run
 * is stopped, or a task throws — then waits for the tasks in flight and rethrows the first error.
 */
export async function workFrontierByHost(db: Database, runId: number, work: (item: FrontierItem) => Promise<void>, options: HostSchedulerOptions): Promise<void> {
  const inFlight = new Map<string, Promise<void>>();
  const window = Math.max(64, 4 * options.maxInFlight);
  let cursor = '';
  let failure: { readonly error: unknown } | null = null;
  for (;;) {
    let pick: Pick = { kind: 'none' };
    while (failure === null && !options.stopped() && inFlight.size < options.maxInFlight) {
      pick = pickHost(db, runId, cursor, window, inFlight, options);
      if (pick.kind !== 'ready') break;
      const host = pick.host;
      cursor = host;
      const item = claimNextOfHost(db, runId, host);
      if (item === null) continue;
      const task = work(item)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(host));
      inFlight.set(host, task);
    }
    if (failure !== null || options.stopped()) break;
    const waits: Promise<unknown>[] = [...inFlight.values()];
    if (pick.kind === 'wait') waits.push(options.sleep(pick.ms));
    if (waits.length === 0) return; // nothing pending, nothing in flight
    await Promise.race(waits);
  }
  await Promise.allSettled(inFlight.values());
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
}

/** The first host after the cursor that has pending items, nothing in flight and its gap passed; else how long to wait. */
function pickHost(db: Database, runId: number, cursor: string, window: number, inFlight: ReadonlyMap<string, unknown>, options: HostSchedulerOptions): Pick {
  const now = options.now();
  let soonest = Number.POSITIVE_INFINITY;
  for (const host of pendingHosts(db, runId, cursor, window + inFlight.size)) {
    if (inFlight.has(host)) continue;
    const readyAt = options.readyAt(host);
    if (readyAt <= now) return { kind: 'ready', host };
    soonest = Math.min(soonest, readyAt);
  }
  return soonest === Number.POSITIVE_INFINITY ? { kind: 'none' } : { kind: 'wait', ms: Math.max(1, soonest - now) };
}
